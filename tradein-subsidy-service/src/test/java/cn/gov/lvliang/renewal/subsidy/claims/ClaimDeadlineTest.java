package cn.gov.lvliang.renewal.subsidy.claims;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.subsidy.MutableClock;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deadline timers run on the injected clock: a claim left unreviewed for 15 days is overdue. */
@QuarkusTest
class ClaimDeadlineTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aClaimNotReviewedWithinFifteenDaysIsFlaggedOverdueAndListedAsSuch() {
        clock.pin(Instant.parse("2025-05-02T02:00:00Z"));
        String seller = TestIdentifiers.creditCode();
        String id = Fixtures.fileApplianceClaim(seller, "RICE_COOKER", 60_000, "2025-05-01")
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("reviewDue", equalTo("2025-05-17T02:00:00Z"))
                .body("overdue", equalTo(false))
                .extract()
                .path("id");
        given().auth()
                .oauth2(retailer(seller))
                .get(CLAIMS + "?overdue=true")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));

        clock.advance(Duration.ofDays(15).plusMinutes(1));
        given().auth().oauth2(retailer(seller)).get(CLAIMS + "/" + id).then().body("overdue", equalTo(true));
        given().auth()
                .oauth2(retailer(seller))
                .get(CLAIMS + "?overdue=true")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].overdue", equalTo(true));
    }
}
