package cn.gov.lvliang.renewal.subsidy.certificates;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The data of {@code cn.gov.lvliang.recycling.certificate.voided.v1}. */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record CertificateVoided(
        @NotBlank String certificateNumber,
        @NotBlank String reason,
        @NotNull Instant voidedAt) {}
