package cn.gov.lvliang.renewal.recycling.usedcars;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded used-car trade. */
@Schema(name = "UsedCarTrade", description = "二手车交易记录 / used-car trade")
public record UsedCarTradeView(
        String tradeId,
        String marketCreditCode,
        String county,
        String vin,
        LocalDate tradeDate,
        @Schema(description = "成交价 (分) / price in fen") long priceFen,
        LocalDate firstRegistrationDate,
        String fromArea,
        String toArea,
        String destinationCountry,
        Long odometerKm,
        @Schema(description = "跨区域交易 / cross-region") boolean crossRegion,
        @Schema(description = "出口 / export") boolean export,

        @Schema(description = "零公里二手车 (首次登记后 N 天内交易) / zero-mileage flag")
        boolean zeroMileage,

        Instant recordedAt) {

    static UsedCarTradeView of(UsedCarTrade t) {
        return new UsedCarTradeView(
                t.tradeId,
                t.marketCreditCode,
                t.county,
                t.vin,
                t.tradeDate,
                t.priceFen,
                t.firstRegistrationDate,
                t.fromArea,
                t.toArea,
                t.destinationCountry,
                t.odometerKm,
                t.crossRegion,
                t.export,
                t.zeroMileage,
                t.recordedAt);
    }
}
