package cn.gov.lvliang.renewal.tasks.indicators;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The data of the bureau's stream (statistics.events, docs/events/asyncapi.yaml) as the indicators
 * read it: the indicators are computed from the same PII-free events the bureau receives, live and
 * when rebuilt, so both give the same numbers. Fields they do not need are ignored.
 */
public final class IndicatorEvents {

    static final String VEHICLE_SCRAPPED = "cn.gov.lvliang.statistics.vehicle.scrapped.v1";
    static final String USED_CAR_TRADED = "cn.gov.lvliang.statistics.used-car.traded.v1";
    static final String APPLIANCE_RECYCLED = "cn.gov.lvliang.statistics.appliance.recycled.v1";
    static final String CLAIM_PAID = "cn.gov.lvliang.statistics.claim.paid.v1";
    static final String INVESTMENT_COMPLETED = "cn.gov.lvliang.statistics.renewal.investment-completed.v1";
    static final String INDICATOR_UPDATED = "cn.gov.lvliang.statistics.indicator.updated.v1";

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

    /** A value entered by hand ({@code source} MANUAL); event-fed updates are derived, not replayed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IndicatorUpdated(
            @NotBlank String indicatorCode,
            @NotBlank @Pattern(regexp = "\\d{6}") String areaCode,
            @NotBlank @Pattern(regexp = "\\d{4}-\\d{2}") String period,
            @NotNull BigDecimal value,
            @NotNull Indicator.Source source) {}
}
