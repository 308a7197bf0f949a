package cn.gov.lvliang.renewal.equipment.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabularWriterTest {

    @Test
    void csvNeutralisesTextASpreadsheetWouldEvaluate() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter w = TabularWriter.open(TabularWriter.Format.CSV, out)) {
            w.sheet("x", 2, 5);
            w.row(List.of("=HYPERLINK(\"http://evil\")", "+1", "@SUM(A1)", "-2", "焦炉"));
            w.row(Arrays.asList(new BigDecimal("-12.50"), LocalDate.of(2005, 6, 1), null, 3, "a,b"));
        }
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        assertThat(csv.split("\r\n")[0].substring(1))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\",'+1,'@SUM(A1),'-2,焦炉");
        // Numbers stay numbers; only text is neutralised.
        assertThat(csv.split("\r\n")[1]).isEqualTo("-12.50,2005-06-01,,3,\"a,b\"");
    }
}
