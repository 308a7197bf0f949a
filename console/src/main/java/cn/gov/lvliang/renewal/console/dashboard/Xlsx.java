package cn.gov.lvliang.renewal.console.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes a chart's table as an XLSX workbook, streamed row by row (fastexcel). */
final class Xlsx {

    private static final int FLUSH_EVERY = 1000;

    private Xlsx() {}

    static void write(Chart chart, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "renewal-console", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName(chart.title()));
        List<String> columns = chart.columns();
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c));
            sheet.style(0, c).bold().set();
        }
        int r = 1;
        for (List<Object> row : chart.rows()) {
            for (int c = 0; c < row.size(); c++) {
                Object value = row.get(c);
                if (value instanceof Number number) {
                    sheet.value(r, c, number instanceof BigDecimal big ? big : new BigDecimal(number.toString()));
                } else if (value != null) {
                    sheet.value(r, c, value.toString());
                }
            }
            if (r % FLUSH_EVERY == 0) {
                sheet.flush();
            }
            r++;
        }
        workbook.finish();
    }

    /** A worksheet name: at most 31 characters, none of {@code []:*?/\}. */
    static String sheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ").trim();
        return name.isEmpty() ? "data" : name.length() > 31 ? name.substring(0, 31) : name;
    }
}
