package cn.gov.lvliang.renewal.tasks.statistics;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One statistical observation (观测值): an indicator's value for an area and month.
 *
 * @param value null when nothing was reported (status {@code M})
 * @param unit SDMX unit code, such as {@code CNY_FEN} or {@code VEHICLE}
 * @param status SDMX observation status: {@code A} normal, {@code M} missing
 */
public record Observation(
        String indicator, String area, YearMonth period, BigDecimal value, String unit, String status) {

    /** The value as SDMX writes it: plain decimal, no exponent, no trailing zeros; empty when missing. */
    public String valueText() {
        if (value == null) {
            return "";
        }
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
