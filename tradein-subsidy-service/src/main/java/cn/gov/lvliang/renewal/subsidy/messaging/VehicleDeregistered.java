package cn.gov.lvliang.renewal.subsidy.messaging;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * The data of {@value #TYPE}: the traffic police deregistered (注销登记) the scrapped vehicle of a
 * certificate. A truck claim whose rule version asks for it is paid only after this (decision 0039).
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record VehicleDeregistered(
        @NotBlank String certificateNumber,
        String county,
        @NotNull LocalDate deregisteredOn) {

    public static final String TYPE = "cn.gov.lvliang.recycling.vehicle.deregistered.v1";
}
