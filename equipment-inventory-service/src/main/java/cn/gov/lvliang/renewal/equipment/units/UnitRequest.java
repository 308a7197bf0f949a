package cn.gov.lvliang.renewal.equipment.units;

import cn.gov.lvliang.renewal.platform.identifiers.CountyCode;
import cn.gov.lvliang.renewal.platform.identifiers.ValidCreditCode;
import cn.gov.lvliang.renewal.platform.identifiers.ValidResidentIdNumber;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "register a project unit" and "change a project unit". */
@Schema(name = "UnitRequest", description = "登记或修改项目单位 / register or change a project unit")
public record UnitRequest(
        @Schema(
                description = "统一社会信用代码 (GB 32100), 组织必填, 自然人不填 / credit code: required for an"
                        + " organisation (a family farm or cooperative keeps its own), absent for a PERSON",
                example = "91141100MA0K0000XA",
                pattern = "\\S")
        @ValidCreditCode
        String creditCode,

        @Schema(
                description = "居民身份证号码 (GB 11643), 仅自然人 (type PERSON) / resident ID number, PERSON only:"
                        + " stored encrypted and as a keyed hash, shown masked; the same number again finds the"
                        + " same unit",
                example = "141124198001011233")
        @ValidResidentIdNumber
        String idNumber,

        @Schema(
                description =
                        "单位名称, 自然人为姓名 (加密保存, 脱敏显示) / name; a person's name is stored encrypted" + " and shown masked",
                example = "吕梁某焦化有限公司")
        @NotBlank
        @Size(max = 200)
        String name,

        @Schema(description = "县级行政区划代码 / county", example = "141181") @NotBlank @CountyCode
        String county,

        @Schema(description = "重点领域代码 (see /api/equipment/sectors) / sector", example = "coking") @Size(max = 64)
        String sector,

        @Schema(description = "单位类型 / unit type") @NotNull UnitType type,

        @Schema(description = "联系人 / contact person (personal data)", example = "王五") @Size(max = 64)
        String contactName,

        @Schema(description = "联系电话 / contact phone (personal data)", example = "13812345678")
        @Pattern(regexp = "1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}")
        String contactPhone,

        @Schema(description = "版本号，修改时必填 / version, required when changing", example = "0")
        Integer version) {

    /**
     * A person names an ID number and no credit code; an organisation the reverse.
     *
     * @throws cn.gov.lvliang.renewal.platform.problem.ProblemException 400 naming the field
     */
    public void checkIdentity() {
        boolean person = type == UnitType.PERSON;
        String given = person ? idNumber : creditCode;
        if (given == null || given.isBlank()) {
            throw Problems.invalidField(person ? "idNumber" : "creditCode", null, "field.required");
        }
        String other = person ? creditCode : idNumber;
        if (other != null) {
            throw Problems.invalidField(person ? "creditCode" : "idNumber", other, "field.not-for-unit-type", type);
        }
    }
}
