package cn.gov.lvliang.renewal.subsidy.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * The part of {@value #TYPE} this service reads: a used-car trade (二手车交易) recorded by
 * recycling-service; {@code zeroMileage} when the car was traded within recycling-service's
 * zero-mileage days of its first registration (零公里二手车), the sign of a new car bought with a
 * subsidy and resold at once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsedCarTraded(
        @NotBlank String tradeId,
        @NotBlank String vin,
        @NotNull LocalDate tradeDate,
        String county,
        boolean zeroMileage) {

    public static final String TYPE = "cn.gov.lvliang.recycling.used-car.traded.v1";
}
