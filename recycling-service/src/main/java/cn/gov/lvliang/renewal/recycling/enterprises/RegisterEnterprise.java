package cn.gov.lvliang.renewal.recycling.enterprises;

import cn.gov.lvliang.renewal.platform.identifiers.CountyCode;
import cn.gov.lvliang.renewal.platform.identifiers.ValidCreditCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "register a licensed enterprise". */
@Schema(name = "RegisterEnterprise", description = "登记回收企业及其资质 / register an enterprise and its qualification")
public record RegisterEnterprise(
        @Schema(description = "统一社会信用代码 (GB 32100) / credit code", example = "91141100MA0K0000XA")
        @NotBlank
        @ValidCreditCode
        String creditCode,

        @Schema(description = "企业名称 / name", example = "吕梁市某报废汽车回收拆解有限公司") @NotBlank @Size(max = 128)
        String name,

        @Schema(description = "企业类型 / type", example = "DISMANTLER") @NotNull
        EnterpriseType type,

        @Schema(description = "所在县级行政区划代码 / county", example = "141102") @NotBlank @CountyCode
        String county,

        @Schema(description = "经营地址 / business address", example = "吕梁市离石区某路 1 号") @NotBlank @Size(max = 200)
        String address,

        @Schema(description = "联系人 / contact person (stored encrypted, never published)", example = "李四")
        @NotBlank
        @Size(max = 64)
        String contactName,

        @Schema(description = "联系电话 / contact phone (stored encrypted, never published)", example = "13812345678")
        @NotBlank
        @Pattern(regexp = "1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}")
        String contactPhone,

        @Schema(description = "资质 / qualification") @Valid @NotNull
        QualificationInput qualification) {}
