package cn.gov.lvliang.renewal.subsidy.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/**
 * The data of {@value #TYPE}: the fields of
 * vehicle.scrapped.v1 as corrected, plus the certificate's new version (the first issue is 1).
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record CertificateCorrected(
        @NotBlank String certificateNumber,
        @NotBlank String dismantlerCreditCode,
        @NotBlank @Pattern(regexp = "\\d{6}") String county,
        @NotBlank @Pattern(regexp = "[A-HJ-NPR-Z0-9]{17}") String vin,
        @NotNull LocalDate firstRegistrationDate,
        @NotNull LocalDate handoverDate,
        @NotBlank String powerType,
        @NotNull @Valid VehicleScrapped.Owner owner,
        @NotNull @Min(2) Integer version)
        implements CertificateEvent {

    public static final String TYPE = "cn.gov.lvliang.recycling.certificate.corrected.v1";

    @Override
    public <R> R accept(Cases<R> cases) {
        return cases.corrected(this);
    }
}
