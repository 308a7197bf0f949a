package cn.gov.lvliang.renewal.tasks;

import static io.restassured.RestAssured.given;

import cn.gov.lvliang.renewal.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The shared policy document, imported once per test JVM (re-imports answer the same plan). */
public final class TestPlans {

    public static final String SHARED = read("/policy/lvzhengfa-2024-4.txt");

    private TestPlans() {}

    /** Imports the shared document (201 the first time, 200 afterwards). */
    public static JsonPath importShared() {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType("text/plain; charset=utf-8")
                .body(SHARED.getBytes(StandardCharsets.UTF_8))
                .post("/api/tasks/plans/import")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.equalTo(201), org.hamcrest.Matchers.equalTo(200)))
                .extract()
                .jsonPath();
    }

    /** Imports {@code text} and expects {@code status}. */
    public static JsonPath importText(String text, int status) {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType("text/plain; charset=utf-8")
                .body(text.getBytes(StandardCharsets.UTF_8))
                .post("/api/tasks/plans/import")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    private static String read(String path) {
        try (InputStream in = TestPlans.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
