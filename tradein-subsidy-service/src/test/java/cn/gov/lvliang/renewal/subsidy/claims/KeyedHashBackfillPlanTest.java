package cn.gov.lvliang.renewal.subsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The keyed-hash backfill runs at every start; its question ("which claims still lack the hash?")
 * must be answered from V29's partial indexes, never by reading the claim table (18 GB at 10⁷
 * claims). Planned with sequential and bitmap scans off, since on a test database of a few claims a
 * sequential scan is cheapest: without its partial index the plan walks a whole index of claim.
 */
@QuarkusTest
class KeyedHashBackfillPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eachColumnsPendingClaimsComeFromItsPartialIndex() throws SQLException {
        assertThat(plan(KeyedHashBackfill.pending(KeyedHashBackfill.COLUMNS.get(0))))
                .contains("claim_phone_hash_missing")
                .doesNotContain("Seq Scan");
        assertThat(plan(KeyedHashBackfill.pending(KeyedHashBackfill.COLUMNS.get(1))))
                .contains("claim_bank_account_hash_missing")
                .doesNotContain("Seq Scan");
    }

    private String plan(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("set local enable_seqscan = off");
                statement.execute("set local enable_bitmapscan = off");
                List<String> lines = new ArrayList<>();
                try (ResultSet plan = statement.executeQuery("explain " + sql)) {
                    while (plan.next()) {
                        lines.add(plan.getString(1));
                    }
                }
                return String.join("\n", lines);
            } finally {
                connection.rollback();
            }
        }
    }
}
