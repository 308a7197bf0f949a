package cn.gov.lvliang.renewal.console.desk;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The department desk (部门工作台): the department's own assignments and what is overdue, the
 * monthly progress report (月度进展报送), and the counties' reports on the tasks it leads, to accept
 * or return. Scope is the token's department code; the services decide what it may see and do.
 */
@Path("/desk")
public class DeskResource {

    /** The services whose responsibility the desk shows, as their API paths name them. */
    static final List<String> RESPONSIBILITY_SERVICES = List.of("subsidies", "equipment", "recycling");

    /** How many counties' assignments the desk reads the reports of. */
    static final int REPORTED_ASSIGNMENTS = 30;

    private final Sessions sessions;
    private final Pages pages;
    private final Gateway gateway;
    private final Template desk;

    public DeskResource(Sessions sessions, Pages pages, Gateway gateway, Template desk) {
        this.sessions = sessions;
        this.pages = pages;
        this.gateway = gateway;
        this.desk = desk;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("notice") String notice) {
        Session session = sessions.require(Set.of(Session.DEPARTMENT_OFFICER));
        return page(session, notice, null, Map.of(), "", Map.of());
    }

    private TemplateInstance page(
            Session session,
            String notice,
            String failedFor,
            Map<String, String> errors,
            String detail,
            Map<String, String> values) {
        JsonNode assignments = gateway.get(session, "/api/tasks/assignments?size=200", pages.locale())
                .expectOk();
        List<Map<String, Object>> own = new ArrayList<>();
        List<Map<String, Object>> counties = new ArrayList<>();
        for (JsonNode a : assignments.path("items")) {
            ("COUNTY".equals(a.path("assigneeKind").asText()) ? counties : own).add(Json.map(a));
        }
        JsonNode overdue = gateway.get(session, "/api/tasks/supervision/overdue", pages.locale())
                .expectOk();
        List<Map<String, Object>> toReview = new ArrayList<>();
        for (Map<String, Object> a : counties.subList(0, Math.min(REPORTED_ASSIGNMENTS, counties.size()))) {
            ApiResponse reports =
                    gateway.get(session, "/api/tasks/assignments/" + a.get("id") + "/reports", pages.locale());
            if (!reports.ok()) {
                continue;
            }
            for (JsonNode report : reports.body()) {
                if ("SUBMITTED".equals(report.path("status").asText())) {
                    Map<String, Object> row = Json.map(report);
                    row.put("assignment", a);
                    toReview.add(row);
                }
            }
        }
        return pages.page(desk)
                .data("department", department(session))
                .data("responsibility", responsibility(session))
                .data("services", responsibilities(session))
                .data("own", own)
                .data("overdue", Json.list(overdue.path("assignments")))
                .data("toReview", toReview)
                .data("period", YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString())
                .data("notice", notice == null ? "" : notice)
                .data("failedFor", failedFor == null ? "" : failedFor)
                .data("errors", errors)
                .data("detail", detail)
                .data("v", values);
    }

    /**
     * The officer's department as the organisation directory (组织机构目录, tasks-service) names it:
     * code, name and kind; the code alone when the directory does not know it.
     */
    private Map<String, Object> department(Session session) {
        String code = session.department() == null ? "" : session.department();
        Map<String, Object> department = new LinkedHashMap<>();
        department.put("code", code);
        department.put("name", code);
        department.put("kind", "");
        ApiResponse directory = gateway.get(session, "/api/tasks/departments", pages.locale());
        if (directory.ok()) {
            for (JsonNode d : directory.body()) {
                if (d.path("code").asText().equalsIgnoreCase(code)) {
                    department.put("name", d.path("name").asText(code));
                    department.put("kind", d.path("kind").asText(""));
                }
            }
        }
        return department;
    }

    /**
     * What the department answers for, read-only: the subsidy programmes the service lets it read,
     * which it scopes by the department's responsibility (department_responsibility). Null when
     * the service refuses (a department the directory does not know).
     */
    private List<Map<String, Object>> responsibility(Session session) {
        ApiResponse programmes = gateway.get(session, "/api/subsidies/programmes", pages.locale());
        if (!programmes.ok()) {
            return null;
        }
        List<Map<String, Object>> shown = new ArrayList<>();
        for (JsonNode p : programmes.body()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", p.path("id").asText());
            row.put("name", p.path("name").asText());
            row.put("category", p.path("category").asText());
            shown.add(row);
        }
        return shown;
    }

    /**
     * What the department answers for in each service, read-only, from {@code GET
     * /api/{subsidies|equipment|recycling}/responsibilities/{department}} (all three at once): per
     * service its name, whether the service answered, and a line per kind of scope (subsidy
     * programme categories; equipment sectors and categories; recycling areas). A service that
     * refuses or fails (403, 404, no answer) is shown as not available, never as an error page.
     */
    List<Map<String, Object>> responsibilities(Session session) {
        String code = session.department() == null ? "" : session.department();
        List<String> paths = new ArrayList<>();
        for (String service : RESPONSIBILITY_SERVICES) {
            paths.add("/api/" + service + "/responsibilities/" + URLEncoder.encode(code, StandardCharsets.UTF_8));
        }
        List<ApiResponse> answers;
        try {
            answers = code.isEmpty() ? List.of() : gateway.getAll(session, paths, pages.locale());
        } catch (RuntimeException e) {
            answers = List.of(); // no answer at all (a timeout): every service not available
        }
        List<Map<String, Object>> services = new ArrayList<>();
        for (int i = 0; i < RESPONSIBILITY_SERVICES.size(); i++) {
            String service = RESPONSIBILITY_SERVICES.get(i);
            ApiResponse answer = i < answers.size() ? answers.get(i) : null;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", service);
            row.put("available", answer != null && answer.ok());
            List<Map<String, String>> lines = new ArrayList<>();
            if (answer != null && answer.ok()) {
                for (Map.Entry<String, JsonNode> field : answer.body().properties()) {
                    if (field.getValue().isArray()) {
                        List<String> values = new ArrayList<>();
                        field.getValue().forEach(v -> values.add(v.asText()));
                        lines.add(Map.of("kind", service + "." + field.getKey(), "scope", String.join("、", values)));
                    }
                }
            }
            row.put("lines", lines);
            services.add(row);
        }
        return services;
    }

    /** Submits the monthly progress report of one of the department's own assignments. */
    @POST
    @Path("/assignments/{id}/reports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response report(
            @PathParam("id") UUID id,
            @FormParam("period") String period,
            @FormParam("narrative") String narrative,
            @FormParam("percentComplete") String percent) {
        Session session = sessions.require(Set.of(Session.DEPARTMENT_OFFICER));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", blankToNull(period));
        body.put("narrative", blankToNull(narrative));
        Integer percentComplete =
                percent != null && percent.trim().matches("\\d{1,3}") ? Integer.valueOf(percent.trim()) : null;
        body.put("percentComplete", percentComplete);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("period", period == null ? "" : period);
        values.put("narrative", narrative == null ? "" : narrative);
        values.put("percentComplete", percent == null ? "" : percent);
        if (percent != null && !percent.isBlank() && percentComplete == null) {
            return Response.status(400)
                    .entity(page(
                            session,
                            "",
                            id.toString(),
                            Map.of("percentComplete", pages.msg().inputWholeNumber()),
                            "",
                            values))
                    .build();
        }
        ApiResponse answer = gateway.post(session, "/api/tasks/assignments/" + id + "/reports", body, pages.locale());
        return after(session, answer, "reported", id.toString(), values);
    }

    /** Accepts or returns a county's report. */
    @POST
    @Path("/reports/{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response review(
            @PathParam("id") UUID id,
            @FormParam("decision") String decision,
            @FormParam("comment") String comment,
            @FormParam("version") Integer version) {
        Session session = sessions.require(Set.of(Session.DEPARTMENT_OFFICER));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", blankToNull(decision));
        body.put("comment", blankToNull(comment));
        body.put("version", version);
        ApiResponse answer =
                gateway.post(session, "/api/tasks/progress-reports/" + id + "/review", body, pages.locale());
        return after(session, answer, "reviewed", id.toString(), Map.of("comment", comment == null ? "" : comment));
    }

    private Response after(Session session, ApiResponse answer, String done, String id, Map<String, String> values) {
        if (answer.status() == 409) {
            return Response.seeOther(URI.create("/desk?notice=conflict")).build();
        }
        return answer.afterForm(
                URI.create("/desk?notice=" + done),
                Set.of(400, 403, 422),
                () -> page(session, "", id, answer.fieldErrors(), pages.problem(answer), values));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
