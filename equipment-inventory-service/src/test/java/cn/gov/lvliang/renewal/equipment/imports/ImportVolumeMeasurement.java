package cn.gov.lvliang.renewal.equipment.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Manual measurement, not part of the normal build: imports 100,000-row CSV and XLSX files and
 * prints the time and the peak heap. Run with
 * {@code -Dmeasure=true -Dtest=ImportVolumeMeasurement -DargLine="-Xmx512m"}. Asserts only that
 * every row was accepted.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "measure", matches = "true")
class ImportVolumeMeasurement {

    static final int ROWS = 100_000;

    static List<String> header() {
        return List.of(
                "统一社会信用代码",
                "单位名称",
                "县（市、区）",
                "重点领域",
                "单位类型",
                "资产编号",
                "设备名称",
                "规格型号",
                "设备类别",
                "数量（台套/公里）",
                "投产时间",
                "设计使用年限（年）",
                "能效等级",
                "能效水平",
                "环保绩效等级",
                "原值（元）",
                "所在位置");
    }

    static List<String> row(List<String> units, int i) {
        return List.of(
                units.get(i % units.size()),
                "吕梁测试单位" + (i % units.size()),
                i % 2 == 0 ? "141181" : "汾阳市",
                i % 3 == 0 ? "焦化" : "coal",
                "企业",
                "V-" + i,
                "设备" + i,
                "M-" + (i % 97),
                i % 5 == 0 ? "电力设备" : "用能设备",
                "1",
                (2000 + i % 25) + "-0" + (1 + i % 9) + "-15",
                String.valueOf(10 + i % 20),
                String.valueOf(1 + i % 3),
                i % 4 == 0 ? "节能水平" : "准入水平",
                "ABCD".substring(i % 4, i % 4 + 1),
                (10000 + i) + ".50",
                "吕梁市某地" + i);
    }

    static List<String> units() {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            units.add(TestIdentifiers.creditCode());
        }
        return units;
    }

    @Test
    void csv() throws IOException {
        Path file = Files.createTempFile("status-100k", ".csv");
        List<String> units = units();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", header()));
            w.write('\n');
            for (int i = 0; i < ROWS; i++) {
                w.write(String.join(",", row(units, i)));
                w.write('\n');
            }
        }
        measure("CSV", file);
    }

    @Test
    void xlsx() throws IOException {
        Path file = Files.createTempFile("status-100k", ".xlsx");
        List<String> units = units();
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("设备现状清单");
            List<String> header = header();
            for (int c = 0; c < header.size(); c++) {
                ws.value(0, c, header.get(c));
            }
            for (int i = 0; i < ROWS; i++) {
                List<String> row = row(units, i);
                for (int c = 0; c < row.size(); c++) {
                    ws.value(i + 1, c, row.get(c));
                }
                if (i % 1000 == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        }
        measure("XLSX", file);
    }

    private static void measure(String format, Path file) throws IOException {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long start = System.nanoTime();
        JsonPath report = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .multiPart("file", file.toFile())
                .queryParam("mode", "ACCEPT_VALID")
                .post("/api/equipment/imports/status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(
                "MEASURE %s: %d rows, file %d KiB, %d ms, heap before %d MiB, peak heap (sum of pool peaks) %d MiB, max %d"
                        + " MiB, accepted %d, errors %d%n",
                format,
                ROWS,
                Files.size(file) / 1024,
                millis,
                before >> 20,
                peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                report.getInt("accepted"),
                report.getInt("errorCount"));
        assertThat(report.getInt("accepted")).isEqualTo(ROWS);
        Files.delete(file);
    }
}
