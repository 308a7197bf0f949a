package cn.gov.lvliang.renewal.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SqlValuesTest {

    private static final Instant AT = Instant.parse("2026-12-04T10:15:30.123456Z");

    @Test
    void everyTimestampTypeGivesTheSameInstant() {
        assertThat(SqlValues.instant(AT)).isEqualTo(AT);
        assertThat(SqlValues.instant(AT.atOffset(ZoneOffset.ofHours(8)))).isEqualTo(AT);
        assertThat(SqlValues.instant(Timestamp.from(AT))).isEqualTo(AT);
        assertThat(SqlValues.instant(null)).isNull();
    }

    @Test
    void everyDateTypeGivesTheSameDate() {
        LocalDate day = LocalDate.of(2027, 12, 31);
        assertThat(SqlValues.localDate(day)).isEqualTo(day);
        assertThat(SqlValues.localDate(Date.valueOf(day))).isEqualTo(day);
        assertThat(SqlValues.localDate(null)).isNull();
    }

    @Test
    void anythingElseIsRefusedByName() {
        assertThatThrownBy(() -> SqlValues.instant("2026-12-04")).hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> SqlValues.localDate(OffsetDateTime.now())).hasMessageContaining("OffsetDateTime");
    }
}
