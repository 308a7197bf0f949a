package cn.gov.lvliang.renewal.recycling.messaging;

import java.time.LocalDate;

/** Data of {@code cn.gov.lvliang.recycling.used-car.traded.v1}. */
public record UsedCarTraded(
        String tradeId,
        String county,
        String vin,
        LocalDate tradeDate,
        long priceFen,
        boolean crossRegion,
        boolean export,
        boolean zeroMileage) {}
