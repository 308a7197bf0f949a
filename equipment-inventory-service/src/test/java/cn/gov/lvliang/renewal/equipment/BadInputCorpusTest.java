package cn.gov.lvliang.renewal.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.testing.corpus.BadInputSweep;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared bad-input corpus against every write endpoint this service declares in its OpenAPI
 * document: only 4xx problem+json, never a 5xx, and nothing stored.
 */
@QuarkusTest
class BadInputCorpusTest {

    @Test
    void everyWriteEndpointRefusesTheCorpusWithProblemJsonAndStoresNothing() {
        BadInputSweep sweep = BadInputSweep.ofThisApp();
        assertThat(sweep.operations()).isNotEmpty();
        List<String> failures = new ArrayList<>();
        try {
            failures.addAll(sweep.run());
            failures.addAll(sweep.runOversize(25 << 20));
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
