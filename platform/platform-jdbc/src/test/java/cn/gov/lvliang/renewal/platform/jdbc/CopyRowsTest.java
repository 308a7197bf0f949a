package cn.gov.lvliang.renewal.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.api.Test;

class CopyRowsTest {

    private enum Status {
        IN_SERVICE
    }

    @Test
    void fieldsAreTabSeparatedRowsEndWithANewlineAndNullIsBackslashN() {
        CopyRows rows = new CopyRows();
        rows.add(1L).add("a").add(null).endRow();
        rows.add(2L).add("b").add(true).endRow();
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.text()).isEqualTo("1\ta\t\\N\n2\tb\ttrue\n");
    }

    @Test
    void backslashTabNewlineAndCarriageReturnAreEscaped() {
        CopyRows rows = new CopyRows();
        rows.add("{\"name\":\"a\\\"b\"}").add("x\ty\nz\rw").endRow();
        assertThat(rows.text()).isEqualTo("{\"name\":\"a\\\\\"b\"}\tx\\ty\\nz\\rw\n");
    }

    @Test
    void valuesAreWrittenAsTheDriverSendsThem() {
        CopyRows rows = new CopyRows();
        rows.add(new BigDecimal("1E+3"))
                .add(LocalDate.of(2024, Month.MARCH, 5))
                .add(LocalDate.of(0, Month.JANUARY, 1))
                .add(LocalDate.of(12345, Month.JUNE, 30))
                .add(Status.IN_SERVICE)
                .add(Instant.parse("2026-11-29T15:00:00.123456Z"))
                .endRow();
        assertThat(rows.text())
                .isEqualTo("1000\t2024-03-05\t0001-01-01 BC\t12345-06-30\tIN_SERVICE\t2026-11-29T15:00:00.123456Z\n");
    }
}
