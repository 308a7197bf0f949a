package cn.gov.lvliang.renewal.tasks.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.renewal.platform.events.PoisonEventException;
import cn.gov.lvliang.renewal.tasks.messaging.StatisticsEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The allow-list projection, without framework: what may reach the bureau and what never does. */
class BureauProjectionTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final BureauProjection PROJECTION = new BureauProjection((domain, value) -> "P(" + domain + ")");

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aCertificateKeepsItsStatisticsAndLosesTheOwnerTheVinAndAnythingUnlisted() throws Exception {
        var projected = PROJECTION
                .project("cn.gov.lvliang.recycling.vehicle.scrapped.v1", json("""
                        {"certificateNumber":"LL-1","dismantlerCreditCode":"91141100MA0K0000XA","county":"141124",
                         "vin":"LSVAU218XN2183294","handoverDate":"2024-08-01","powerType":"FUEL","version":1,
                         "owner":{"idNumberHash":"abc","idNumberMasked":"1411**********123X","nameMasked":"王*",
                                  "name":"王小明","phone":"13912345678"},
                         "engineNumber":"CEA1","batteryPackCode":"X","ownerName":"王小明","address":"幸福路8号"}
                        """))
                .orElseThrow();
        assertThat(projected.type()).isEqualTo("cn.gov.lvliang.statistics.vehicle.scrapped.v1");
        assertThat(JSON.writeValueAsString(projected.data()))
                .isEqualTo("{\"certificateNumber\":\"LL-1\",\"dismantlerCreditCode\":\"91141100MA0K0000XA\","
                        + "\"county\":\"141124\",\"handoverDate\":\"2024-08-01\",\"powerType\":\"FUEL\","
                        + "\"ownerPseudonym\":\"P(owner)\",\"version\":1}");
    }

    @Test
    void aClaimantIsRekeyedAndFlagsStayTextOnly() throws Exception {
        var data = PROJECTION
                .project("cn.gov.lvliang.subsidy.claim.rejected.v1", json("""
                        {"claimId":"c","programmeId":"P","category":"HOME_APPLIANCE","county":"141102","amountFen":1,
                         "status":"REJECTED","at":"2026-01-01T00:00:00Z","claimantPseudonym":"svc-hash",
                         "flags":["PRICE_ANOMALY"],"applicantName":"王小明"}
                        """))
                .orElseThrow()
                .data();
        assertThat(data.path("claimantPseudonym").asText()).isEqualTo("P(claimant)");
        assertThat(data.path("flags").get(0).asText()).isEqualTo("PRICE_ANOMALY");
        assertThat(data.has("applicantName")).isFalse();
        assertThatThrownBy(() -> PROJECTION.project("cn.gov.lvliang.subsidy.claim.rejected.v1", json("""
                        {"claimId":"c","programmeId":"P","category":"HOME_APPLIANCE","county":"141102","amountFen":1,
                         "status":"REJECTED","at":"2026-01-01T00:00:00Z","flags":[{"name":"王小明"}]}
                        """)))
                .isInstanceOf(PoisonEventException.class);
    }

    @Test
    void aStructureWhereAPlainValueBelongsOrAMissingRequiredFieldIsRefused() {
        assertThatThrownBy(() -> PROJECTION.project("cn.gov.lvliang.recycling.vehicle.deregistered.v1", json("""
                        {"certificateNumber":"LL-1","county":{"name":"王小明"},"deregisteredOn":"2024-08-20"}
                        """)))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> PROJECTION.project(
                        "cn.gov.lvliang.recycling.vehicle.deregistered.v1", json("{\"certificateNumber\":\"LL-1\"}")))
                .isInstanceOf(PoisonEventException.class);
    }

    @Test
    void anUnknownTypeIsNotForwarded() throws Exception {
        assertThat(PROJECTION.project("cn.gov.lvliang.recycling.owner.registered.v1", json("{\"name\":\"王小明\"}")))
                .isEmpty();
        assertThat(BureauProjection.bureauTypes()).allMatch(t -> t.startsWith(StatisticsEvents.PREFIX));
        assertThat(BureauProjection.sourceTypes())
                .hasSize(BureauProjection.bureauTypes().size());
    }
}
