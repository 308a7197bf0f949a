package cn.gov.lvliang.renewal.recycling.certificates;

import cn.gov.lvliang.renewal.platform.identifiers.ValidCreditCode;
import cn.gov.lvliang.renewal.platform.identifiers.ValidResidentIdNumber;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The owner of a scrapped farm machine (农机所有人): a natural person with a resident ID number, or
 * an organisation (cooperative, family farm, company) with a credit code; never both.
 */
@Schema(
        name = "FarmMachineryOwner",
        description = "农机所有人 / owner: a person (ID number) or an organisation (credit code)")
public record FarmMachineryOwner(
        @Schema(description = "所有人类型 / PERSON (农户/个人) or ORGANISATION (合作社、家庭农场、企业)") @NotNull
        OwnerKind kind,

        @Schema(description = "姓名或单位名称 / name (stored encrypted, shown masked)", example = "王二小")
        @NotBlank
        @Size(max = 100)
        String name,

        @Schema(
                description = "居民身份证号码 (GB 11643), PERSON only / resident ID number (stored encrypted and"
                        + " as a keyed hash, shown masked)",
                example = "141124198001011233")
        @ValidResidentIdNumber
        String idNumber,

        @Schema(description = "统一社会信用代码, ORGANISATION only / credit code", example = "93141124MA0K1234XB")
        @ValidCreditCode
        String creditCode) {

    /**
     * A person names an ID number and no credit code; an organisation the reverse.
     *
     * @param prefix where the owner sits in the request body, for the field names of errors
     * @throws cn.gov.lvliang.renewal.platform.problem.ProblemException 400 naming the field
     */
    public void check(String prefix) {
        boolean person = kind == OwnerKind.PERSON;
        String required = person ? "idNumber" : "creditCode";
        String refused = person ? "creditCode" : "idNumber";
        if (isBlank(person ? idNumber : creditCode)) {
            throw Problems.invalidField(prefix + required, null, "field.required");
        }
        String other = person ? creditCode : idNumber;
        if (other != null) {
            throw Problems.invalidField(prefix + refused, other, "field.not-for-owner-kind", kind);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
