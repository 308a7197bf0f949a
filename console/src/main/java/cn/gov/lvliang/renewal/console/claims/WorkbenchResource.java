package cn.gov.lvliang.renewal.console.claims;

import cn.gov.lvliang.renewal.console.api.ApiResponse;
import cn.gov.lvliang.renewal.console.api.Gateway;
import cn.gov.lvliang.renewal.console.api.Json;
import cn.gov.lvliang.renewal.console.session.Session;
import cn.gov.lvliang.renewal.console.session.Sessions;
import cn.gov.lvliang.renewal.console.web.Pages;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The reviewer workbench (审核工作台): the queue of claims waiting for review, filtered by county,
 * programme, flag and overdue; the claim page with its checks, flags and history; and the decision
 * (approve, return, reject with a reason code). The services enforce maker-checker and the claim's
 * version; the page shows both.
 */
@Path("/workbench")
public class WorkbenchResource {

    /** The decisions a reviewer can take, as the API names them. */
    static final List<String> ACTIONS = List.of("approve", "return", "reject");

    /** Reason codes of rejections and returns (the API's ReasonCode). */
    static final List<String> REASON_CODES = List.of(
            "EVIDENCE_INSUFFICIENT",
            "DATA_INCORRECT",
            "GRADE_NOT_ELIGIBLE",
            "PRICE_ABOVE_LIMIT",
            "CATEGORY_NOT_COVERED",
            "PER_PERSON_LIMIT_REACHED",
            "INVOICE_ALREADY_USED",
            "SERIAL_ALREADY_USED",
            "CERTIFICATE_NOT_VALID",
            "VIN_MISMATCH",
            "OWNER_MISMATCH",
            "APPLICATION_DEADLINE_PASSED",
            "SUSPECTED_FRAUD",
            "OTHER");

    /** Why a reviewer waives a kind of evidence (the API's WaiverReason). */
    static final List<String> WAIVER_REASONS =
            List.of("VERIFIED_BY_SYSTEM", "HELD_BY_AUTHORITY", "NOT_APPLICABLE", "OTHER");

    /** The problem type of a stale version: someone else changed the claim meanwhile. */
    static final String STALE_VERSION = "urn:lvliang:renewal:problem:stale-version";

    private final Sessions sessions;
    private final Pages pages;
    private final Gateway gateway;
    private final Template workbench;
    private final Template workbenchClaim;

    public WorkbenchResource(
            Sessions sessions, Pages pages, Gateway gateway, Template workbench, Template workbenchClaim) {
        this.sessions = sessions;
        this.pages = pages;
        this.gateway = gateway;
        this.workbench = workbench;
        this.workbenchClaim = workbenchClaim;
    }

    /** The queue; an htmx request gets only the table. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance queue(
            @QueryParam("county") String county,
            @QueryParam("programme") String programme,
            @QueryParam("flag") String flag,
            @QueryParam("overdue") String overdue) {
        Session session = sessions.require(Set.of(Session.REVIEWER));
        StringBuilder query = new StringBuilder("/api/subsidies/claims?status=PENDING_REVIEW&size=100");
        if (county != null && county.matches("\\d{6}")) {
            query.append("&county=").append(county);
        }
        if (programme != null && programme.matches("[A-Z0-9-]{1,40}")) {
            query.append("&programmeId=").append(programme);
        }
        if ("true".equals(overdue)) {
            query.append("&overdue=true");
        }
        JsonNode page = gateway.get(session, query.toString(), pages.locale()).expectOk();
        List<Map<String, Object>> claims = new ArrayList<>();
        Set<String> flags = new TreeSet<>();
        for (JsonNode claim : page.path("items")) {
            claim.path("flags").forEach(f -> flags.add(f.asText()));
            boolean flagged = flag == null || flag.isBlank();
            for (JsonNode f : claim.path("flags")) {
                flagged |= f.asText().equals(flag);
            }
            if (flagged) {
                claims.add(Json.map(claim));
            }
        }
        TemplateInstance instance = pages.frame(
                        pages.partial() ? workbench.getFragment("queue").instance() : workbench.instance())
                .data("claims", claims)
                .data(
                        "total",
                        page.path("total").asText() + (page.path("totalExact").asBoolean(true) ? "" : "+"))
                .data("flags", flags)
                .data("programmes", programmes(session))
                .data("county", county == null ? "" : county)
                .data("programme", programme == null ? "" : programme)
                .data("flag", flag == null ? "" : flag)
                .data("overdue", "true".equals(overdue));
        return instance;
    }

    /** The programmes (for the filter and the counter's form): id → name. */
    Map<String, String> programmes(Session session) {
        Map<String, String> programmes = new LinkedHashMap<>();
        ApiResponse answer = gateway.get(session, "/api/subsidies/programmes", pages.locale());
        if (answer.ok()) {
            answer.body()
                    .forEach(p ->
                            programmes.put(p.path("id").asText(), p.path("name").asText()));
        }
        return programmes;
    }

    @GET
    @Path("/claims/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance claim(@PathParam("id") UUID id, @QueryParam("notice") String notice) {
        Session session = sessions.require(Set.of(Session.REVIEWER));
        return claimPage(session, id, notice, Map.of(), "", "", "", "", "", "");
    }

    private TemplateInstance claimPage(
            Session session,
            UUID id,
            String notice,
            Map<String, String> errors,
            String detail,
            String action,
            String reasonCode,
            String note,
            String failedKind,
            String waiverError) {
        JsonNode claim = gateway.get(session, "/api/subsidies/claims/" + id, pages.locale())
                .expectOk();
        return pages.page(workbenchClaim)
                .data("claim", Json.map(claim))
                .data("runs", ClaimViews.checksByRun(claim))
                .data("history", ClaimViews.history(claim))
                .data(
                        "decidable",
                        "PENDING_REVIEW".equals(claim.path("status").asText())
                                || "QUEUED".equals(claim.path("status").asText()))
                .data("actions", ACTIONS)
                .data("reasonCodes", REASON_CODES)
                .data("notice", notice == null ? "" : notice)
                .data("errors", errors)
                .data("detail", detail)
                .data("action", action)
                .data("reasonCode", reasonCode)
                .data("note", note)
                .data("documents", ClaimViews.evidence(claim))
                .data("completeness", Json.list(claim.path("evidenceCompleteness")))
                .data("waiverReasons", WAIVER_REASONS)
                .data("failedKind", failedKind)
                .data("waiverError", waiverError);
    }

    /**
     * Takes the reviewer's decision to the API. A stale version (409) reloads the claim and says
     * so; the reviewer's own claim (403) and invalid input (400) are shown next to the decision.
     */
    @POST
    @Path("/claims/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response decide(
            @PathParam("id") UUID id,
            @FormParam("action") String action,
            @FormParam("version") Long version,
            @FormParam("reasonCode") String reasonCode,
            @FormParam("note") String note) {
        Session session = sessions.require(Set.of(Session.REVIEWER));
        if (!ACTIONS.contains(action)) {
            Map<String, String> errors = Map.of("action", pages.msg().decisionActionRequired());
            return Response.status(400)
                    .entity(claimPage(session, id, "", errors, "", "", reasonCode, note, "", ""))
                    .build();
        }
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("version", version);
        if (reasonCode != null && !reasonCode.isBlank()) {
            review.put("reasonCode", reasonCode);
        }
        if (note != null && !note.isBlank()) {
            review.put("note", note);
        }
        ApiResponse answer =
                gateway.post(session, "/api/subsidies/claims/" + id + "/" + action, review, pages.locale());
        boolean stale = answer.status() == 409
                && STALE_VERSION.equals(answer.body().path("type").asText());
        if (stale) {
            return Response.seeOther(URI.create("/workbench/claims/" + id + "?notice=conflict"))
                    .build();
        }
        // 409 also names the evidence still missing, or a programme's budget that is spent
        return answer.afterForm(
                URI.create("/workbench/claims/" + id + "?notice=decided"),
                Set.of(400, 403, 409, 422),
                () -> claimPage(
                        session,
                        id,
                        answer.status() == 403 ? "maker-checker" : "",
                        answer.fieldErrors(),
                        pages.problem(answer),
                        action,
                        reasonCode == null ? "" : reasonCode,
                        note == null ? "" : note,
                        "",
                        ""));
    }

    /**
     * Waives one required kind of evidence (免予提交) with a reason code; the service allows one
     * waiver per kind and claim, by a reviewer who did not file it.
     */
    @POST
    @Path("/claims/{id}/waivers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response waive(
            @PathParam("id") UUID id,
            @FormParam("kind") String kind,
            @FormParam("reasonCode") String reasonCode,
            @FormParam("note") String note) {
        Session session = sessions.require(Set.of(Session.REVIEWER));
        Map<String, Object> waiver = new LinkedHashMap<>();
        waiver.put("kind", kind);
        waiver.put("reasonCode", reasonCode == null || reasonCode.isBlank() ? null : reasonCode);
        if (note != null && !note.isBlank()) {
            waiver.put("note", note);
        }
        ApiResponse answer =
                gateway.post(session, "/api/subsidies/claims/" + id + "/evidence/waivers", waiver, pages.locale());
        String error = String.join(" ", answer.fieldErrors().values());
        return answer.afterForm(
                URI.create("/workbench/claims/" + id + "?notice=waived"),
                Set.of(400, 403, 409),
                () -> claimPage(
                        session,
                        id,
                        "",
                        Map.of(),
                        "",
                        "",
                        "",
                        "",
                        kind == null ? "" : kind,
                        error.isBlank() ? answer.detail() : error));
    }
}
