package cn.gov.lvliang.renewal.recycling.usedcars;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The flags of a used-car trade (二手车交易). Pure rules, no framework. */
public final class TradeFlags {

    private TradeFlags() {}

    /**
     * 零公里二手车: traded within {@code days} days of first registration (that day included), the
     * pattern of new cars registered only to be resold as used.
     */
    public static boolean zeroMileage(LocalDate firstRegistration, LocalDate tradeDate, int days) {
        long age = ChronoUnit.DAYS.between(firstRegistration, tradeDate);
        return age >= 0 && age <= days;
    }

    /**
     * 跨区域: the car leaves or enters the city: the two GB/T 2260 area codes lie in different
     * prefecture-level cities (their first four digits differ). Unknown destination: not cross-region.
     */
    public static boolean crossRegion(String fromArea, String toArea) {
        if (fromArea == null || toArea == null) {
            return false;
        }
        return !fromArea.substring(0, 4).equals(toArea.substring(0, 4));
    }
}
