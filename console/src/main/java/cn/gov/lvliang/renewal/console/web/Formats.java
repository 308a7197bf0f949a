package cn.gov.lvliang.renewal.console.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How values from the API are shown: fen as yuan, ISO timestamps to the minute, short ids. */
@TemplateExtension
public final class Formats {

    private Formats() {}

    /** 100000 fen → {@code 1,000.00}. */
    public static String yuan(Number fen) {
        if (fen == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(new BigDecimal(fen.toString()).movePointLeft(2));
    }

    /** {@code 2026-12-04T18:51:26.123Z} → {@code 2026-12-04 18:51} (UTC, as the API gives it). */
    public static String minute(String iso) {
        if (iso == null || iso.length() < 16) {
            return iso == null ? "" : iso;
        }
        return iso.substring(0, 16).replace('T', ' ');
    }

    /** The first 8 characters of an id, enough to tell claims apart in a list. */
    public static String shortId(String id) {
        return id == null || id.length() <= 8 ? id : id.substring(0, 8);
    }
}
