package cn.gov.lvliang.renewal.equipment.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

class XlsxWriterTest {

    @Test
    void eachSheetDeclaresItsRealSizeSoReadOnlyReadersSeeEveryRow() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter w = TabularWriter.open(TabularWriter.Format.XLSX, out)) {
            w.sheet("设备现状清单", 1 + 30, 28);
            w.row(java.util.stream.IntStream.range(0, 28).mapToObj(i -> "列" + i).toList());
            for (int r = 0; r < 30; r++) {
                w.row(List.of("row " + r));
            }
            w.sheet("填写说明", 2, 3);
            w.row(List.of("列", "必填", "填写要求"));
            w.row(List.of("a", "b", "c"));
        }
        byte[] xlsx = out.toByteArray();

        assertThat(entry(xlsx, "xl/worksheets/sheet1.xml")).contains("<dimension ref=\"A1:AB31\"/>");
        assertThat(entry(xlsx, "xl/worksheets/sheet2.xml")).contains("<dimension ref=\"A1:C2\"/>");
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = book.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("设备现状清单", "填写说明");
            assertThat(sheets.get(0).read()).hasSize(31);
        }
    }

    @Test
    void valuesKeepTheirTypesAndBlankCellsStayBlank() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter w = TabularWriter.open(TabularWriter.Format.XLSX, out)) {
            w.sheet("x", 1, 6);
            w.row(Arrays.asList(
                    new BigDecimal("1234.50"), 42, LocalDate.of(2024, 3, 1), null, "<焦炉> & \"A\"", " padded "));
        }
        List<Cell> cells = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row row = book.getFirstSheet().read().get(0);
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(row.getCell(i));
            }
        }
        assertThat(cells.get(0).getType()).isEqualTo(CellType.NUMBER);
        assertThat(cells.get(0).asNumber()).isEqualByComparingTo("1234.5");
        assertThat(cells.get(1).asNumber()).isEqualByComparingTo("42");
        assertThat(cells.get(2).asDate().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(cells.get(3)).isNull();
        assertThat(cells.get(4).getText()).isEqualTo("<焦炉> & \"A\"");
        assertThat(cells.get(5).getText()).isEqualTo(" padded ");
    }

    @Test
    void textThatXmlCannotHoldIsReplacedNotWrittenRaw() throws IOException {
        StringBuilder escaped = new StringBuilder();
        XlsxWriter.escape("a\u0001b\tc", escaped);
        assertThat(escaped).hasToString("a\uFFFDb\tc");
    }

    @Test
    void columnLettersAndSheetNamesFollowExcelsRules() {
        assertThat(XlsxWriter.columnLetters(0)).isEqualTo("A");
        assertThat(XlsxWriter.columnLetters(25)).isEqualTo("Z");
        assertThat(XlsxWriter.columnLetters(26)).isEqualTo("AA");
        assertThat(XlsxWriter.columnLetters(701)).isEqualTo("ZZ");
        assertThat(XlsxWriter.columnLetters(702)).isEqualTo("AAA");
        assertThat(XlsxWriter.sheetName("a/b:c")).isEqualTo("a_b_c");
        assertThat(XlsxWriter.sheetName("x".repeat(40))).hasSize(31);
    }

    @Test
    void aSheetThatDoesNotMatchItsDeclaredSizeIsAnError() {
        assertThatThrownBy(() -> {
                    try (TabularWriter w = TabularWriter.open(TabularWriter.Format.XLSX, new ByteArrayOutputStream())) {
                        w.sheet("x", 3, 1);
                        w.row(List.of("only one"));
                    }
                })
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("declared 3 rows but has 1");
        assertThatThrownBy(() -> {
                    try (TabularWriter w = TabularWriter.open(TabularWriter.Format.XLSX, new ByteArrayOutputStream())) {
                        w.sheet("x", 1, 1);
                        w.row(List.of("a", "b"));
                    }
                })
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("declared 1 wide");
    }

    /** The text of one part of the package. */
    static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " not in the file");
    }
}
