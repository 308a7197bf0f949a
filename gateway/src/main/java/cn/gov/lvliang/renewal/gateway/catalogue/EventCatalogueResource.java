package cn.gov.lvliang.renewal.gateway.catalogue;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The event catalogue (事件目录) next to the OpenAPI explorer: {@code /asyncapi} for people (HTML),
 * {@code /asyncapi/asyncapi.yaml} and {@code /asyncapi/asyncapi.json} for tools. Public, like the
 * OpenAPI documents.
 */
@Path("/asyncapi")
@PermitAll
@Tag(name = "Event catalogue · 事件目录")
public class EventCatalogueResource {

    static final String YAML = "application/yaml";

    private final EventCatalogueDocument catalogue;

    public EventCatalogueResource(EventCatalogueDocument catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(
            operationId = "getEventCatalogue",
            summary = "The event catalogue as a page · 事件目录",
            description = "Every Kafka topic and every event type the suite emits, with the fields of its data.")
    @APIResponse(responseCode = "200", description = "HTML")
    public Response page() {
        return Response.ok(catalogue.html().getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8")
                .build();
    }

    @GET
    @Path("/asyncapi.yaml")
    @Produces(YAML)
    @Operation(
            operationId = "getAsyncApiYaml",
            summary = "The AsyncAPI 3.0 document (YAML), as written in docs/events/asyncapi.yaml")
    @APIResponse(responseCode = "200", description = "YAML")
    public Response yaml() {
        return Response.ok(catalogue.yaml(), YAML + "; charset=utf-8").build();
    }

    @GET
    @Path("/asyncapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAsyncApiJson", summary = "The AsyncAPI 3.0 document as JSON")
    @APIResponse(responseCode = "200", description = "JSON")
    public Response json() {
        return Response.ok(catalogue.document(), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
