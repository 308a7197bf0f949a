package cn.gov.lvliang.renewal.equipment.register;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The asset tag stays as strict as the Java pattern it had before it left the OpenAPI document. */
class AssetTagTest {

    record Tagged(@AssetTag String tag) {}

    record PatternTagged(@Pattern(regexp = AssetTag.REGEXP) String tag) {}

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"JH-2005-017", "焦炉3号", "a", "Ω_1./-", "٣٤"})
    void acceptsLettersAndDigitsOfAnyScript(String tag) {
        assertThat(validator.validate(new Tagged(tag))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-JH", " JH", "JH 1", "JH#1", "_x", ""})
    void refusesOtherCharactersAndALeadingSeparator(String tag) {
        assertThat(validator.validate(new Tagged(tag))).hasSize(1);
    }

    @Test
    void saysWhatThePatternConstraintSaidBefore() {
        String before =
                validator.validate(new PatternTagged("-JH")).iterator().next().getMessage();

        assertThat(validator.validate(new Tagged("-JH")))
                .singleElement()
                .satisfies(violation ->
                        assertThat(violation.getMessage()).isEqualTo(before).contains(AssetTag.REGEXP));
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 65})
    void allowsAtMost64Characters(int length) {
        assertThat(validator.validate(new Tagged("A".repeat(length)))).hasSize(length <= 64 ? 0 : 1);
    }
}
