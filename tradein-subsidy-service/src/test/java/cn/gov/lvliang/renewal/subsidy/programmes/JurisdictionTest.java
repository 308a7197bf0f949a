package cn.gov.lvliang.renewal.subsidy.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JurisdictionTest {

    @Test
    void aCountyProgrammeTakesItsOwnCountyOnly() {
        assertThat(Jurisdiction.covers("141102", "141102")).isTrue();
        assertThat(Jurisdiction.covers("141102", "141124")).isFalse();
    }

    @Test
    void aCityProgrammeTakesItsCountiesAndNoOtherCitys() {
        assertThat(Jurisdiction.covers("141100", "141102")).isTrue();
        assertThat(Jurisdiction.covers("141100", "141124")).isTrue();
        assertThat(Jurisdiction.covers("141100", "141181")).isTrue();
        assertThat(Jurisdiction.covers("141100", "140105")).isFalse();
    }

    @Test
    void aProvinceProgrammeTakesEveryCountyOfTheProvince() {
        assertThat(Jurisdiction.covers("140000", "141124")).isTrue();
        assertThat(Jurisdiction.covers("140000", "140105")).isTrue();
        assertThat(Jurisdiction.covers("140000", "130102")).isFalse();
    }

    @Test
    void malformedCodesAreNeverCovered() {
        assertThat(Jurisdiction.covers("141102", null)).isFalse();
        assertThat(Jurisdiction.covers("1411", "141102")).isFalse();
        assertThat(Jurisdiction.covers("141100", "14110")).isFalse();
    }
}
