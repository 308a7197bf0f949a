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
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The county counter (县级受理窗口): a county clerk files an appliance or a car claim for a
 * resident, sees each automatic check's outcome and the computed amount, and prints a receipt.
 */
@Path("/counter")
public class CounterResource {

    /** The states in which the claim's filer may still add evidence (the API's rule). */
    static final Set<String> UPLOADABLE = Set.of("SUBMITTED", "PENDING_REVIEW", "QUEUED", "RETURNED", "APPEALED");

    private final Sessions sessions;
    private final Pages pages;
    private final Gateway gateway;
    private final Template counter;
    private final Template counterClaim;
    private final Template receipt;

    public CounterResource(
            Sessions sessions,
            Pages pages,
            Gateway gateway,
            Template counter,
            Template counterClaim,
            Template receipt) {
        this.sessions = sessions;
        this.pages = pages;
        this.gateway = gateway;
        this.counter = counter;
        this.counterClaim = counterClaim;
        this.receipt = receipt;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("kind") String kind) {
        Session session = sessions.require(Set.of(Session.COUNTY_OFFICER));
        return form(session, ClaimForm.kind(kind), Map.of(), Map.of(), "");
    }

    private TemplateInstance form(
            Session session, String kind, Map<String, String> values, Map<String, String> errors, String detail) {
        Map<String, String> shown = new HashMap<>(values);
        shown.putIfAbsent("idempotencyKey", UUID.randomUUID().toString());
        return pages.page(counter)
                .data("kind", kind)
                .data("county", session.county() == null ? "" : session.county())
                .data("programmes", programmes(session, kind))
                .data("v", shown)
                .data("errors", errors)
                .data("detail", detail);
    }

    /** The programmes of the form's kind (appliance or car), by the category the API gives. */
    private Map<String, String> programmes(Session session, String kind) {
        Map<String, String> programmes = new LinkedHashMap<>();
        ApiResponse answer = gateway.get(session, "/api/subsidies/programmes", pages.locale());
        if (answer.ok()) {
            for (JsonNode p : answer.body()) {
                boolean car = p.path("category").asText().startsWith("CAR");
                if (car == ClaimForm.CAR.equals(kind)) {
                    programmes.put(p.path("id").asText(), p.path("name").asText());
                }
            }
        }
        return programmes;
    }

    @POST
    @Path("/claims")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response file(MultivaluedMap<String, String> form) {
        Session session = sessions.require(Set.of(Session.COUNTY_OFFICER));
        ClaimForm claim = ClaimForm.read(form, pages.msg());
        if (!claim.inputErrors().isEmpty()) {
            return Response.status(400)
                    .entity(form(session, claim.kind(), claim.values(), claim.inputErrors(), ""))
                    .build();
        }
        String key = claim.values().getOrDefault("idempotencyKey", "");
        ApiResponse answer = gateway.send(
                HttpMethod.POST,
                "/api/subsidies/claims",
                session,
                claim.body(),
                pages.locale(),
                key.matches("[0-9a-f-]{36}") ? Map.of("Idempotency-Key", key) : Map.of());
        if (answer.ok()) {
            return Response.seeOther(URI.create(
                            "/counter/claims/" + answer.body().path("id").asText()))
                    .build();
        }
        if (answer.status() == 400 || answer.status() == 409 || answer.status() == 422) {
            Map<String, String> values = new HashMap<>(claim.values());
            if (answer.status() != 409) {
                // a refused body may be corrected and sent again under a new key
                values.remove("idempotencyKey");
            }
            return Response.status(answer.status())
                    .entity(form(session, claim.kind(), values, answer.fieldErrors(), pages.problem(answer)))
                    .build();
        }
        throw new ApiResponse.ApiFailure(answer);
    }

    @GET
    @Path("/claims/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance claim(@PathParam("id") UUID id, @QueryParam("notice") String notice) {
        Session session = sessions.require(Set.of(Session.COUNTY_OFFICER));
        return claimPage(session, id, notice, "", "");
    }

    private TemplateInstance claimPage(Session session, UUID id, String notice, String failedKind, String error) {
        JsonNode claim = gateway.get(session, "/api/subsidies/claims/" + id, pages.locale())
                .expectOk();
        return pages.page(counterClaim)
                .data("claim", Json.map(claim))
                .data("runs", ClaimViews.checksByRun(claim))
                .data("documents", ClaimViews.evidence(claim))
                .data("completeness", Json.list(claim.path("evidenceCompleteness")))
                .data("uploadable", UPLOADABLE.contains(claim.path("status").asText()))
                .data("notice", notice == null ? "" : notice)
                .data("failedKind", failedKind)
                .data("evidenceError", error);
    }

    /**
     * Uploads one evidence file of a required kind (申请材料) to the filed claim. The service checks
     * the kind, the type (from the content: 415) and the size (413); its refusal is shown next to the
     * file field of that kind.
     */
    @POST
    @Path("/claims/{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(@PathParam("id") UUID id, @RestForm("kind") String kind, @RestForm("file") FileUpload file) {
        Session session = sessions.require(Set.of(Session.COUNTY_OFFICER));
        String shownKind = kind == null ? "" : kind;
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return Response.status(400)
                    .entity(claimPage(session, id, "", shownKind, pages.msg().evidenceNoFile()))
                    .build();
        }
        ApiResponse answer = gateway.uploadFile(
                session,
                "/api/subsidies/claims/" + id + "/evidence",
                Map.of("kind", shownKind),
                file.uploadedFile(),
                file.fileName(),
                pages.locale());
        if (answer.ok()) {
            return Response.seeOther(URI.create("/counter/claims/" + id + "?notice=uploaded"))
                    .build();
        }
        if (answer.status() == 400 || answer.status() == 409 || answer.status() == 413 || answer.status() == 415) {
            String error = String.join(" ", answer.fieldErrors().values());
            return Response.status(answer.status())
                    .entity(claimPage(session, id, "", shownKind, error.isBlank() ? answer.detail() : error))
                    .build();
        }
        throw new ApiResponse.ApiFailure(answer);
    }

    /** The receipt (受理回执): a printable page with the claim number. */
    @GET
    @Path("/claims/{id}/receipt")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance receipt(@PathParam("id") UUID id) {
        Session session = sessions.require(Set.of(Session.COUNTY_OFFICER));
        JsonNode claim = gateway.get(session, "/api/subsidies/claims/" + id, pages.locale())
                .expectOk();
        return pages.page(receipt).data("claim", Json.map(claim)).data("clerk", session.subject());
    }
}
