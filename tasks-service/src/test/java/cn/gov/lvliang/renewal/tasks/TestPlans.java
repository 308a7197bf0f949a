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

    /**
     * What a revised edition appends after the truncated task (50): action (四), project 15 and
     * task (51).
     */
    public static final String APPENDED_ACTION =
            "\n(四)再生资源高效利用行动\n15.再生材料推广应用工程。扩大再生材料应用范围。\n" + "(51)推广再生材料应用。鼓励企业在产品设计和生产中使用再生材料。(市发展改革委、市工信局按照职责分工负责)\n";

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
