package cn.gov.lvliang.renewal.recycling.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.security.RememberingJwtParser;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The service checks bearer tokens with the platform's {@link RememberingJwtParser}, and a token it
 * has just accepted still gets only what its roles allow, while an altered copy is refused.
 */
@QuarkusTest
class TokenParserTest {

    @Inject
    JWTParser parser;

    @Test
    void bearerTokensAreCheckedByThePlatformsParser() {
        assertThat(parser).isInstanceOf(RememberingJwtParser.class);
    }

    @Test
    void aRememberedTokenKeepsItsRolesAndAnAlteredCopyIsRefused() {
        String auditor = TestTokens.auditor();
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(auditor)
                    .get("/api/recycling/audit-records/verification")
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(auditor)
                    .contentType("application/json")
                    .body("{}")
                    .post("/api/recycling/enterprises")
                    .then()
                    .statusCode(403);
        }
        String altered = auditor.substring(0, auditor.length() - 3)
                + (auditor.charAt(auditor.length() - 3) == 'A' ? 'B' : 'A')
                + auditor.substring(auditor.length() - 2);
        given().auth()
                .oauth2(altered)
                .get("/api/recycling/audit-records/verification")
                .then()
                .statusCode(401);
    }
}
