package cn.gov.lvliang.renewal.gateway.explorer;

import cn.gov.lvliang.renewal.gateway.GatewayConfig;
import cn.gov.lvliang.renewal.gateway.routing.BackendClient;
import cn.gov.lvliang.renewal.gateway.routing.Instances;
import cn.gov.lvliang.renewal.gateway.routing.Routes;
import cn.gov.lvliang.renewal.platform.problem.Problem;
import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The backends' OpenAPI documents, fetched live for the one Swagger UI at {@code /q/swagger-ui}
 * (接口文档). The documents' paths are the gateway's paths, so "Try it out" goes through the
 * gateway.
 */
@Path("/openapi")
@PermitAll
@Tag(name = "API explorer · 接口文档")
public class ApiDocumentResource {

    private static final Logger LOG = Logger.getLogger(ApiDocumentResource.class);

    private final Routes routes;
    private final BackendClient backends;
    private final Instances instances;
    private final long timeoutMillis;

    public ApiDocumentResource(Routes routes, BackendClient backends, Instances instances, GatewayConfig config) {
        this.routes = routes;
        this.backends = backends;
        this.instances = instances;
        this.timeoutMillis = config.requestTimeout().toMillis();
    }

    @GET
    @Path("{name}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getApiDocument",
            summary = "A backend's OpenAPI document (JSON), such as /openapi/tradein-subsidy-service")
    @APIResponse(responseCode = "200", description = "the backend's /q/openapi?format=json")
    @APIResponse(
            responseCode = "404",
            description = "no backend of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "the backend is down",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<Response> document(@PathParam("name") String name) {
        Routes.Target target = routes.byName(name)
                .orElseThrow(() -> new ProblemException(404, "not-found", "detail.unknown-backend", List.of(), name));
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(instances.pick(target, Set.of()).orElseThrow() + "/q/openapi?format=json")
                .putHeader("Accept", MediaType.APPLICATION_JSON)
                .setIdleTimeout(timeoutMillis);
        return backends.client()
                .request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.<Buffer>failedFuture(unexpected(response)))
                .<Response>map(body -> Response.ok(body.getBytes(), MediaType.APPLICATION_JSON_TYPE)
                        .build())
                .recover(failure -> {
                    LOG.warnf("OpenAPI document of %s unavailable: %s", target.name(), failure.toString());
                    return Future.failedFuture(new ProblemException(
                            503, "backend-unavailable", "detail.backend-unavailable", List.of(), target.name()));
                })
                .toCompletionStage();
    }

    private static IllegalStateException unexpected(HttpClientResponse response) {
        return new IllegalStateException("HTTP " + response.statusCode());
    }
}
