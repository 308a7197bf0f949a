package cn.gov.lvliang.renewal.subsidy.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/**
 * The data of {@value #TYPE} as this service reads it
 * (docs/events/recycling.md). Fields it does not need are ignored.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record VehicleScrapped(
        @NotBlank String certificateNumber,
        @NotBlank String dismantlerCreditCode,
        @NotBlank @Pattern(regexp = "\\d{6}") String county,
        @NotBlank @Pattern(regexp = "[A-HJ-NPR-Z0-9]{17}") String vin,
        @NotNull LocalDate firstRegistrationDate,
        @NotNull LocalDate handoverDate,
        @NotBlank String powerType,
        @NotNull @Valid Owner owner)
        implements CertificateEvent {

    public static final String TYPE = "cn.gov.lvliang.recycling.vehicle.scrapped.v1";

    @Override
    public <R> R accept(Cases<R> cases) {
        return cases.scrapped(this);
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record Owner(
            @NotBlank @Pattern(regexp = "[0-9a-f]{64}") String idNumberHash,
            @NotBlank String idNumberMasked,
            @NotBlank String nameMasked) {}
}
