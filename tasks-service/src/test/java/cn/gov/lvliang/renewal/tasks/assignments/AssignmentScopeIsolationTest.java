package cn.gov.lvliang.renewal.tasks.assignments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** County 141102 cannot read or write a 141123 assignment, by list or by id. */
@QuarkusTest
class AssignmentScopeIsolationTest {

    @Test
    void listsOfTheOtherCountyAreEmptyAndItsAssignmentsAre404ForReadsAndWrites() {
        String plan = AssignmentTest.planId();
        String other = AssignmentTest.assignmentOf(plan, 2, "141123");
        String officer = TestTokens.countyOfficer("141102");
        int version = given().auth()
                .oauth2(TestTokens.countyOfficer("141123"))
                .get(AssignmentTest.PATH + "/" + other)
                .then()
                .statusCode(200)
                .extract()
                .path("version");

        assertThat(AssignmentTest.list(officer, plan, Map.of("county", "141123"))
                        .getList("items"))
                .isEmpty();
        assertThat(AssignmentTest.list(officer, plan, Map.of()).getList("items.id"))
                .isNotEmpty()
                .doesNotContain(other);

        for (String path : new String[] {"", "/history", "/reports"}) {
            given().auth()
                    .oauth2(officer)
                    .get(AssignmentTest.PATH + "/" + other + path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        AssignmentTest.move(officer, other, "ACCEPT", null, version, 404);

        given().auth()
                .oauth2(TestTokens.countyOfficer("141123"))
                .get(AssignmentTest.PATH + "/" + other)
                .then()
                .statusCode(200)
                .body("version", equalTo(version));
    }
}
