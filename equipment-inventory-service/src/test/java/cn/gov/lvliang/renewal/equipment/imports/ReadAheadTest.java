package cn.gov.lvliang.renewal.equipment.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.equipment.lists.ListKind;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadTest {

    @TempDir
    Path dir;

    private TabularReader csv(int rows, boolean blankEveryTenth) throws IOException {
        List<String> header = RowParserTest.header(ListKind.RETIREMENT);
        Map<String, String> values = RowParserTest.retirementRow(TestIdentifiers.creditCode());
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        for (int i = 0; i < rows; i++) {
            String tag = "T-" + i;
            text.append(
                            blankEveryTenth && i % 10 == 9
                                    ? ""
                                    : String.join(
                                            ",",
                                            header.stream()
                                                    .map(h -> h.equals("资产编号") ? tag : values.getOrDefault(h, ""))
                                                    .toList()))
                    .append('\n');
        }
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        TabularReader reader = TabularReader.csv(file, 100);
        reader.next(); // the header
        return reader;
    }

    private static RowParser parser() {
        return new RowParser(ListKind.RETIREMENT, RowParserTest.header(ListKind.RETIREMENT), RowParserTest.SECTORS);
    }

    @Test
    void rowsComeOutParsedInFileOrderWithoutTheBlankOnes() throws IOException {
        try (TabularReader reader = csv(95, true);
                ReadAhead rows = new ReadAhead(reader, parser(), RowParserTest.TODAY, 4, "test-read-ahead")) {
            List<Integer> numbers = new ArrayList<>();
            ReadAhead.Row row;
            while ((row = rows.next()) != null) {
                assertThat(row.parsed().valid()).isTrue();
                assertThat(row.parsed().get("assetTag")).isEqualTo("T-" + (row.number() - 2));
                numbers.add(row.number());
            }
            assertThat(numbers).hasSize(86).isSorted().startsWith(2, 3).doesNotContain(11, 21);
            assertThat(rows.next()).isNull();
        }
    }

    @Test
    @Timeout(10)
    void closingBeforeTheEndStopsTheReadingThread() throws IOException {
        try (TabularReader reader = csv(5_000, false)) {
            ReadAhead rows = new ReadAhead(reader, parser(), RowParserTest.TODAY, 2, "test-read-ahead");
            assertThat(rows.next().number()).isEqualTo(2);
            rows.close();
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(t -> t.getName().equals("test-read-ahead"));
        }
    }
}
