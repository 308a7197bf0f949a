package cn.gov.lvliang.renewal.subsidy.messaging;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The data of {@value #TYPE}. */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record CertificateVoided(
        @NotBlank String certificateNumber,
        @NotBlank String reason,
        @NotNull Instant voidedAt) implements CertificateEvent {

    public static final String TYPE = "cn.gov.lvliang.recycling.certificate.voided.v1";

    @Override
    public <R> R accept(Cases<R> cases) {
        return cases.voided(this);
    }
}
