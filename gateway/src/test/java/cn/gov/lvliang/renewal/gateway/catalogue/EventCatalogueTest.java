package cn.gov.lvliang.renewal.gateway.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.testing.contract.EventCatalogue;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventCatalogueTest {

    @Test
    void thePageListsEveryEventTypeOfTheCatalogueWithoutAToken() {
        String html = given().when()
                .get("/asyncapi")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        var types = EventCatalogue.load().types();
        assertThat(types).hasSizeGreaterThan(50).contains("cn.gov.lvliang.recycling.vehicle.scrapped.v1");
        for (String type : types) {
            assertThat(html).contains("id=\"" + type + "\"");
        }
        assertThat(html)
                .contains("<code>statistics.events</code>", "<code>recycling.events.dlq</code>")
                .contains("ownerPseudonym")
                .doesNotContain("<script");
    }

    @Test
    void theDocumentIsServedAsYamlAndJson() {
        given().when()
                .get("/asyncapi/asyncapi.yaml")
                .then()
                .statusCode(200)
                .contentType(containsString("application/yaml"))
                .body(containsString("asyncapi: 3.0.0"));
        given().when()
                .get("/asyncapi/asyncapi.json")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.'statistics.events'.address", equalTo("statistics.events"));
    }

    @Test
    void textFromTheDocumentIsEscaped() {
        assertThat(CatalogueHtml.esc("<script>alert('x')</script>&"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;");
    }
}
