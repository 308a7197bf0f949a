package cn.gov.lvliang.renewal.equipment.flags;

import cn.gov.lvliang.renewal.equipment.scope.Scopes;
import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.audit.OwnTransactions;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/equipment/flag-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Flag rules · 预警规则")
public class FlagRuleResource {

    private final EntityManager em;
    private final ObjectMapper json;
    private final FlagService flags;
    private final Scopes scopes;
    private final Caller caller;
    private final Clock clock;

    public FlagRuleResource(
            EntityManager em, ObjectMapper json, FlagService flags, Scopes scopes, Caller caller, Clock clock) {
        this.em = em;
        this.json = json;
        this.flags = flags;
        this.scopes = scopes;
        this.caller = caller;
        this.clock = clock;
    }

    @Schema(name = "FlagRule", description = "预警规则（一个版本） / one version of a flag rule")
    public record FlagRuleView(
            @Schema(example = "BEYOND_DESIGN_LIFE") String code,
            @Schema(example = "1") int version,
            boolean active,
            @Schema(example = "{\"graceYears\": 0}") Map<String, Object> parameters,
            String description,
            Instant createdAt,
            String createdBy) {}

    @Schema(name = "FlagRuleChange", description = "新版本的阈值 / thresholds of a new rule version")
    public record FlagRuleChange(
            @Schema(example = "true") @NotNull Boolean active,

            @Schema(example = "{\"minAgeYears\": 12, \"minFindings\": 1}") @NotNull
            Map<String, Object> parameters,

            @Schema(example = "电梯使用年限阈值调整为12年") @Size(max = 300)
            String description) {}

    @Schema(name = "FlagEvaluation", description = "全量重新评估结果 / outcome of a re-evaluation")
    public record EvaluationView(
            @Schema(example = "1200") int records,
            @Schema(example = "35") int flagsRaised) {}

    @GET
    @RolesAllowed({
        Roles.CITY_ADMIN, Roles.AUDITOR, Roles.COUNTY_OFFICER, Roles.DEPARTMENT_OFFICER, Roles.DISMANTLER,
        Roles.RECYCLER, Roles.DEALER, Roles.RETAILER, Roles.USED_CAR_MARKET, Roles.REMANUFACTURER,
        Roles.CASCADE_USER
    })
    @Operation(
            operationId = "listFlagRules",
            summary = "Flag rules and their versions · 预警规则",
            description = "Every version of every rule, newest first within a code; the highest version is in force.")
    @APIResponse(responseCode = "200", description = "All versions")
    public List<FlagRuleView> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, version, active, cast(parameters as text),"
                        + " description, created_at, created_by from flag_rule order by code, version desc")
                .getResultList();
        return rows.stream()
                .map(r -> new FlagRuleView(
                        (String) r[0],
                        ((Number) r[1]).intValue(),
                        (Boolean) r[2],
                        flags.parameters((String) r[3]),
                        (String) r[4],
                        r[5] instanceof Instant i ? i : ((java.time.OffsetDateTime) r[5]).toInstant(),
                        (String) r[6]))
                .toList();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Transactional
    @Operation(
            operationId = "changeFlagRule",
            summary = "Change a rule's thresholds · 调整预警规则",
            description = "Adds a new version of the rule with these parameters (no code change). Flags raised"
                    + " afterwards record the new version; run POST /api/equipment/flag-rules/evaluations to apply it"
                    + " across the register.")
    @APIResponse(
            responseCode = "200",
            description = "The new version",
            content = @Content(schema = @Schema(implementation = FlagRuleView.class)))
    public FlagRuleView change(@PathParam("code") String code, @Valid @NotNull FlagRuleChange change) {
        if (!FlagRules.PARAMETERS.containsKey(code)) {
            throw Problems.notFound("resource.flag-rule", code);
        }
        List<String> problems = FlagRules.check(code, change.parameters());
        if (!problems.isEmpty()) {
            throw Problems.invalidField("parameters", null, "field.rule-parameters", String.join("; ", problems));
        }
        Object[] current = (Object[]) em.createNativeQuery(
                        "select version, description from flag_rule where code = ?1 order by version desc limit 1")
                .setParameter(1, code)
                .getSingleResult();
        int version = ((Number) current[0]).intValue() + 1;
        String description = change.description() == null ? (String) current[1] : change.description();
        String parameters;
        try {
            parameters = json.writeValueAsString(change.parameters());
        } catch (JsonProcessingException e) {
            throw Problems.invalidField("parameters", null, "field.rule-parameters", e.getOriginalMessage());
        }
        Instant now = Instant.now(clock);
        em.createNativeQuery("insert into flag_rule (code, version, active, parameters, description, created_at,"
                        + " created_by) values (?1, ?2, ?3, cast(?4 as jsonb), ?5, ?6, ?7)")
                .setParameter(1, code)
                .setParameter(2, version)
                .setParameter(3, change.active())
                .setParameter(4, parameters)
                .setParameter(5, description)
                .setParameter(6, now)
                .setParameter(7, caller.subject())
                .executeUpdate();
        return new FlagRuleView(
                code, version, change.active(), change.parameters(), description, now, caller.subject());
    }

    @POST
    @Path("/evaluations")
    @OwnTransactions("re-evaluates the register in batches of 1,000 rows committed one by one on its own JDBC"
            + " connection (FlagService.reevaluateAll), so that a city-wide run holds no long transaction")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.CITY_ADMIN, Roles.COUNTY_OFFICER, Roles.DEPARTMENT_OFFICER})
    @Operation(
            operationId = "evaluateFlagRules",
            summary = "Re-evaluate the register · 全量重新评估",
            description = "Runs the rules in force over every equipment record in the caller's scope, in batches:"
                    + " raises new flags (equipment.flagged), clears flags whose condition is gone.")
    @APIResponse(
            responseCode = "200",
            description = "Done",
            content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    public EvaluationView evaluate() {
        FlagService.Reevaluation result = flags.reevaluateAll(scopes.forWriting(caller));
        return new EvaluationView(result.records(), result.flagsRaised());
    }
}
