package cn.gov.lvliang.renewal.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

class XlsxTest {

    @Test
    void theChartsTableIsWrittenAsAWorkbookWithItsHeadingsAndValues() throws Exception {
        Chart chart = new Chart(
                "各县对比: 临县/离石区",
                List.of("区划代码", "名称", "实际值"),
                List.of(Arrays.asList("141124", "临县", new BigDecimal("120")), Arrays.asList("141102", "离石区", null)),
                null,
                null);
        Path file = Files.createTempFile("chart", ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Xlsx.write(chart, out);
        }
        StringBuilder strings = new StringBuilder();
        StringBuilder sheet = new StringBuilder();
        // the streamed workbook has data descriptors, which ZipFile reads from the central directory
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String text = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                if (entry.getName().equals("xl/sharedStrings.xml")) {
                    strings.append(text);
                } else if (entry.getName().startsWith("xl/worksheets/")) {
                    sheet.append(text);
                }
            }
        } finally {
            Files.delete(file);
        }
        // fastexcel writes characters outside ASCII as numeric references
        String text = Pattern.compile("&#x([0-9a-fA-F]+);")
                .matcher(strings)
                .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
        assertThat(text).contains("区划代码", "名称", "实际值", "临县", "离石区", "141124");
        assertThat(sheet.toString()).contains("<v>120</v>");
    }

    @Test
    void sheetNamesLoseTheCharactersExcelRefusesAndStayShort() {
        assertThat(Xlsx.sheetName("a/b:c*d?e[f]g\\h")).isEqualTo("a b c d e f g h");
        assertThat(Xlsx.sheetName("x".repeat(40))).hasSize(31);
        assertThat(Xlsx.sheetName("  ")).isEqualTo("data");
    }
}
