package cn.gov.lvliang.renewal.console.equipment;

import cn.gov.lvliang.renewal.console.api.ApiResponse;
import cn.gov.lvliang.renewal.console.api.Gateway;
import cn.gov.lvliang.renewal.console.api.Json;
import cn.gov.lvliang.renewal.console.session.Session;
import cn.gov.lvliang.renewal.console.session.Sessions;
import cn.gov.lvliang.renewal.console.web.Pages;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Equipment lists (设备清单) for county officers and enterprises: download a list's import template,
 * upload a filled XLSX and see its errors by row and column, export the list. The files pass through
 * the console to and from equipment-inventory-service's API unchanged.
 */
@Path("/equipment")
public class EquipmentListsResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Sessions sessions;
    private final Pages pages;
    private final Gateway gateway;
    private final Template equipment;

    public EquipmentListsResource(Sessions sessions, Pages pages, Gateway gateway, Template equipment) {
        this.sessions = sessions;
        this.pages = pages;
        this.gateway = gateway;
        this.equipment = equipment;
    }

    private Session user() {
        Session session = sessions.require();
        if (!session.equipment()) {
            throw new Sessions.ScreenForbidden();
        }
        return session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("list") String list) {
        Session session = user();
        Map<String, String> lists = lists(session);
        String chosen = list != null && lists.containsKey(list)
                ? list
                : lists.keySet().stream().findFirst().orElse("");
        return page(lists, chosen, null);
    }

    private TemplateInstance page(Map<String, String> lists, String chosen, Map<String, Object> report) {
        return pages.page(equipment).data("lists", lists).data("list", chosen).data("report", report);
    }

    /** The lists by slug → title, from the API's definitions. */
    private Map<String, String> lists(Session session) {
        Map<String, String> lists = new LinkedHashMap<>();
        for (JsonNode definition :
                gateway.get(session, "/api/equipment/lists", pages.locale()).expectOk()) {
            lists.put(definition.path("kind").asText(), definition.path("title").asText());
        }
        return lists;
    }

    @GET
    @Path("/{list}/template.xlsx")
    @Produces(XLSX)
    public Response template(@PathParam("list") String list) {
        return file(list, "/template?format=xlsx", list + "-template.xlsx");
    }

    @GET
    @Path("/{list}/export.xlsx")
    @Produces(XLSX)
    public Response export(@PathParam("list") String list) {
        return file(list, "/export?format=xlsx", list + ".xlsx");
    }

    private Response file(String list, String suffix, String name) {
        Session session = user();
        if (!list.matches("[a-z-]{1,40}")) {
            throw new NotFoundException();
        }
        HttpResponse<Buffer> answer =
                gateway.download(session, "/api/equipment/lists/" + list + suffix, pages.locale());
        if (answer.statusCode() != 200) {
            throw new ApiResponse.ApiFailure(new ApiResponse(answer.statusCode(), Json.parse(answer.body())));
        }
        return Response.ok(answer.body().getBytes(), XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    /** Uploads a filled list; the import report's errors are shown by row and column. */
    @POST
    @Path("/{list}/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(
            @PathParam("list") String list, @RestForm("file") FileUpload file, @RestForm("mode") String mode) {
        Session session = user();
        Map<String, String> lists = lists(session);
        if (!lists.containsKey(list)) {
            throw new NotFoundException();
        }
        if (file == null || file.uploadedFile() == null) {
            Map<String, Object> missing = Map.of("problem", pages.msg().equipmentNoFile());
            return Response.status(400).entity(page(lists, list, missing)).build();
        }
        String importMode = "ACCEPT_VALID".equals(mode) ? "ACCEPT_VALID" : "REJECT_FILE";
        ApiResponse answer = gateway.uploadFile(
                session,
                "/api/equipment/imports?kind=" + list + "&mode=" + importMode,
                file.uploadedFile(),
                file.fileName(),
                pages.locale());
        if (answer.ok()) {
            return Response.ok(page(lists, list, Json.map(answer.body()))).build();
        }
        if (answer.status() == 400 || answer.status() == 413 || answer.status() == 422) {
            Map<String, Object> refused = Map.of("problem", pages.problem(answer), "errors", answer.fieldErrors());
            return Response.status(answer.status())
                    .entity(page(lists, list, refused))
                    .build();
        }
        throw new ApiResponse.ApiFailure(answer);
    }
}
