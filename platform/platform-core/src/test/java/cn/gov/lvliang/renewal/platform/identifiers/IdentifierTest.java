package cn.gov.lvliang.renewal.platform.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IdentifierTest {

    @Test
    void knownGoodAndBadValues() {
        assertThat(ResidentIdNumber.isValid("11010519491231002X")).isTrue();
        assertThat(ResidentIdNumber.isValid("110105194912310021")).isFalse();
        assertThat(ResidentIdNumber.isValid("11010519491331002X"))
                .as("month 13")
                .isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(Vin.isValid("1M8GDM9AXKP042788")).isTrue();
        assertThat(Vin.isValid("1M8GDM9A1KP042788")).isFalse();
        assertThat(Vin.isValid("1M8GDM9AXKP04278O")).as("letter O").isFalse();
        assertThat(PlateNumber.isValid("晋J12345")).isTrue();
        assertThat(PlateNumber.isValid("晋JD12345")).as("NEV plate").isTrue();
        assertThat(PlateNumber.isValid("晋JI2345")).as("letter I").isFalse();
        assertThat(PlateNumber.isValid("J12345")).isFalse();
        assertThat(AreaCode.isCounty("141124")).isTrue();
        assertThat(AreaCode.isCounty("141100")).isFalse();
    }

    @Property
    void everyVinWithItsComputedCheckDigitIsValid(@ForAll("vinBodies") String body) {
        String vin = body.substring(0, 8) + Vin.checkDigit(body) + body.substring(9);
        assertThat(Vin.isValid(vin)).isTrue();
    }

    @Property
    void changingOneVinCharacterIsDetected(
            @ForAll("vinBodies") String body, @ForAll @IntRange(min = 0, max = 16) int position) {
        String vin = body.substring(0, 8) + Vin.checkDigit(body) + body.substring(9);
        // Any character whose transliterated value differs changes the weighted sum by a
        // non-multiple of 11 (weights 2..10, 11 is prime), so the check digit catches it.
        int replacementValue = (Vin.value(vin.charAt(position)) + 1) % 10;
        char replacement = (char) ('0' + replacementValue);
        String changed = vin.substring(0, position) + replacement + vin.substring(position + 1);
        assertThat(Vin.isValid(changed)).isFalse();
    }

    @Property
    void everyIdNumberWithItsComputedCheckCharacterIsValidAndOthersAreNot(@ForAll("idBodies") String first17) {
        char check = ResidentIdNumber.checkCharacter(first17);
        assertThat(ResidentIdNumber.isValid(first17 + check)).isTrue();
        for (char other : "0123456789X".toCharArray()) {
            if (other != check) {
                assertThat(ResidentIdNumber.isValid(first17 + other)).isFalse();
            }
        }
    }

    @Property
    void everyCreditCodeWithItsComputedCheckCharacterIsValidAndOthersAreNot(
            @ForAll("creditCodeBodies") String first17) {
        char check = CreditCode.checkCharacter(first17);
        assertThat(CreditCode.isValid(first17 + check)).isTrue();
        for (char other : CreditCode.ALPHABET.toCharArray()) {
            if (other != check) {
                assertThat(CreditCode.isValid(first17 + other)).isFalse();
            }
        }
    }

    @Property
    void arbitraryStringsNeverThrow(@ForAll String anything) {
        Vin.isValid(anything);
        ResidentIdNumber.isValid(anything);
        CreditCode.isValid(anything);
        PlateNumber.isValid(anything);
    }

    @Provide
    Arbitrary<String> vinBodies() {
        return Arbitraries.strings()
                .withChars("0123456789ABCDEFGHJKLMNPRSTUVWXYZ")
                .ofLength(17);
    }

    @Provide
    Arbitrary<String> idBodies() {
        Arbitrary<String> area = Arbitraries.of("141102", "141124", "110105");
        Arbitrary<String> birth = Arbitraries.integers()
                .between(0, 365 * 80)
                .map(d -> java.time.LocalDate.of(1940, 1, 1)
                        .plusDays(d)
                        .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        Arbitrary<String> sequence = Arbitraries.strings().numeric().ofLength(3);
        return net.jqwik.api.Combinators.combine(area, birth, sequence).as((a, b, s) -> a + b + s);
    }

    @Provide
    Arbitrary<String> creditCodeBodies() {
        Arbitrary<String> head = Arbitraries.strings().withChars("159ANY").ofLength(1);
        Arbitrary<String> kind = Arbitraries.strings().withChars("123459").ofLength(1);
        Arbitrary<String> area = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<String> org =
                Arbitraries.strings().withChars(CreditCode.ALPHABET).ofLength(9);
        return net.jqwik.api.Combinators.combine(head, kind, area, org).as((h, k, a, o) -> h + k + a + o);
    }
}
