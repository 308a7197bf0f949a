package cn.gov.lvliang.renewal.console.claims;

import cn.gov.lvliang.renewal.console.api.ApiResponse;
import cn.gov.lvliang.renewal.console.api.Gateway;
import cn.gov.lvliang.renewal.console.api.Json;
import cn.gov.lvliang.renewal.console.session.Session;
import cn.gov.lvliang.renewal.console.session.Sessions;
import cn.gov.lvliang.renewal.console.web.Pages;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.UUID;

/**
 * One evidence document of a claim (申请材料), fetched from the API with the user's token and
 * handed to the browser: PDFs and images {@code inline} (the browser shows them), the other types
 * (OFD, the XML e-invoice) as a download. The service decides who may read it (404 otherwise).
 */
@Path("/claims/{id}/evidence/{evidenceId}")
public class EvidenceResource {

    /** Who opens a claim's page in the console: the county counter and the workbench. */
    static final Set<String> READERS = Set.of(Session.COUNTY_OFFICER, Session.REVIEWER);

    private final Sessions sessions;
    private final Pages pages;
    private final Gateway gateway;

    public EvidenceResource(Sessions sessions, Pages pages, Gateway gateway) {
        this.sessions = sessions;
        this.pages = pages;
        this.gateway = gateway;
    }

    @GET
    public Response document(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId) {
        Session session = sessions.require(READERS);
        HttpResponse<Buffer> answer =
                gateway.download(session, "/api/subsidies/claims/" + id + "/evidence/" + evidenceId, pages.locale());
        if (answer.statusCode() != 200) {
            throw new ApiResponse.ApiFailure(new ApiResponse(answer.statusCode(), Json.parse(answer.body())));
        }
        String type = ClaimViews.shownInline(answer.getHeader("Content-Type"));
        String mediaType = type.isEmpty() ? "application/octet-stream" : type;
        String disposition = type.isEmpty() ? "attachment" : "inline";
        return Response.ok(answer.body().getBytes(), mediaType)
                .header("Content-Disposition", disposition + "; filename=\"" + evidenceId + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
