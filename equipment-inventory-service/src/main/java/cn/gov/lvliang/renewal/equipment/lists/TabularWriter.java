package cn.gov.lvliang.renewal.equipment.lists;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes rows to XLSX (fastexcel, streamed: rows are flushed as they go, strings inline) or CSV
 * (UTF-8 with BOM so that Excel opens Chinese headers). Text that a spreadsheet would take for a
 * formula ({@code = + - @}) is prefixed with an apostrophe in CSV; XLSX cells are always typed
 * values, never formulas.
 */
public interface TabularWriter extends AutoCloseable {

    /** Starts a (further) sheet; CSV has only one. */
    void sheet(String name) throws IOException;

    void row(List<?> values) throws IOException;

    @Override
    void close() throws IOException;

    static TabularWriter open(Format format, OutputStream out) throws IOException {
        return format == Format.XLSX ? new Xlsx(out) : new Csv(out);
    }

    /** The two file formats. */
    enum Format {
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        CSV("text/csv; charset=UTF-8", "csv");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }
    }

    /** Neutralises text that a spreadsheet would evaluate (CSV injection). */
    static String safeText(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    final class Xlsx implements TabularWriter {
        private final Workbook workbook;
        private Worksheet sheet;
        private int row;

        Xlsx(OutputStream out) {
            this.workbook = new Workbook(out, "equipment-inventory-service", "1.0");
        }

        @Override
        public void sheet(String name) throws IOException {
            if (sheet != null) {
                sheet.finish();
            }
            sheet = workbook.newWorksheet(name);
            row = 0;
        }

        @Override
        public void row(List<?> values) throws IOException {
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                if (v == null) {
                    continue;
                }
                if (v instanceof Number n) {
                    sheet.value(row, c, n);
                } else if (v instanceof LocalDate d) {
                    sheet.value(row, c, d);
                    sheet.style(row, c).format("yyyy-mm-dd").set();
                } else {
                    sheet.inlineString(row, c, v.toString());
                }
            }
            row++;
            if (row % 1000 == 0) {
                sheet.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (sheet != null) {
                sheet.finish();
            }
            workbook.finish();
        }
    }

    final class Csv implements TabularWriter {
        private final CSVPrinter printer;
        private boolean started;

        Csv(OutputStream out) throws IOException {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        }

        @Override
        public void sheet(String name) {
            if (started) {
                throw new IllegalStateException("CSV has one sheet");
            }
            started = true;
        }

        @Override
        public void row(List<?> values) throws IOException {
            for (Object v : values) {
                if (v == null) {
                    printer.print("");
                } else if (v instanceof BigDecimal d) {
                    printer.print(d.toPlainString());
                } else if (v instanceof Number || v instanceof LocalDate) {
                    printer.print(v.toString());
                } else {
                    printer.print(safeText(v.toString()));
                }
            }
            printer.println();
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }
}
