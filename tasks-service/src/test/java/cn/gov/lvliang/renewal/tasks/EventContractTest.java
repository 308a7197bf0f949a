package cn.gov.lvliang.renewal.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.tasks.messaging.StatisticsEvents;
import cn.gov.lvliang.renewal.tasks.messaging.TasksEvents;
import cn.gov.lvliang.renewal.tasks.statistics.BureauProjection;
import cn.gov.lvliang.renewal.testing.contract.EventCatalogue;
import cn.gov.lvliang.renewal.testing.contract.EventContract;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * tasks-service's event contract (事件契约): every type it declares or projects is in the
 * catalogue (docs/events/asyncapi.yaml), and every event the module's tests made it publish
 * conforms to its schema. Runs after the other test classes (see META-INF/microprofile-config.properties).
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class EventContractTest {

    static final EventCatalogue CATALOGUE = EventCatalogue.load();

    @Test
    void everyDeclaredAndProjectedTypeIsInTheCatalogue() {
        Set<String> declared = EventContract.declaredTypes(TasksEvents.class, StatisticsEvents.class);
        assertThat(declared).hasSizeGreaterThanOrEqualTo(7);
        assertThat(EventContract.undocumented(CATALOGUE, declared)).isEmpty();
        assertThat(EventContract.undocumented(CATALOGUE, BureauProjection.bureauTypes()))
                .isEmpty();
        assertThat(EventContract.undocumented(CATALOGUE, BureauProjection.sourceTypes()))
                .isEmpty();
        assertThat(CATALOGUE.typesOf(TasksEvents.TOPIC)).containsAll(EventContract.declaredTypes(TasksEvents.class));
        assertThat(CATALOGUE.typesOf(StatisticsEvents.TOPIC)).isEqualTo(BureauProjection.bureauTypes());
    }

    @Test
    void theBureauReceivesEveryTypeTheOtherStreamsCarry() {
        for (String topic : new String[] {"tasks.events", "equipment.events", "subsidy.events", "recycling.events"}) {
            assertThat(BureauProjection.sourceTypes()).as(topic).containsAll(CATALOGUE.typesOf(topic));
        }
    }

    @Test
    void everyEventPublishedInThisModulesTestsConforms() {
        for (String topic : new String[] {TasksEvents.TOPIC, StatisticsEvents.TOPIC, StatisticsEvents.SNAPSHOT_TOPIC}) {
            EventContract.Report report = EventContract.check(CATALOGUE, topic, Duration.ofSeconds(30));
            assertThat(report.violations()).as(topic).isEmpty();
            assertThat(report.records()).as(topic).isPositive();
        }
    }
}
