package cn.gov.lvliang.renewal.tasks.indicators;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The data of other services' events as the indicator consumers read them (docs/events/). Fields
 * they do not need are ignored.
 */
public final class IndicatorEvents {

    static final String VEHICLE_SCRAPPED = "cn.gov.lvliang.recycling.vehicle.scrapped.v1";
    static final String USED_CAR_TRADED = "cn.gov.lvliang.recycling.used-car.traded.v1";
    static final String APPLIANCE_RECYCLED = "cn.gov.lvliang.recycling.appliance.recycled.v1";
    static final String CLAIM_PAID = "cn.gov.lvliang.subsidy.claim.paid.v1";
    static final String INVESTMENT_COMPLETED = "cn.gov.lvliang.equipment.renewal.investment-completed.v1";

    private IndicatorEvents() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VehicleScrapped(
            @NotBlank String certificateNumber,
            @NotBlank @Pattern(regexp = "\\d{6}") String county,
            @NotNull LocalDate handoverDate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UsedCarTraded(
            @NotBlank @Pattern(regexp = "\\d{6}") String county,
            @NotNull LocalDate tradeDate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ApplianceRecycled(
            @NotBlank @Pattern(regexp = "\\d{6}") String county,
            @NotNull @PositiveOrZero Integer count,
            @NotNull LocalDate recordedOn) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClaimPaid(
            @NotBlank @Pattern(regexp = "\\d{6}") String county,
            @NotNull @PositiveOrZero Long amountFen,
            @NotNull Instant paidAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InvestmentCompleted(
            @NotBlank @Pattern(regexp = "\\d{6}") String county,
            @NotNull @PositiveOrZero Long amountFen,
            @NotNull LocalDate completedOn) {}
}
