package cn.gov.lvliang.renewal.recycling.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The content rules of a farm-machinery certificate, without the service. */
class FarmMachineryOwnerTest {

    private static final String ID = "141124198001011233";
    private static final String CREDIT_CODE = "91141100MA0K0000XA";
    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aPersonNamesAnIdNumberAndNoCreditCode() {
        new FarmMachineryOwner(OwnerKind.PERSON, "王二小", ID, null).check("owner.");
        assertThat(refusedField(() -> new FarmMachineryOwner(OwnerKind.PERSON, "王二小", null, null).check("owner.")))
                .isEqualTo("owner.idNumber");
        assertThat(refusedField(() -> new FarmMachineryOwner(OwnerKind.PERSON, "王二小", ID, CREDIT_CODE).check("owner.")))
                .isEqualTo("owner.creditCode");
    }

    @Test
    void anOrganisationNamesACreditCodeAndNoIdNumber() {
        new FarmMachineryOwner(OwnerKind.ORGANISATION, "丰收合作社", null, CREDIT_CODE).check("");
        assertThat(refusedField(() -> new FarmMachineryOwner(OwnerKind.ORGANISATION, "丰收合作社", null, " ").check("")))
                .isEqualTo("creditCode");
        assertThat(refusedField(
                        () -> new FarmMachineryOwner(OwnerKind.ORGANISATION, "丰收合作社", ID, CREDIT_CODE).check("")))
                .isEqualTo("idNumber");
    }

    @Test
    void powerIsPositiveAtMostAThousandKilowattsWithOneDecimal() {
        assertThat(powerViolations("58.8")).isZero();
        assertThat(powerViolations("1000")).isZero();
        assertThat(powerViolations("0.1")).isZero();
        assertThat(powerViolations("0")).isOne();
        assertThat(powerViolations("-3")).isOne();
        assertThat(powerViolations("1000.1")).isOne();
        assertThat(powerViolations("58.85")).isOne();
    }

    @Test
    void theIdNumberAndTheSerialsAreChecked() {
        FarmMachineryOwner badId = new FarmMachineryOwner(OwnerKind.PERSON, "王二小", "141124198001011234", null);
        assertThat(VALIDATOR.validate(badId))
                .extracting(v -> v.getPropertyPath().toString())
                .contains("idNumber");
        FarmMachineryContent lowerCaseSerial = content(new BigDecimal("58.8"), "df-1");
        assertThat(VALIDATOR.validate(lowerCaseSerial))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactly("factoryNumber");
    }

    private static String refusedField(Runnable check) {
        try {
            check.run();
        } catch (ProblemException e) {
            assertThat(e.status()).isEqualTo(400);
            return e.violations().get(0).field();
        }
        throw new AssertionError("not refused");
    }

    private static long powerViolations(String kw) {
        return VALIDATOR.validate(content(new BigDecimal(kw), "DF-1")).stream()
                .filter(v -> v.getPropertyPath().toString().equals("powerKw"))
                .count();
    }

    private static FarmMachineryContent content(BigDecimal kw, String factoryNumber) {
        return new FarmMachineryContent(
                "141124",
                MachineType.TRACTOR,
                kw,
                factoryNumber,
                null,
                "东方红 LX804",
                LocalDate.of(2025, 3, 18),
                new FarmMachineryOwner(OwnerKind.PERSON, "王二小", ID, null));
    }
}
