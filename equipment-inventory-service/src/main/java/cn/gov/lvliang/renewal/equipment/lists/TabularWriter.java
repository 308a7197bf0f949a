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

/**
 * Writes rows to XLSX ({@link XlsxWriter}, streamed: one row in memory, strings inline) or CSV
 * (UTF-8 with BOM so that Excel opens Chinese headers). Text that a spreadsheet would take for a
 * formula ({@code = + - @}) is prefixed with an apostrophe in CSV; XLSX cells are always typed
 * values, never formulas.
 */
public interface TabularWriter extends AutoCloseable {

    /**
     * Starts a (further) sheet; CSV has only one. An XLSX sheet declares its size up front (its
     * {@code <dimension>}), so the caller counts first: {@code rows} is every row it will write,
     * header included, and {@code columns} the widest row.
     */
    void sheet(String name, long rows, int columns) throws IOException;

    void row(List<?> values) throws IOException;

    @Override
    void close() throws IOException;

    static TabularWriter open(Format format, OutputStream out) throws IOException {
        return format == Format.XLSX ? new XlsxWriter(out) : new Csv(out);
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

    final class Csv implements TabularWriter {
        private final CSVPrinter printer;
        private boolean started;

        Csv(OutputStream out) throws IOException {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        }

        @Override
        public void sheet(String name, long rows, int columns) {
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
