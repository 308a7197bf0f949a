package cn.gov.lvliang.renewal.testing.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import cn.gov.lvliang.renewal.testing.openapi.ApiOperation;
import cn.gov.lvliang.renewal.testing.openapi.ApiOperations;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The security suite every service runs (安全测试), walking the running app's OpenAPI document so
 * that a new endpoint is covered, or fails the build, without anyone writing a test for it:
 *
 * <ul>
 *   <li>each {@code /api} operation has an entry in the permission matrix of docs/security.md, and
 *       its {@code @RolesAllowed} equal that entry; only {@code /public/} listings are public;
 *   <li>the auditor role is never allowed to write;
 *   <li>without a token every non-public operation answers 401 problem+json;
 *   <li>with a role the matrix does not allow, 403 problem+json without data;
 *   <li>a create or update body carrying {@code id}, {@code status} or {@code amount} where the
 *       operation does not take them is refused with 400 naming the field (mass assignment).
 * </ul>
 *
 * A module extends it with a {@code @QuarkusTest} class naming its matrix section.
 */
public abstract class ApiSecuritySuite {

    /** Fields a caller must never set through a body that does not declare them. */
    private static final List<String> PROTECTED_FIELDS = List.of("id", "status", "amount");

    /** Path parameter values: a number or code first, then a UUID for UUID-typed ids. */
    private static final List<String> SAMPLE_IDS = List.of("1", "00000000-0000-4000-8000-000000000001");

    private static final Map<String, String> SCOPE = Map.of(
            Caller.COUNTY_CLAIM, "141102",
            Caller.DEPARTMENT_CLAIM, "SWJ",
            Caller.ENTERPRISE_CLAIM, TestIdentifiers.creditCode());

    /** The heading of this module's section in docs/security.md, such as {@code tasks-service}. */
    protected abstract String module();

    private List<ApiOperation> operations() {
        List<ApiOperation> operations = ApiOperations.loadApi();
        assertThat(operations).as("the module's /api operations").isNotEmpty();
        return operations;
    }

    @Test
    void theMatrixScopeColumnGivesEveryRoleOfEveryOperationOneScope() {
        Map<String, Map<String, PermissionMatrix.Scope>> scopes = PermissionMatrix.scopes(module());
        assertThat(scopes).as("scoped operations of " + module()).isNotEmpty();
        scopes.forEach((operation, byRole) -> assertThat(byRole.get(Roles.AUDITOR))
                .as(operation + ": the auditor is never limited")
                .isIn(null, PermissionMatrix.Scope.ALL));
    }

    @Test
    void everyOperationHasAMatrixEntryAndItsRolesAgreeWithIt() {
        Map<String, Set<String>> matrix = PermissionMatrix.of(module());
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (ApiOperation operation : operations()) {
            seen.add(operation.key());
            Set<String> expected = matrix.get(operation.key());
            Set<String> declared = new TreeSet<>(operation.roles());
            if (expected == null) {
                problems.add(operation.key() + ": no entry in docs/security.md (declares " + declared + ")");
            } else if (expected.equals(Set.of(PermissionMatrix.PUBLIC))) {
                if (operation.secured()) {
                    problems.add(operation.key() + ": public in the matrix but secured");
                }
                if (!operation.path().contains("/public/")) {
                    problems.add(operation.key() + ": only /public/ listings may be public");
                }
            } else if (expected.equals(Set.of(PermissionMatrix.AUTHENTICATED))) {
                if (!operation.secured() || !declared.isEmpty()) {
                    problems.add(
                            operation.key() + ": any authenticated caller in the matrix, but declares " + declared);
                }
            } else if (!operation.secured() || !expected.equals(declared)) {
                problems.add(operation.key() + ": matrix " + expected + " but @RolesAllowed " + declared);
            }
        }
        for (String stale : matrix.keySet()) {
            if (!seen.contains(stale)) {
                problems.add(stale + ": in docs/security.md but not an operation of " + module());
            }
        }
        assertThat(problems).as("permission matrix of " + module()).isEmpty();
    }

    @Test
    void theAuditorNeverWrites() {
        assertThat(operations().stream()
                        .filter(operation -> !operation.method().equals("GET"))
                        .filter(operation -> operation.roles().contains(Roles.AUDITOR))
                        .map(ApiOperation::key))
                .as("write operations open to the auditor")
                .isEmpty();
    }

    @Test
    void withoutATokenEveryNonPublicOperationAnswers401() {
        List<String> open = new ArrayList<>();
        for (ApiOperation operation : operations()) {
            if (!operation.secured()) {
                continue;
            }
            Response response = call(given(), operation);
            if (response.statusCode() != 401
                    || !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                open.add(operation.key() + " → " + response.statusCode());
            }
        }
        assertThat(open)
                .as("operations not answering 401 problem+json without a token")
                .isEmpty();
    }

    @Test
    void withARoleTheMatrixDoesNotAllowEveryOperationAnswers403WithoutData() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (ApiOperation operation : operations()) {
            if (!operation.secured() || operation.roles().isEmpty()) {
                continue;
            }
            String outsider = new TreeSet<>(Roles.ALL)
                    .stream()
                            .filter(role -> !operation.roles().contains(role))
                            .findFirst()
                            .orElse(null);
            if (outsider == null) {
                continue;
            }
            checked++;
            Response response = call(given().auth().oauth2(TestTokens.token(outsider, SCOPE)), operation);
            if (response.statusCode() != 403
                    || !String.valueOf(response.contentType()).startsWith("application/problem+json")
                    || response.jsonPath().get("items") != null) {
                wrong.add(operation.key() + " as " + outsider + " → " + response.statusCode());
            }
        }
        assertThat(checked).isPositive();
        assertThat(wrong)
                .as("operations not answering 403 to a role outside the matrix")
                .isEmpty();
    }

    @Test
    void protectedFieldsInABodyThatDoesNotDeclareThemAreRefused() {
        List<String> accepted = new ArrayList<>();
        for (ApiOperation operation : operations()) {
            Map<String, Object> schema = operation.jsonSchema();
            if (schema == null
                    || !"object".equals(schema.get("type"))
                    || operation.roles().isEmpty()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            String role = new TreeSet<>(operation.roles()).first();
            for (String field : PROTECTED_FIELDS) {
                if (properties.containsKey(field)) {
                    continue;
                }
                Response response = null;
                for (String value : SAMPLE_IDS) {
                    response = given().auth()
                            .oauth2(TestTokens.token(role, SCOPE))
                            .contentType("application/json")
                            .body(Map.of(field, field.equals("amount") ? 1 : "APPROVED"))
                            .request(operation.method(), operation.concretePath(name -> value));
                    if (response.statusCode() != 404) {
                        break;
                    }
                }
                List<Object> fields =
                        response.statusCode() == 400 ? response.jsonPath().getList("errors.field") : null;
                if (fields == null || !fields.contains(field)) {
                    accepted.add(operation.key() + " with " + field + " → " + response.statusCode());
                }
            }
        }
        assertThat(accepted)
                .as("bodies with undeclared protected fields not refused with 400")
                .isEmpty();
    }

    @Test
    void personalDataSentInAnyRequestNeverReachesTheLogs() {
        String idNumber = TestIdentifiers.residentId();
        String phone = "139"
                + String.format(
                        "%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
        Map<String, Object> body = Map.of(
                "idNumber",
                idNumber,
                "ownerIdNumber",
                idNumber,
                "phone",
                phone,
                "contactPhone",
                phone,
                "name",
                idNumber);
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            private final org.jboss.logmanager.formatters.PatternFormatter format =
                    new org.jboss.logmanager.formatters.PatternFormatter("%c %s%e");

            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(format.format(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            for (ApiOperation operation : operations()) {
                if (operation.roles().isEmpty()) {
                    continue;
                }
                String role = new TreeSet<>(operation.roles()).first();
                RequestSpecification request = given().auth()
                        .oauth2(TestTokens.token(role, SCOPE))
                        .queryParam("idNumber", idNumber)
                        .queryParam("phone", phone);
                request = operation.jsonSchema() != null
                        ? request.contentType("application/json").body(body)
                        : withSomeBody(request, operation);
                request.request(operation.method(), operation.concretePath(name -> idNumber));
            }
        } finally {
            root.removeHandler(capture);
        }
        assertThat(lines)
                .as("log lines during the calls")
                .noneMatch(line -> line.contains(idNumber))
                .noneMatch(line -> line.contains(phone));
    }

    /** A body of the operation's first media type: {@code {}} for JSON, a small file otherwise. */
    private static RequestSpecification withSomeBody(RequestSpecification request, ApiOperation operation) {
        if (!operation.hasBody()) {
            return request;
        }
        if (operation.jsonSchema() != null) {
            return request.contentType("application/json").body("{}");
        }
        String media = new TreeSet<>(operation.requestBody().keySet()).first();
        if (media.startsWith("multipart/")) {
            return request.multiPart("file", "file.csv", "x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return request.contentType(media).body("x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Response call(RequestSpecification request, ApiOperation operation) {
        request = withSomeBody(request, operation);
        return request.request(operation.method(), operation.concretePath(name -> SAMPLE_IDS.get(0)));
    }
}
