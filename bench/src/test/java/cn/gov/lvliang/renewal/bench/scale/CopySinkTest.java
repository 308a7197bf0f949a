package cn.gov.lvliang.renewal.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CopySinkTest {

    private static String field(Object value) {
        StringBuilder out = new StringBuilder();
        CopySink.field(out, value);
        return out.toString();
    }

    @Test
    void fieldsAreInCopyTextFormat() {
        assertThat(field(null)).isEqualTo("\\N");
        assertThat(field(true)).isEqualTo("t");
        assertThat(field(12L)).isEqualTo("12");
        assertThat(field("a\tb\nc\\d")).isEqualTo("a\\tb\\nc\\\\d");
        assertThat(field(LocalDate.of(2025, 3, 1))).isEqualTo("2025-03-01");
        assertThat(field(Instant.parse("2025-03-01T01:02:03.000004Z"))).isEqualTo("2025-03-01T01:02:03.000004Z");
        assertThat(field(new String[0])).isEqualTo("{}");
        assertThat(field(new String[] {"A", "B\"C"})).isEqualTo("{\"A\",\"B\\\\\"C\"}");
    }
}
