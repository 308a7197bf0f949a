package cn.gov.lvliang.renewal.equipment.lists;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A streaming XLSX writer (SpreadsheetML, ECMA-376) that holds one row at a time. Each sheet
 * declares its size before its first row, so that its {@code <dimension>} is right: readers that
 * trust it (openpyxl and pandas in read-only mode) see every row and column. The declared size
 * is checked when the sheet ends.
 *
 * <p>Text is written inline (no shared-string table to hold in memory), numbers and dates as
 * typed values (a date is a serial day number with a {@code yyyy-mm-dd} format), never formulas.
 */
final class XlsxWriter implements TabularWriter {

    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String XML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    /** Day 0 of Excel's 1900 date system, as the serial numbers count it (1900-03-01 on). */
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
    /** The style index of a date cell in styles.xml. */
    private static final int DATE_STYLE = 1;

    private final ZipOutputStream zip;
    private final Writer xml;
    private final List<String> sheetNames = new ArrayList<>();
    private String[] columnLetters = new String[0];
    private long declaredRows;
    private int declaredColumns;
    private long row;
    private boolean inSheet;

    XlsxWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.zip.setLevel(Deflater.BEST_SPEED);
        this.xml = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void sheet(String name, long rows, int columns) throws IOException {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("a sheet has at least one row and one column");
        }
        endSheet();
        sheetNames.add(name);
        declaredRows = rows;
        declaredColumns = columns;
        columnLetters = new String[columns];
        for (int c = 0; c < columns; c++) {
            columnLetters[c] = columnLetters(c);
        }
        row = 0;
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + sheetNames.size() + ".xml"));
        xml.write(XML_HEAD);
        xml.write("<worksheet xmlns=\"" + MAIN_NS + "\"><dimension ref=\"A1:" + columnLetters[columns - 1] + rows
                + "\"/><sheetData>");
        inSheet = true;
    }

    @Override
    public void row(List<?> values) throws IOException {
        if (!inSheet) {
            throw new IllegalStateException("row before sheet");
        }
        if (values.size() > declaredColumns) {
            throw new IllegalStateException(
                    "row of " + values.size() + " cells in a sheet declared " + declaredColumns + " wide");
        }
        row++;
        xml.write("<row r=\"");
        xml.write(Long.toString(row));
        xml.write("\">");
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value != null) {
                cell(columnLetters[c], value);
            }
        }
        xml.write("</row>");
    }

    private void cell(String column, Object value) throws IOException {
        xml.write("<c r=\"");
        xml.write(column);
        xml.write(Long.toString(row));
        if (value instanceof LocalDate date) {
            xml.write("\" s=\"" + DATE_STYLE + "\"><v>");
            xml.write(Long.toString(ChronoUnit.DAYS.between(EPOCH, date)));
            xml.write("</v></c>");
        } else if (value instanceof Number number) {
            xml.write("\"><v>");
            xml.write(number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString());
            xml.write("</v></c>");
        } else if (value instanceof Boolean flag) {
            xml.write("\" t=\"b\"><v>");
            xml.write(flag ? "1" : "0");
            xml.write("</v></c>");
        } else {
            xml.write("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
            escape(value.toString(), xml);
            xml.write("</t></is></c>");
        }
    }

    private void endSheet() throws IOException {
        if (!inSheet) {
            return;
        }
        xml.write("</sheetData></worksheet>");
        xml.flush();
        zip.closeEntry();
        inSheet = false;
        if (row != declaredRows) {
            throw new IllegalStateException("sheet " + sheetNames.get(sheetNames.size() - 1) + " declared "
                    + declaredRows + " rows but has " + row);
        }
    }

    @Override
    public void close() throws IOException {
        endSheet();
        if (sheetNames.isEmpty()) {
            throw new IllegalStateException("a workbook has at least one sheet");
        }
        entry("[Content_Types].xml", contentTypes());
        entry(
                "_rels/.rels",
                XML_HEAD + "<Relationships xmlns=\"" + PACKAGE_REL_NS + "\"><Relationship Id=\"rId1\"" + " Type=\""
                        + REL_NS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        entry("xl/workbook.xml", workbook());
        entry("xl/_rels/workbook.xml.rels", workbookRelationships());
        entry("xl/styles.xml", STYLES);
        xml.flush();
        zip.finish();
        zip.flush();
    }

    private void entry(String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        xml.write(content);
        xml.flush();
        zip.closeEntry();
    }

    private String contentTypes() {
        StringBuilder s = new StringBuilder(XML_HEAD)
                .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append(
                        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .append(
                        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
                .append(
                        "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (int i = 1; i <= sheetNames.size(); i++) {
            s.append("<Override PartName=\"/xl/worksheets/sheet")
                    .append(i)
                    .append(
                            ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return s.append("</Types>").toString();
    }

    private String workbook() throws IOException {
        StringBuilder s = new StringBuilder(XML_HEAD)
                .append("<workbook xmlns=\"" + MAIN_NS + "\" xmlns:r=\"" + REL_NS + "\"><sheets>");
        for (int i = 0; i < sheetNames.size(); i++) {
            StringBuilder name = new StringBuilder();
            escape(sheetName(sheetNames.get(i)), name);
            s.append("<sheet name=\"")
                    .append(name)
                    .append("\" sheetId=\"")
                    .append(i + 1)
                    .append("\" r:id=\"rId")
                    .append(i + 1)
                    .append("\"/>");
        }
        return s.append("</sheets></workbook>").toString();
    }

    private String workbookRelationships() {
        StringBuilder s = new StringBuilder(XML_HEAD).append("<Relationships xmlns=\"" + PACKAGE_REL_NS + "\">");
        for (int i = 1; i <= sheetNames.size(); i++) {
            s.append("<Relationship Id=\"rId")
                    .append(i)
                    .append("\" Type=\"" + REL_NS + "/worksheet\" Target=\"worksheets/sheet")
                    .append(i)
                    .append(".xml\"/>");
        }
        return s.append("<Relationship Id=\"rId")
                .append(sheetNames.size() + 1)
                .append("\" Type=\"" + REL_NS + "/styles\" Target=\"styles.xml\"/></Relationships>")
                .toString();
    }

    /** Default style 0, and style 1 for dates (number format 164, yyyy-mm-dd). */
    private static final String STYLES = XML_HEAD
            + "<styleSheet xmlns=\"" + MAIN_NS + "\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
            + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"等线\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>";

    /** A, B, …, Z, AA, AB, … for the 0-based column index. */
    static String columnLetters(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    /** Excel's rules for sheet names: at most 31 characters, none of {@code []:*?/\}. */
    static String sheetName(String name) {
        String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", "_");
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }

    /** XML-escapes text; characters XML 1.0 cannot hold become U+FFFD. */
    static void escape(String text, Appendable out) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    boolean allowed = ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch <= 0xFFFD);
                    out.append(allowed ? ch : '\uFFFD');
                }
            }
        }
    }
}
