package cn.gov.lvliang.renewal.equipment.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.renewal.platform.identifiers.CreditCode;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import org.junit.jupiter.api.Test;

class PersonUnitCodeTest {

    @Test
    void aPersonUnitCodeHas18CharactersAndIsNeverAValidCreditCode() {
        String code = PersonUnitCode.of("141124", 42);
        assertThat(code).isEqualTo("ZR1411240000000042").hasSize(18);
        assertThat(PersonUnitCode.isPersonUnitCode(code)).isTrue();
        assertThat(CreditCode.isValid(code)).isFalse();
        assertThat(new ValidUnitCode.Validator().isValid(code, null)).isTrue();
        assertThat(new ValidUnitCode.Validator().isValid(TestIdentifiers.creditCode(), null))
                .isTrue();
        assertThat(new ValidUnitCode.Validator().isValid("ZR14112400000000", null))
                .isFalse();
        assertThat(new ValidUnitCode.Validator().isValid("ZR141124000000004A", null))
                .isFalse();
        assertThat(PersonUnitCode.isPersonUnitCode("91141100MA0K0000XA")).isFalse();
    }

    @Test
    void theSerialMustFitTenDigits() {
        assertThat(PersonUnitCode.of("141102", 9_999_999_999L)).isEqualTo("ZR1411029999999999");
        assertThatThrownBy(() -> PersonUnitCode.of("141102", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonUnitCode.of("141102", 10_000_000_000L))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
