package cn.gov.lvliang.renewal.recycling;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.recycling.messaging.RecyclingEvents;
import cn.gov.lvliang.renewal.testing.contract.EventCatalogue;
import cn.gov.lvliang.renewal.testing.contract.EventContract;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * This service's event contract (事件契约): every type it declares is in the catalogue
 * (docs/events/asyncapi.yaml) on its topic, and every event the module's tests made it publish
 * conforms to its schema. Runs after the other test classes (see META-INF/microprofile-config.properties).
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class EventContractTest {

    static final EventCatalogue CATALOGUE = EventCatalogue.load();

    @Test
    void everyDeclaredTypeIsInTheCatalogueOnThisServicesTopic() {
        Set<String> declared = EventContract.declaredTypes(RecyclingEvents.class);
        assertThat(declared).isNotEmpty();
        assertThat(EventContract.undocumented(CATALOGUE, declared)).isEmpty();
        assertThat(CATALOGUE.typesOf(RecyclingEvents.TOPIC)).isEqualTo(declared);
    }

    @Test
    void everyEventPublishedInThisModulesTestsConforms() {
        EventContract.Report report = EventContract.check(CATALOGUE, RecyclingEvents.TOPIC, Duration.ofSeconds(30));
        assertThat(report.violations()).isEmpty();
        assertThat(report.records()).isPositive();
    }
}
