package cn.gov.lvliang.renewal.tasks.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SDMX-CSV 2.0 (SDMX 3.0 CSV format) of the indicator observations: one header line, then one
 * line per observation, columns {@code STRUCTURE, STRUCTURE_ID, ACTION}, the dimensions {@code
 * INDICATOR, REF_AREA} (GB/T 2260) and {@code TIME_PERIOD} (YYYY-MM), {@code OBS_VALUE}, and the
 * attributes {@code UNIT_MEASURE, OBS_STATUS}. Lines end with LF; the output depends only on the
 * observations, so equal data gives equal bytes.
 */
public final class SdmxCsv {

    public static final String MEDIA_TYPE = "application/vnd.sdmx.data+csv; version=2.0.0";
    public static final String STRUCTURE = "dataflow";
    public static final String STRUCTURE_ID = "LVLIANG:DF_RENEWAL_INDICATORS(1.0)";
    /** SDMX action: I = information (the full current values). */
    public static final String ACTION = "I";

    public static final List<String> COLUMNS = List.of(
            "STRUCTURE",
            "STRUCTURE_ID",
            "ACTION",
            "INDICATOR",
            "REF_AREA",
            "TIME_PERIOD",
            "OBS_VALUE",
            "UNIT_MEASURE",
            "OBS_STATUS");

    private SdmxCsv() {}

    public static String write(List<Observation> observations) {
        StringBuilder out = new StringBuilder();
        line(out, COLUMNS);
        for (Observation o : observations) {
            line(
                    out,
                    List.of(
                            STRUCTURE,
                            STRUCTURE_ID,
                            ACTION,
                            o.indicator(),
                            o.area(),
                            o.period().toString(),
                            o.valueText(),
                            o.unit(),
                            o.status()));
        }
        return out.toString();
    }

    /** The same data as JSON objects keyed by the SDMX column names. */
    public static Map<String, Object> json(List<Observation> observations) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("structure", STRUCTURE);
        out.put("structureId", STRUCTURE_ID);
        out.put("action", ACTION);
        out.put(
                "observations",
                observations.stream()
                        .map(o -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("INDICATOR", o.indicator());
                            row.put("REF_AREA", o.area());
                            row.put("TIME_PERIOD", o.period().toString());
                            row.put("OBS_VALUE", o.value());
                            row.put("UNIT_MEASURE", o.unit());
                            row.put("OBS_STATUS", o.status());
                            return row;
                        })
                        .toList());
        return out;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(cells.get(i)));
        }
        out.append('\n');
    }

    /** RFC 4180 quoting, for cells with a comma, quote or line break. */
    static String escape(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
