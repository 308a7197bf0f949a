package cn.gov.lvliang.renewal.subsidy.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The data of {@value #TYPE}: the farm-machinery certificate is void (decision 0039). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FarmMachineryCertificateVoided(
        @NotBlank String certificateNumber,
        @NotBlank String reason,
        @NotNull Instant voidedAt) {

    public static final String TYPE = "cn.gov.lvliang.recycling.farm-machinery-certificate.voided.v1";
}
