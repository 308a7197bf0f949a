package cn.gov.lvliang.renewal.console.web;

import cn.gov.lvliang.renewal.console.api.ApiResponse;
import cn.gov.lvliang.renewal.console.session.Sessions;
import cn.gov.lvliang.renewal.console.session.SignInRequired;
import io.quarkus.qute.Template;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A plain page that says what happened: no access (403), not found (404), or the suite could not
 * answer. An expired or missing session goes to the sign-in page instead.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Template error;
    private final Pages pages;

    public ErrorPages(Template error, Pages pages) {
        this.error = error;
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response signIn(SignInRequired e) {
        return Response.seeOther(URI.create("/sign-in")).build();
    }

    @ServerExceptionMapper
    public Response forbidden(Sessions.ScreenForbidden e) {
        return page(403, "");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "");
    }

    @ServerExceptionMapper
    public Response api(ApiResponse.ApiFailure e) {
        ApiResponse response = e.response();
        return switch (response.status()) {
            case 401 -> signIn(new SignInRequired());
            case 403, 404 -> page(response.status(), response.detail());
            default -> {
                LOG.warnf("The API answered %d: %s", response.status(), response.body());
                yield page(502, response.detail());
            }
        };
    }

    private Response page(int status, String detail) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.page(error)
                        .data("status", status)
                        .data("detail", detail)
                        .render())
                .build();
    }
}
