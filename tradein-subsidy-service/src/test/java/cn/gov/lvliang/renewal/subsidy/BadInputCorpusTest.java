package cn.gov.lvliang.renewal.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.corpus.BadInputSweep;
import cn.gov.lvliang.renewal.testing.openapi.ApiOperation;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared bad-input corpus against every write endpoint this service declares: only 4xx
 * problem+json, never a 5xx, and nothing stored.
 */
@QuarkusTest
class BadInputCorpusTest {

    @Test
    void everyWriteEndpointRefusesTheCorpusWithProblemJsonAndStoresNothing() {
        BadInputSweep sweep = BadInputSweep.ofThisApp()
                .withBody(
                        "POST /api/subsidies/claims",
                        () -> Fixtures.applianceClaim(
                                "HOME-APPLIANCE",
                                TestIdentifiers.creditCode(),
                                "141102",
                                TestIdentifiers.residentId(),
                                "AIR_CONDITIONER",
                                1,
                                500_000,
                                "2025-03-01"));
        assertThat(sweep.operations())
                .extracting(ApiOperation::key)
                .contains(
                        "POST /api/subsidies/claims",
                        "POST /api/subsidies/claims/{id}/approve",
                        "POST /api/subsidies/budget/allocations",
                        "POST /api/subsidies/programmes",
                        "POST /api/subsidies/payment-batches");

        List<String> failures = new ArrayList<>();
        try {
            failures.addAll(sweep.run());
            failures.addAll(sweep.runOversize(11 << 20));
        } finally {
            sweep.close();
        }
        failures.forEach(System.out::println);

        System.out.printf(
                "bad-input corpus: %d requests to %d operations%n",
                sweep.requests(), sweep.operations().size());
        assertThat(failures).isEmpty();
    }
}
