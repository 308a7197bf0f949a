package cn.gov.lvliang.renewal.tasks.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a baseline upload: one {@code area,value} per line (an optional header line starting with
 * "area"), area a county code or 141100. Pure Java; every bad line is reported, none is guessed.
 */
public final class BaselineCsv {

    private BaselineCsv() {}

    /** One baseline. */
    public record Row(String area, BigDecimal value) {}

    /** A line that could not be read (1-based). */
    public record Error(int line, String text, String reason) {}

    /** The rows, or the errors when there is any. */
    public record Result(List<Row> rows, List<Error> errors) {}

    public static Result read(String csv, Set<String> knownAreas) {
        List<Row> rows = new ArrayList<>();
        List<Error> errors = new ArrayList<>();
        String[] lines = (csv == null ? "" : csv.replace("\uFEFF", "")).split("\r?\n|\r");
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()
                    || (i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("area"))) {
                continue;
            }
            String[] cells = line.split("[,，;\\t]");
            if (cells.length != 2) {
                errors.add(new Error(i + 1, line, "expected area,value"));
                continue;
            }
            String area = cells[0].strip();
            if (!knownAreas.contains(area)) {
                errors.add(new Error(i + 1, line, "unknown area " + area));
                continue;
            }
            BigDecimal value;
            try {
                value = new BigDecimal(cells[1].strip());
            } catch (NumberFormatException e) {
                errors.add(new Error(i + 1, line, "not a number"));
                continue;
            }
            if (value.signum() < 0) {
                errors.add(new Error(i + 1, line, "negative"));
                continue;
            }
            if (!seen.add(area)) {
                errors.add(new Error(i + 1, line, "area given twice"));
                continue;
            }
            rows.add(new Row(area, value));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new Error(0, "", "no rows"));
        }
        return new Result(rows, errors);
    }
}
