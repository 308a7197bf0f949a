package cn.gov.lvliang.renewal.recycling.certificates;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "correct a scrap certificate": the whole content as it should read, a reason, the version corrected. */
@Schema(name = "CorrectScrapCertificate", description = "更正回收证明 / correct a scrap certificate")
public record CorrectScrapCertificate(
        @Schema(description = "更正后的完整内容 / the content as corrected") @Valid @NotNull
        ScrapCertificateContent corrected,

        @Schema(description = "更正原因 / reason", example = "发动机号录入错误") @NotBlank @Size(max = 500)
        String reason,

        @Schema(description = "被更正的版本号 / the version being corrected; a stale one answers 409", example = "1")
        @NotNull
        @Positive
        Integer version) {}
