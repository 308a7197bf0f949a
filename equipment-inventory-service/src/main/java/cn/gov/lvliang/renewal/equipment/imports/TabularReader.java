package cn.gov.lvliang.renewal.equipment.imports;

import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads an uploaded sheet row by row without holding it in memory: CSV with commons-csv, XLSX with
 * fastexcel-reader (StAX over the zip entry). The first non-empty row is the header. Formula
 * cells are reported as such so that the import can reject them.
 */
public abstract class TabularReader implements AutoCloseable {

    /** One cell's text, and whether the cell was a formula or a number in the sheet. */
    public record SourceCell(String text, boolean formula, boolean number) {
        static final SourceCell EMPTY = new SourceCell("", false, false);
    }

    /** A data row; {@code number} is the spreadsheet row number (the header is row 1). */
    public record SourceRow(int number, List<SourceCell> cells) {
        public SourceCell cell(int index) {
            return index < cells.size() ? cells.get(index) : SourceCell.EMPTY;
        }

        public boolean blank() {
            return cells.stream().allMatch(c -> c.text().isBlank());
        }
    }

    protected final int maxColumns;

    protected TabularReader(int maxColumns) {
        this.maxColumns = maxColumns;
    }

    /** The next row, or null at the end. */
    public abstract SourceRow next() throws IOException;

    @Override
    public abstract void close() throws IOException;

    public static TabularReader csv(Path file, int maxColumns) throws IOException {
        return new Csv(Files.newInputStream(file), maxColumns);
    }

    /** Opens an XLSX after checking its zip structure against bombs. */
    public static TabularReader xlsx(Path file, ImportConfig limits) throws IOException {
        guardAgainstZipBomb(file, limits);
        return new Xlsx(file, limits.maxColumns());
    }

    static void guardAgainstZipBomb(Path file, ImportConfig limits) throws IOException {
        long total = 0;
        int entries = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                entries++;
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size < 0 || entries > 10_000) {
                    throw bomb();
                }
                total += size;
                if (size > (1 << 20) && compressed > 0 && size / compressed > limits.maxCompressionRatio()) {
                    throw bomb();
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new ProblemException(400, "import-file", "detail.import-file", List.of(), "not an XLSX file");
        }
        if (total > limits.maxUncompressedBytes()) {
            throw bomb();
        }
    }

    private static ProblemException bomb() {
        return new ProblemException(400, "import-file", "detail.import-zip-bomb", List.of());
    }

    static final class Csv extends TabularReader {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;

        Csv(InputStream in, int maxColumns) throws IOException {
            super(maxColumns);
            Reader reader = new InputStreamReader(skipBom(in), StandardCharsets.UTF_8);
            this.parser =
                    CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader);
            this.records = parser.iterator();
        }

        private static InputStream skipBom(InputStream in) throws IOException {
            java.io.PushbackInputStream p = new java.io.PushbackInputStream(new java.io.BufferedInputStream(in), 3);
            byte[] head = new byte[3];
            int n = p.readNBytes(head, 0, 3);
            if (!(n == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF)) {
                p.unread(head, 0, n);
            }
            return p;
        }

        @Override
        public SourceRow next() {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record;
            try {
                record = records.next();
            } catch (java.io.UncheckedIOException | IllegalStateException e) {
                throw new ProblemException(
                        400, "import-file", "detail.import-file", List.of(), "CSV: " + e.getMessage());
            }
            List<SourceCell> cells = new ArrayList<>();
            for (int i = 0; i < Math.min(record.size(), maxColumns); i++) {
                String text = record.get(i);
                cells.add(new SourceCell(text, text.startsWith("="), false));
            }
            return new SourceRow((int) record.getRecordNumber(), cells);
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    static final class Xlsx extends TabularReader {
        private final ReadableWorkbook workbook;
        private final Stream<Row> rows;
        private final Iterator<Row> iterator;

        Xlsx(Path file, int maxColumns) throws IOException {
            super(maxColumns);
            try {
                this.workbook = new ReadableWorkbook(file.toFile());
                this.rows = workbook.getFirstSheet().openStream();
            } catch (IOException | RuntimeException e) {
                throw new ProblemException(400, "import-file", "detail.import-file", List.of(), "not a readable XLSX");
            }
            this.iterator = rows.iterator();
        }

        @Override
        public SourceRow next() {
            Row row;
            try {
                if (!iterator.hasNext()) {
                    return null;
                }
                row = iterator.next();
            } catch (RuntimeException e) {
                throw new ProblemException(
                        400, "import-file", "detail.import-file", List.of(), "XLSX: " + e.getMessage());
            }
            List<SourceCell> cells = new ArrayList<>();
            for (int i = 0; i < Math.min(row.getCellCount(), maxColumns); i++) {
                Cell cell = row.getCell(i);
                if (cell == null) {
                    cells.add(SourceCell.EMPTY);
                } else if (cell.getType() == CellType.FORMULA || cell.getFormula() != null) {
                    cells.add(new SourceCell("=" + cell.getFormula(), true, false));
                } else if (cell.getType() == CellType.NUMBER) {
                    cells.add(new SourceCell(cell.getRawValue(), false, true));
                } else {
                    String text = cell.getText();
                    cells.add(new SourceCell(text == null ? "" : text, false, false));
                }
            }
            return new SourceRow(row.getRowNum(), cells);
        }

        @Override
        public void close() throws IOException {
            rows.close();
            workbook.close();
        }
    }
}
