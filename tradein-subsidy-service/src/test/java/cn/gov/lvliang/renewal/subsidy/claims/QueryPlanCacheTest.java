package cn.gov.lvliang.renewal.subsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Filing a claim reuses the query plans Hibernate cached for the claims before it. A query whose
 * cache key never equals the previous call's (a native query with a result class did that) misses
 * the cache on every call, and the cache filled with entries under one hash that each lookup then
 * compared (docs/performance.md).
 */
@QuarkusTest
class QueryPlanCacheTest {

    private static final int CLAIMS_FILED = 20;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void filingMoreClaimsPlansNoQueryAnew() {
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        assertThat(statistics.isStatisticsEnabled())
                .as("Hibernate statistics in the test profile")
                .isTrue();
        fileClaims(3); // every query of the path planned once
        long missesBefore = statistics.getQueryPlanCacheMissCount();
        long hitsBefore = statistics.getQueryPlanCacheHitCount();

        fileClaims(CLAIMS_FILED);

        // A few misses may come from background work (relay, audit chain) that runs its first pass
        // meanwhile; a query that misses on every call adds at least one per claim.
        assertThat(statistics.getQueryPlanCacheMissCount() - missesBefore)
                .as("query plan cache misses while filing %d claims", CLAIMS_FILED)
                .isLessThan(CLAIMS_FILED / 2);
        assertThat(statistics.getQueryPlanCacheHitCount() - hitsBefore)
                .as("the claims' queries come from the cache")
                .isGreaterThanOrEqualTo(CLAIMS_FILED);
    }

    private static void fileClaims(int count) {
        for (int i = 0; i < count; i++) {
            Fixtures.fileApplianceClaim(TestIdentifiers.creditCode(), "AIR_CONDITIONER", 500_000, "2025-03-01")
                    .then()
                    .statusCode(201);
        }
    }
}
