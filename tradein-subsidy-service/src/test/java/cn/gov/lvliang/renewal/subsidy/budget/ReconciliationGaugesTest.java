package cn.gov.lvliang.renewal.subsidy.budget;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reconciliation gauges see a balance written outside the ledger, and only that. */
@QuarkusTest
class ReconciliationGaugesTest {

    @Inject
    ReconciliationGauges gauges;

    @Test
    void aBalanceChangedBySqlShowsAsOneMismatchedAccountAndItsDifferenceInFen() {
        String programme = Fixtures.applianceProgramme("RECON-", Map.of());
        Fixtures.allocate(programme, "141125", 1_000_000);
        ReconciliationGauges.Check before = gauges.refresh();
        assertThat(before.mismatchedAccounts())
                .as("the ledger's own writes agree with the journal")
                .isZero();

        String tamper = "update budget_account set allocated_fen = allocated_fen + ? where programme_id = ?"
                + " and county = '141125' and funding_source = 'CENTRAL'";
        Fixtures.execute(tamper, 700L, programme);
        try {
            assertThat(gauges.refresh())
                    .isEqualTo(new ReconciliationGauges.Check(
                            before.mismatchedAccounts() + 1, before.differenceFen() + 700));
            String metrics =
                    given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics)
                    .containsPattern("subsidy_budget_reconciliation_mismatched_accounts\\S* 1\\.0")
                    .containsPattern("subsidy_budget_reconciliation_difference_fen\\S* 700\\.0");
        } finally {
            Fixtures.execute(tamper, -700L, programme);
        }
        assertThat(gauges.refresh()).isEqualTo(before);
    }
}
