package cn.gov.lvliang.renewal.equipment.campaigns;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Concurrent edits of one county's survey submission: one wins, every other gets 409. */
@QuarkusTest
class ConcurrentSubmissionEditTest {

    @Test
    void ofTwelveConcurrentEditsOfTheSameVersionExactlyOneWinsAndTheOthersGet409() throws Exception {
        int id = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("title", "并发摸排", "category", "MEDICAL", "deadline", "2099-06-30"))
                .post("/api/equipment/campaigns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String token = TestTokens.countyOfficer("141122");
        List<Callable<Response>> edits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int expected = i + 1;
            edits.add(() -> given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("state", "IN_PROGRESS", "expectedUnits", expected, "version", 0))
                    .put("/api/equipment/campaigns/" + id + "/counties/141122"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Response> answers = new ArrayList<>();
        try {
            for (Future<Response> f : pool.invokeAll(edits, 60, TimeUnit.SECONDS)) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers.stream().filter(r -> r.statusCode() == 200)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.statusCode() == 409))
                .hasSize(11)
                .allSatisfy(r -> assertThat(r.getContentType()).startsWith("application/problem+json"));
        given().auth()
                .oauth2(token)
                .get("/api/equipment/campaigns/" + id)
                .then()
                .statusCode(200)
                .body("counties.find { it.county == '141122' }.version", org.hamcrest.Matchers.equalTo(1));
    }
}
