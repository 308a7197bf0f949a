package cn.gov.lvliang.renewal.subsidy.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A parameters document is parsed and validated once and then shared (docs/performance.md);
 * a document that does not validate is refused every time it is read.
 */
@QuarkusTest
class RuleBookTest {

    private static final String TEN_PERCENT =
            "{\"amount\":{\"kind\":\"PERCENT_OF_PRICE\",\"rateBp\":1000,\"capFen\":100000},"
                    + "\"eligibility\":{\"worstGrade\":2},\"limits\":{\"defaultPerPersonPerCategory\":1}}";
    private static final String TWELVE_PERCENT = TEN_PERCENT.replace("1000", "1200");
    /** Valid JSON for the records, but a percentage without its cap. */
    private static final String NO_CAP =
            "{\"amount\":{\"kind\":\"PERCENT_OF_PRICE\",\"rateBp\":1000}," + "\"eligibility\":{},\"limits\":{}}";

    @Inject
    RuleBook rules;

    @Test
    void aDocumentIsReadOnceAndItsParametersShared() {
        RuleParameters first = rules.parameters(version(TEN_PERCENT));

        assertThat(first.amount().rateBp()).isEqualTo(1000);
        assertThat(rules.parameters(version(new String(TEN_PERCENT))))
                .as("the same document, read again from another row object")
                .isSameAs(first);
    }

    @Test
    void anotherDocumentGivesItsOwnParameters() {
        RuleParameters ten = rules.parameters(version(TEN_PERCENT));
        RuleParameters twelve = rules.parameters(version(TWELVE_PERCENT));

        assertThat(twelve.amount().rateBp()).isEqualTo(1200);
        assertThat(ten.amount().rateBp()).isEqualTo(1000);
    }

    @Test
    void anInvalidDocumentIsRefusedEveryTime() {
        for (int read = 0; read < 2; read++) {
            assertThatThrownBy(() -> rules.parameters(version(NO_CAP)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("amount.capFen is required");
        }
    }

    private static RuleVersion version(String document) {
        RuleVersion version = new RuleVersion();
        version.id = 999_999L;
        version.programmeId = "TEST-PROGRAMME";
        version.version = 1;
        version.parameters = document;
        return version;
    }
}
