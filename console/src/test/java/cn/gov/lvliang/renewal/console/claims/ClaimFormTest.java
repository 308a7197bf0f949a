package cn.gov.lvliang.renewal.console.claims;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.console.web.Msg;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClaimFormTest {

    private static Msg msg() {
        return MessageBundles.get(Msg.class);
    }

    @Test
    void anApplianceFormBecomesTheApisBodyWithThePriceInFen() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("kind", "appliance");
        form.putSingle("programmeId", "HOME-APPLIANCE");
        form.putSingle("county", "141124");
        form.putSingle("applicant.name", "张三");
        form.putSingle("applicant.phone", "");
        form.putSingle("appliance.priceYuan", "4999.50");
        form.putSingle("appliance.efficiencyGrade", "1");
        form.putSingle("car.oldVin", "ignored for an appliance");
        ClaimForm claim = ClaimForm.read(form, msg());
        assertThat(claim.inputErrors()).isEmpty();
        Map<String, Object> body = claim.body();
        assertThat(body).containsEntry("programmeId", "HOME-APPLIANCE").containsEntry("county", "141124");
        assertThat(body).doesNotContainKey("car");
        @SuppressWarnings("unchecked")
        Map<String, Object> appliance = (Map<String, Object>) body.get("appliance");
        assertThat(appliance).containsEntry("priceFen", 499_950L).containsEntry("efficiencyGrade", 1L);
        @SuppressWarnings("unchecked")
        Map<String, Object> applicant = (Map<String, Object>) body.get("applicant");
        // empty fields go as null, so that the API names them
        assertThat(applicant).containsEntry("name", "张三").containsEntry("phone", null);
    }

    @Test
    void aPriceThatIsNotAnAmountIsShownAtThePriceFieldUnderTheApisName() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("kind", "car");
        form.putSingle("car.priceYuan", "15万");
        form.putSingle("car.newCarDisplacementMl", "1.5");
        ClaimForm claim = ClaimForm.read(form, msg());
        assertThat(claim.kind()).isEqualTo("car");
        assertThat(claim.inputErrors()).containsOnlyKeys("car.priceFen", "car.newCarDisplacementMl");
    }
}
