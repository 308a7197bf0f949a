package cn.gov.lvliang.renewal.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue check itself: a documented event passes, every kind of departure fails. */
class EventCatalogueTest {

    static final EventCatalogue CATALOGUE = EventCatalogue.load();

    static String scrapped(String data) {
        return """
                {"specversion":"1.0","id":"9812f71a-594c-419e-bc1e-53af901f2a6b","source":"/recycling-service",
                 "type":"cn.gov.lvliang.recycling.vehicle.scrapped.v1","subject":"LL-2024-000123",
                 "time":"2026-11-29T06:40:50.662097Z","datacontenttype":"application/json","data":%s}
                """.formatted(data);
    }

    static final String GOOD = """
            {"certificateNumber":"LL-2024-000123","dismantlerCreditCode":"91141100MA0K0000XA","county":"141124",
             "vin":"LSVAU218XN2183294","firstRegistrationDate":"2010-05-01","handoverDate":"2024-08-01",
             "powerType":"FUEL","owner":{"idNumberHash":"15f065ab69cb34cf22ab2f654cca24ebeeab5839f102e5aa2844a2bae4cae196",
             "idNumberMasked":"1411**********9128","nameMasked":"张**"},"vehicleType":"小型普通客车","vehicleUse":"非营运",
             "makeAndModel":"大众 SVW7182","kerbWeightKg":1320,"engineNumber":"CEA123456","batteryPackCode":null,"version":1}
            """;

    @Test
    void theDocumentedExampleConforms() {
        assertThat(CATALOGUE.violations("recycling.events", scrapped(GOOD))).isEmpty();
    }

    @Test
    void anUndocumentedFieldAMissingFieldAWrongTypeOrAnotherTopicFail() {
        assertThat(CATALOGUE.violations(
                        "recycling.events", scrapped(GOOD.replace("\"nameMasked\":\"张**\"", "\"name\":\"张三\""))))
                .isNotEmpty();
        assertThat(CATALOGUE.violations("recycling.events", scrapped(GOOD.replace("\"county\":\"141124\",", ""))))
                .isNotEmpty();
        assertThat(CATALOGUE.violations(
                        "recycling.events", scrapped(GOOD.replace("\"version\":1", "\"version\":\"1\""))))
                .isNotEmpty();
        assertThat(CATALOGUE.violations("subsidy.events", scrapped(GOOD))).isNotEmpty();
        assertThat(CATALOGUE.violations(
                        "recycling.events", scrapped(GOOD).replace("vehicle.scrapped.v1", "vehicle.crushed.v1")))
                .containsExactly("type cn.gov.lvliang.recycling.vehicle.crushed.v1 is not in the catalogue");
        assertThat(CATALOGUE.violations("recycling.events", "not json")).isNotEmpty();
    }

    @Test
    void everyChannelNamesOnlyDocumentedTypesAndEveryTypeHasAChannel() {
        Set<String> types = CATALOGUE.types();
        assertThat(types).hasSizeGreaterThan(50);
        Set<String> onChannels = new java.util.TreeSet<>();
        for (String topic : new String[] {
            "tasks.events",
            "equipment.events",
            "subsidy.events",
            "recycling.events",
            "statistics.events",
            "statistics.indicator-snapshots"
        }) {
            assertThat(CATALOGUE.hasChannel(topic)).as(topic).isTrue();
            assertThat(CATALOGUE.hasChannel(topic + ".dlq") || topic.startsWith("statistics"))
                    .as(topic + ".dlq")
                    .isTrue();
            onChannels.addAll(CATALOGUE.typesOf(topic));
        }
        assertThat(onChannels).isEqualTo(types);
    }

    @Test
    void declaredTypesAreReadFromEventsConstants() {
        assertThat(EventContract.declaredTypes(Sample.class))
                .containsExactly("cn.gov.lvliang.sample.thing.happened.v1");
        assertThat(EventContract.undocumented(CATALOGUE, EventContract.declaredTypes(Sample.class)))
                .containsExactly("cn.gov.lvliang.sample.thing.happened.v1");
    }

    static final class Sample {
        static final String TOPIC = "sample.events";
        private static final String PREFIX = "cn.gov.lvliang.sample.";
        static final String HAPPENED = PREFIX + "thing.happened.v1";

        private Sample() {}
    }
}
