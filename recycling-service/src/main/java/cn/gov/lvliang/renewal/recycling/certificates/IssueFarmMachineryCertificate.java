package cn.gov.lvliang.renewal.recycling.certificates;

import cn.gov.lvliang.renewal.platform.identifiers.ValidCreditCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "issue a farm-machinery scrap certificate": the number, the dismantler and the content. */
@Schema(name = "IssueFarmMachineryCertificate", description = "签发农机报废回收证明 / issue a farm-machinery scrap certificate")
public record IssueFarmMachineryCertificate(
        @Schema(description = "证明编号 / certificate number", example = "NJ-2025-000123")
        @NotBlank
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{5,31}")
        String certificateNumber,

        @Schema(
                description = "农机回收拆解企业统一社会信用代码 / the dismantler's credit code; must match the token's" + " enterprise",
                example = "91141100MA0K0000XA")
        @NotBlank
        @ValidCreditCode
        String dismantlerCreditCode,

        @Schema(description = "证明内容 / the content") @Valid @NotNull
        FarmMachineryContent content) {}
