package cn.gov.lvliang.renewal.console.web;

import cn.gov.lvliang.renewal.console.api.ApiResponse;
import cn.gov.lvliang.renewal.console.api.Gateway;
import cn.gov.lvliang.renewal.console.session.ConsoleConfig;
import cn.gov.lvliang.renewal.console.session.Session;
import cn.gov.lvliang.renewal.console.session.Sessions;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signing in and out (登录/退出).
 *
 * <p>With OIDC (production) the provider's authorization-code flow has already signed the user in
 * when this page is reached, so it goes on to the start page; sign-out is quarkus-oidc's logout
 * path. With the dev sign-in (local profile) the page lets the user pick a role and a scope, asks
 * the gateway's {@code /dev/token} for a token and keeps it in the session cookie.
 */
@Path("/")
public class SignInResource {

    /** The roles the dev sign-in offers: the four kinds of console user, and the leadership's three roles. */
    static final List<String> ROLES = List.of(
            Session.CITY_ADMIN,
            Session.STATISTICS_BUREAU,
            Session.AUDITOR,
            Session.REVIEWER,
            Session.COUNTY_OFFICER,
            Session.DEPARTMENT_OFFICER);

    private final ConsoleConfig config;
    private final Sessions sessions;
    private final Gateway gateway;
    private final Pages pages;
    private final Template signIn;

    public SignInResource(ConsoleConfig config, Sessions sessions, Gateway gateway, Pages pages, Template signIn) {
        this.config = config;
        this.sessions = sessions;
        this.gateway = gateway;
        this.pages = pages;
        this.signIn = signIn;
    }

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public Object page() {
        if (!config.devSignIn()) {
            // reached only after the OIDC provider signed the user in (the path needs authentication)
            return Response.seeOther(URI.create("/")).build();
        }
        return form(Session.COUNTY_OFFICER, "", "", Map.of(), "");
    }

    private TemplateInstance form(
            String role, String scope, String subject, Map<String, String> errors, String detail) {
        return pages.page(signIn)
                .data("roles", ROLES)
                .data("role", role)
                .data("scope", scope)
                .data("subject", subject)
                .data("errors", errors)
                .data("detail", detail);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Object signIn(
            @FormParam("role") String role, @FormParam("scope") String scope, @FormParam("subject") String subject) {
        if (!config.devSignIn()) {
            return Response.status(404).build();
        }
        String scopeValue = scope == null ? "" : scope.trim();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("role", role);
        String scopeClaim = scopeClaim(role);
        if (scopeClaim != null && !scopeValue.isEmpty()) {
            request.put(scopeClaim, scopeValue);
        }
        if (subject != null && !subject.isBlank()) {
            request.put("subject", subject.trim());
        }
        ApiResponse answer = gateway.send(HttpMethod.POST, "/dev/token", null, request, pages.locale(), Map.of());
        if (!answer.ok()) {
            Map<String, String> errors = new LinkedHashMap<>();
            // the scope's claim (county, department, enterprise) is the form's one scope field
            answer.fieldErrors()
                    .forEach((field, message) -> errors.put(field.equals(scopeClaim) ? "scope" : field, message));
            return Response.status(answer.status() == 400 ? 400 : 502)
                    .entity(form(role, scopeValue, subject == null ? "" : subject, errors, pages.problem(answer)))
                    .build();
        }
        sessions.keep(answer.body().path("access_token").asText());
        return Response.seeOther(URI.create("/")).build();
    }

    /** The claim that carries a role's scope, or {@code null} for city-wide roles. */
    static String scopeClaim(String role) {
        if (Session.COUNTY_OFFICER.equals(role) || Session.REVIEWER.equals(role)) {
            return "county";
        }
        if (Session.DEPARTMENT_OFFICER.equals(role)) {
            return "department";
        }
        return null;
    }

    /** Dev sign-out: forgets the cookie. (With OIDC, quarkus-oidc's logout path signs out at the provider.) */
    @POST
    @Path("sign-out")
    public Response signOut() {
        sessions.forget();
        return Response.seeOther(URI.create("/sign-in")).build();
    }
}
