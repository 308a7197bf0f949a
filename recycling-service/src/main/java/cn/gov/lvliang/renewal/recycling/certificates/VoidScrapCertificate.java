package cn.gov.lvliang.renewal.recycling.certificates;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "void a scrap certificate". */
@Schema(name = "VoidScrapCertificate", description = "作废回收证明 / void a scrap certificate")
public record VoidScrapCertificate(
        @Schema(description = "作废原因 (必填) / reason, required", example = "重复签发") @NotBlank @Size(max = 500)
        String reason) {}
