package cn.gov.lvliang.renewal.recycling.certificates;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "correct a farm-machinery scrap certificate": the whole content as corrected, why, which version. */
@Schema(
        name = "CorrectFarmMachineryCertificate",
        description = "更正农机报废回收证明 / correct a farm-machinery scrap certificate")
public record CorrectFarmMachineryCertificate(
        @Schema(description = "更正后的完整内容 / the content as corrected") @Valid @NotNull
        FarmMachineryContent corrected,

        @Schema(description = "更正原因 / reason", example = "出厂编号录入错误") @NotBlank @Size(max = 500)
        String reason,

        @Schema(description = "被更正的版本号 / the version being corrected; a stale one answers 409", example = "1")
        @NotNull
        @Positive
        Integer version) {}
