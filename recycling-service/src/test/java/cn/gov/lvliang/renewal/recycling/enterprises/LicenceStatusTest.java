package cn.gov.lvliang.renewal.recycling.enterprises;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LicenceStatusTest {

    private static final LocalDate BASE = LocalDate.of(2024, 1, 1);

    @Property
    void onlyARecordedValidQualificationWithinItsPeriodIsValid(
            @ForAll QualificationStatus recorded,
            @ForAll @IntRange(min = 0, max = 2000) int from,
            @ForAll @IntRange(min = 0, max = 2000) int length,
            @ForAll @IntRange(min = -100, max = 4200) int day) {
        LocalDate validFrom = BASE.plusDays(from);
        LocalDate validTo = validFrom.plusDays(length);
        LocalDate today = BASE.plusDays(day);
        LicenceStatus status = LicenceStatus.on(recorded, validFrom, validTo, today);

        boolean inPeriod = !today.isBefore(validFrom) && !today.isAfter(validTo);
        assertThat(status == LicenceStatus.VALID).isEqualTo(recorded == QualificationStatus.VALID && inPeriod);
        if (recorded == QualificationStatus.VALID && today.isAfter(validTo)) {
            assertThat(status).isEqualTo(LicenceStatus.EXPIRED);
        }
        if (recorded != QualificationStatus.VALID) {
            assertThat(status.name()).isEqualTo(recorded.name());
        }
    }

    @Property
    void theLastDayIsStillValidAndTheNextIsExpired(@ForAll @IntRange(min = 0, max = 2000) int length) {
        LocalDate to = BASE.plusDays(length);
        assertThat(LicenceStatus.on(QualificationStatus.VALID, BASE, to, to)).isEqualTo(LicenceStatus.VALID);
        assertThat(LicenceStatus.on(QualificationStatus.VALID, BASE, to, to.plusDays(1)))
                .isEqualTo(LicenceStatus.EXPIRED);
    }
}
