package cn.gov.lvliang.renewal.testing.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.testing.TestTokens;
import cn.gov.lvliang.renewal.testing.openapi.ApiOperation;
import cn.gov.lvliang.renewal.testing.openapi.ApiOperations;
import cn.gov.lvliang.renewal.testing.security.PermissionMatrix.Scope;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The scope proof every service runs (范围隔离证明, issue 20 §2): for <em>every</em> read operation
 * ({@code GET}) of the service's OpenAPI document and every role its row of the permission matrix
 * limits to a scope ({@code county}, {@code department}, {@code enterprise}, {@code subject}), a
 * caller inside the scope of a record reads it and a caller outside does not:
 *
 * <ul>
 *   <li>by id: the record's own side answers 200, the other side 404;
 *   <li>by list: the own side's marker is present, the other's absent, also when the caller narrows
 *       the list to the other record or filters on the other side's scope value (a declared query
 *       parameter; 200 without it, or a 4xx).
 * </ul>
 *
 * Two records, on sides {@code A} and {@code B}, differ in every scope; the module says how to reach
 * them per operation ({@link Reach}). An operation the module gives no {@link Reach} fails the test;
 * the only way out is {@link #exclusions()}, each with its reason, and an exclusion of an operation
 * that is not a scoped read fails too, so the list cannot go stale.
 *
 * <p>A module extends it with a {@code @QuarkusTest} class.
 */
public abstract class ScopeProof {

    /** The scope kinds that limit a role to part of the records. */
    private static final Set<Scope> LIMITING =
            EnumSet.of(Scope.COUNTY, Scope.DEPARTMENT, Scope.ENTERPRISE, Scope.SUBJECT);

    /** Statuses a list filtered on another scope's value may answer instead of an empty list. */
    private static final Set<Integer> REFUSALS = Set.of(400, 403, 404);

    /** The heading of this module's section in docs/security.md, such as {@code tasks-service}. */
    protected abstract String module();

    /** Creates the two records (once) and says how each operation reaches them. */
    protected abstract Fixture fixture();

    /**
     * Scoped read operations the proof cannot exercise, operation key → why. Keep it short: every
     * entry is a hole in the proof.
     */
    protected Map<String, String> exclusions() {
        return Map.of();
    }

    /** The {@code sub} of every caller the proof sends for a side: create SUBJECT-scoped records as it. */
    public static String subject(String side) {
        return "scope-proof-" + side;
    }

    /**
     * One side of the proof: a caller of each scope kind inside it, and the query parameters that
     * filter a list on its scope values (such as {@code county=141102}).
     */
    public record Side(
            String name, Map<Scope, Map<String, String>> claims, Map<String, String> filters, Set<Scope> blind) {
        public Side {
            claims = Map.copyOf(claims);
            filters = Map.copyOf(filters);
            blind = Set.copyOf(blind);
        }

        public Side(String name, Map<Scope, Map<String, String>> claims, Map<String, String> filters) {
            this(name, claims, filters, Set.of());
        }

        /**
         * The side every fixture starts from: callers claiming {@code county}, {@code department}
         * and {@code enterprise} (a null one is left out), lists filtered on the other side's
         * {@code county}.
         */
        public static Side of(String name, String county, String department, String enterprise) {
            Map<Scope, Map<String, String>> claims = new LinkedHashMap<>();
            claims.put(Scope.COUNTY, Map.of(Caller.COUNTY_CLAIM, county));
            if (department != null) {
                claims.put(Scope.DEPARTMENT, Map.of(Caller.DEPARTMENT_CLAIM, department));
            }
            if (enterprise != null) {
                claims.put(Scope.ENTERPRISE, Map.of(Caller.ENTERPRISE_CLAIM, enterprise));
            }
            return new Side(name, claims, Map.of("county", county));
        }

        /** The same side, callers of {@code kind} claiming {@code claims}. */
        public Side claiming(Scope kind, Map<String, String> more) {
            Map<Scope, Map<String, String>> all = new LinkedHashMap<>(claims);
            all.put(kind, more);
            return new Side(name, all, filters, blind);
        }

        /** The same side, its lists also filtered on these query parameters. */
        public Side filtering(Map<String, String> more) {
            Map<String, String> all = new LinkedHashMap<>(filters);
            all.putAll(more);
            return new Side(name, claims, all, blind);
        }

        /**
         * The same side whose callers of these kinds are responsible for nothing here, where a scope
         * cannot tell two records of one kind apart (a department responsible for whole areas): the
         * other side's caller reads its own record, this side's reads neither.
         */
        public Side blindAs(Scope... kinds) {
            return new Side(name, claims, filters, Set.of(kinds));
        }
    }

    /**
     * The two sides and how each scoped read operation reaches their records, keyed by the operation
     * ({@code "GET /api/..."}) or, where a scope kind needs other records, by the operation and the
     * kind ({@code "GET /api/... as COUNTY"}), which wins.
     */
    public record Fixture(Side a, Side b, Map<String, Reach> reaches) {
        public Fixture {
            reaches = Map.copyOf(reaches);
        }
    }

    /**
     * How one operation reaches the records of side A and B: the path parameters of each, the text
     * that marks each record in a list, and query parameters that narrow a list to each record.
     * {@code markerA == null} means a read by id (200 on its own side, 404 on the other).
     */
    public record Reach(
            Map<String, String> pathA,
            Map<String, String> pathB,
            String markerA,
            String markerB,
            Map<String, String> narrowA,
            Map<String, String> narrowB,
            Map<String, String> query,
            Side a,
            Side b) {

        /** A read by id: path parameter {@code name} is {@code a} for A's record, {@code b} for B's. */
        public static Reach byId(String name, String a, String b) {
            return new Reach(Map.of(name, a), Map.of(name, b), null, null, Map.of(), Map.of(), Map.of(), null, null);
        }

        /** A read by id with several path parameters. */
        public static Reach byId(Map<String, String> pathA, Map<String, String> pathB) {
            return new Reach(pathA, pathB, null, null, Map.of(), Map.of(), Map.of(), null, null);
        }

        /** A list showing {@code markerA} for A's record and {@code markerB} for B's. */
        public static Reach list(String markerA, String markerB) {
            return new Reach(Map.of(), Map.of(), markerA, markerB, Map.of(), Map.of(), Map.of(), null, null);
        }

        /** The same list with path parameters shared by both sides (such as a list kind). */
        public Reach at(Map<String, String> path) {
            return new Reach(path, path, markerA, markerB, narrowA, narrowB, query, a, b);
        }

        /** The same list, narrowed to each side's record by these query parameters. */
        public Reach narrowedBy(Map<String, String> a, Map<String, String> b) {
            return new Reach(pathA, pathB, markerA, markerB, a, b, query, this.a, this.b);
        }

        /** The same reach, every call also sending these query parameters (such as {@code format=csv}). */
        public Reach with(Map<String, String> always) {
            return new Reach(pathA, pathB, markerA, markerB, narrowA, narrowB, always, a, b);
        }

        /** The same reach with sides of its own (records of other enterprises, say) instead of the fixture's. */
        public Reach between(Side a, Side b) {
            return new Reach(pathA, pathB, markerA, markerB, narrowA, narrowB, query, a, b);
        }

        boolean byId() {
            return markerA == null;
        }
    }

    @Test
    void everyScopedReadShowsARecordInsideItsScopeAndHidesItOutside() {
        Map<String, Map<String, Scope>> matrix = PermissionMatrix.scopes(module());
        Map<String, String> excluded = exclusions();
        List<ApiOperation> reads = ApiOperations.loadApi().stream()
                .filter(operation -> operation.method().equals("GET"))
                .filter(operation -> matrix.getOrDefault(operation.key(), Map.of()).values().stream()
                        .anyMatch(LIMITING::contains))
                .toList();
        assertThat(reads).as("scoped reads of " + module()).isNotEmpty();
        Set<String> readKeys =
                new TreeSet<>(reads.stream().map(ApiOperation::key).toList());
        assertThat(new TreeSet<>(excluded.keySet()))
                .as("exclusions that are not scoped reads of " + module())
                .isSubsetOf(readKeys);

        Fixture fixture = fixture();
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (ApiOperation operation : reads) {
            if (excluded.containsKey(operation.key())) {
                continue;
            }
            Map<String, Scope> byRole = new LinkedHashMap<>(matrix.get(operation.key()));
            for (Map.Entry<String, Scope> entry : byRole.entrySet()) {
                if (!LIMITING.contains(entry.getValue())) {
                    continue;
                }
                Reach reach = fixture.reaches().get(operation.key() + " as " + entry.getValue());
                if (reach == null) {
                    reach = fixture.reaches().get(operation.key());
                }
                if (reach == null) {
                    problems.add(
                            operation.key() + " as " + entry.getValue() + ": no Reach in the fixture and not excluded");
                    continue;
                }
                for (boolean sideA : new boolean[] {true, false}) {
                    Side a = reach.a() == null ? fixture.a() : reach.a();
                    Side b = reach.b() == null ? fixture.b() : reach.b();
                    Side own = sideA ? a : b;
                    Side other = sideA ? b : a;
                    Map<String, String> claims = own.claims().get(entry.getValue());
                    if (claims == null) {
                        problems.add(
                                operation.key() + ": side " + own.name() + " has no " + entry.getValue() + " caller");
                        continue;
                    }
                    String who = operation.key() + " as " + entry.getKey() + " (" + entry.getValue() + " of "
                            + own.name() + ")";
                    String token = TestTokens.token(subject(own.name()), entry.getKey(), claims);
                    boolean checkOwn = !own.blind().contains(entry.getValue());
                    boolean checkOther = !other.blind().contains(entry.getValue());
                    calls += prove(operation, reach, sideA, token, other, who, checkOwn, checkOther, problems);
                }
            }
        }
        assertThat(problems)
                .as("scope proof of " + module() + " (" + calls + " calls)")
                .isEmpty();
        assertThat(calls).as("calls made").isPositive();
    }

    private static int prove(
            ApiOperation operation,
            Reach reach,
            boolean sideA,
            String token,
            Side other,
            String who,
            boolean checkOwn,
            boolean checkOther,
            List<String> problems) {
        Map<String, String> ownPath = sideA ? reach.pathA() : reach.pathB();
        Map<String, String> otherPath = sideA ? reach.pathB() : reach.pathA();
        int calls = 0;
        if (reach.byId()) {
            if (checkOwn) {
                Response own = get(operation, ownPath, reach.query(), token);
                calls++;
                if (own.statusCode() != 200) {
                    problems.add(who + ": own record → " + own.statusCode() + ", expected 200");
                }
            }
            if (checkOther) {
                Response foreign = get(operation, otherPath, reach.query(), token);
                calls++;
                if (foreign.statusCode() != 404) {
                    problems.add(who + ": other side's record → " + foreign.statusCode() + ", expected 404");
                }
            }
            return calls;
        }
        String ownMarker = sideA ? reach.markerA() : reach.markerB();
        String otherMarker = sideA ? reach.markerB() : reach.markerA();
        Map<String, String> ownNarrow = declared(operation, sideA ? reach.narrowA() : reach.narrowB());
        Map<String, String> otherNarrow = declared(operation, sideA ? reach.narrowB() : reach.narrowA());
        if (checkOwn) {
            Response own = get(operation, ownPath, merged(reach.query(), ownNarrow), token);
            calls++;
            if (own.statusCode() != 200 || !own.asString().contains(ownMarker)) {
                problems.add(who + ": own record " + ownMarker + " missing from the list " + ownNarrow + " → "
                        + own.statusCode());
            }
        }
        if (!checkOther) {
            return calls;
        }
        for (Map<String, String> query :
                List.of(Map.<String, String>of(), otherNarrow, declared(operation, other.filters()))) {
            Response foreign = get(operation, ownPath, merged(reach.query(), query), token);
            calls++;
            boolean hidden = foreign.statusCode() == 200
                    ? !foreign.asString().contains(otherMarker)
                    : REFUSALS.contains(foreign.statusCode());
            if (!hidden) {
                problems.add(who + ": other side's record " + otherMarker + " visible in the list " + query + " → "
                        + foreign.statusCode());
            }
        }
        return calls;
    }

    /** Claims no directory knows: a county that is not one of the 13, a department code no one has. */
    private static final Map<Scope, Map<String, String>> UNKNOWN = Map.of(
            Scope.COUNTY, Map.of("county", "141199"),
            Scope.DEPARTMENT, Map.of("department", "no-such-department"));

    @Test
    void everyCountyOrDepartmentScopedReadRefusesAnUnknownCodeWith403() {
        Map<String, Map<String, Scope>> matrix = PermissionMatrix.scopes(module());
        Map<String, String> excluded = exclusions();
        Fixture fixture = fixture();
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (ApiOperation operation : ApiOperations.loadApi()) {
            if (!operation.method().equals("GET") || excluded.containsKey(operation.key())) {
                continue;
            }
            for (Map.Entry<String, Scope> entry :
                    matrix.getOrDefault(operation.key(), Map.of()).entrySet()) {
                Map<String, String> claims = UNKNOWN.get(entry.getValue());
                if (claims == null) {
                    continue;
                }
                Reach reach = fixture.reaches().get(operation.key() + " as " + entry.getValue());
                if (reach == null) {
                    reach = fixture.reaches().get(operation.key());
                }
                if (reach == null) {
                    continue; // the other test reports it
                }
                Response response = get(
                        operation,
                        reach.pathA(),
                        merged(reach.query(), declared(operation, reach.narrowA())),
                        TestTokens.token(subject("unknown"), entry.getKey(), claims));
                calls++;
                String type = String.valueOf(response.contentType()).startsWith("application/problem+json")
                        ? response.jsonPath().getString("type")
                        : null;
                if (response.statusCode() != 403 || type == null || !type.endsWith("unknown-scope")) {
                    problems.add(operation.key() + " as " + entry.getKey() + " with " + claims + " → "
                            + response.statusCode());
                }
            }
        }
        assertThat(problems)
                .as("reads not refusing an unknown code with 403 unknown-scope (" + calls + " calls)")
                .isEmpty();
    }

    private static Map<String, String> merged(Map<String, String> always, Map<String, String> query) {
        Map<String, String> all = new LinkedHashMap<>(always);
        all.putAll(query);
        return all;
    }

    /** The query parameters of {@code query} that the operation declares. */
    private static Map<String, String> declared(ApiOperation operation, Map<String, String> query) {
        Map<String, String> kept = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (operation.queryParams().contains(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    private static Response get(
            ApiOperation operation, Map<String, String> path, Map<String, String> query, String token) {
        String concrete = operation.concretePath(name -> {
            String value = path.get(name);
            if (value == null) {
                throw new IllegalStateException(operation.key() + ": the Reach fills no path parameter " + name);
            }
            return value;
        });
        return given().auth().oauth2(token).queryParams(query).get(concrete);
    }
}
