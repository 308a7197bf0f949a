package cn.gov.lvliang.renewal.console.web;

import cn.gov.lvliang.renewal.console.session.Session;
import cn.gov.lvliang.renewal.console.session.Sessions;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The start page (首页): the screens the user's role opens, one click away; and the language switch. */
@Path("/")
public class HomeResource {

    private final Sessions sessions;
    private final Pages pages;
    private final Template home;

    public HomeResource(Sessions sessions, Pages pages, Template home) {
        this.sessions = sessions;
        this.pages = pages;
        this.home = home;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        Session session = sessions.require();
        return pages.page(home).data("user", session);
    }

    /** Switches the language and goes back to the page the switch was pressed on. */
    @GET
    @Path("language")
    public Response language(@QueryParam("to") String to, @QueryParam("back") String back) {
        String language = "en".equals(to) ? "en" : "zh";
        // only a path of the console itself: never an open redirect
        String target =
                back != null && back.startsWith("/console/") && !back.startsWith("/console//") ? back : "/console/";
        NewCookie cookie = new NewCookie.Builder(Pages.LANGUAGE_COOKIE)
                .value(language)
                .path("/console")
                .maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
        // JAX-RS puts the root path (/console) in front of a relative location
        return Response.seeOther(URI.create(target.substring("/console".length())))
                .cookie(cookie)
                .build();
    }
}
