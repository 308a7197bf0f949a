package cn.gov.lvliang.renewal.subsidy.claims;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Claim lists read their matches from the list indexes alone (decision 0059, V25): the statements a
 * list request sends, caught at the JDBC driver ({@link CountingDriver}), are planned by PostgreSQL
 * and every plan that reads claims must be an index-only scan in list order. A filter that the
 * indexes did not carry made the count read a table row per entry it tested (0.7 s at 10⁷ claims),
 * and a page read every row before it; both showed here as an {@code Index Scan} of {@code claim}.
 *
 * <p>The plans are generic (the statement as sent, with its parameters unbound) and sequential and
 * bitmap scans are switched off: on a test database of a few claims a sequential scan is cheapest
 * and would say nothing about the indexes.
 */
@QuarkusTest
@TestProfile(ClaimStatementsTest.Counting.class)
class ClaimListPlanTest {

    private static final Pattern PAGE_ROWS = Pattern.compile("where c1_0\\.id in ?\\(");

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String password;

    @BeforeEach
    void someClaims() throws SQLException {
        for (int i = 0; i < 3; i++) {
            Fixtures.fileApplianceClaim(TestIdentifiers.creditCode(), "AIR_CONDITIONER", 500_000, "2025-03-01")
                    .then()
                    .statusCode(201);
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("vacuum (analyze) claim"); // the visibility map an index-only scan relies on
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "page=0&size=20",
                "page=999&size=20",
                "county=141102&page=0&size=20",
                "county=141102&status=PENDING_REVIEW&programmeId=HOME-APPLIANCE&page=0&size=20",
                "county=141102&status=PENDING_REVIEW&programmeId=HOME-APPLIANCE&page=999&size=20",
                "county=141102&programmeId=HOME-APPLIANCE&riskLevel=HIGH&page=0&size=20",
                "status=PENDING_REVIEW&page=0&size=20",
                "programmeId=HOME-APPLIANCE&page=999&size=20"
            })
    void theListsMatchesAndPageIdsComeFromAnIndexOnly(String query) throws SQLException {
        CountingDriver.start();
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(CLAIMS + "?" + query)
                .then()
                .statusCode(200);
        List<String> readsOfClaims = CountingDriver.stop().statements().stream()
                .filter(sql -> sql.toLowerCase(Locale.ROOT).contains(" from claim "))
                .toList();

        assertThat(readsOfClaims).as("the page's ids and the count").hasSizeGreaterThanOrEqualTo(2);
        for (String sql : readsOfClaims) {
            if (PAGE_ROWS.matcher(sql).find()) {
                continue; // the page's own claims, by id: the only rows the list reads
            }
            String plan = genericPlan(sql);
            assertThat(plan)
                    .as("plan of %s", sql)
                    .contains("Index Only Scan")
                    .doesNotContain("Index Scan using", "Seq Scan", "Sort");
        }
    }

    /**
     * A plain connection in the simple query protocol: the extended one would bind the statement's
     * {@code $n} as parameters of the EXPLAIN itself.
     */
    private String genericPlan(String sql) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("preferQueryMode", "simple");
        try (Connection connection = new org.postgresql.Driver().connect(url, properties);
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local enable_seqscan = off");
            statement.execute("set local enable_bitmapscan = off");
            List<String> lines = new ArrayList<>();
            try (ResultSet plan = statement.executeQuery("explain (generic_plan) " + numbered(sql))) {
                while (plan.next()) {
                    lines.add(plan.getString(1));
                }
            }
            connection.rollback();
            return String.join("\n", lines);
        }
    }

    /** The JDBC statement with its {@code ?} markers (outside quotes) as PostgreSQL's {@code $n}. */
    static String numbered(String sql) {
        StringBuilder numbered = new StringBuilder(sql.length() + 16);
        boolean quoted = false;
        int n = 0;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted) {
                numbered.append('$').append(++n);
            } else {
                numbered.append(c);
            }
        }
        return numbered.toString();
    }
}
