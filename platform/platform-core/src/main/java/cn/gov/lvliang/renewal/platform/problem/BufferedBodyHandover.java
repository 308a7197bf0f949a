package cn.gov.lvliang.renewal.platform.problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Gives Quarkus REST the body that {@link BodyLimit} has already read, chunked or small (the HTTP
 * request has ended, so Quarkus REST could not read it again).
 */
public class BufferedBodyHandover {

    @ServerRequestFilter(preMatching = true)
    public void handOver(ContainerRequestContext request, RoutingContext ctx) {
        Buffer body = ctx.get(BodyLimit.BUFFERED_BODY);
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
        }
    }
}
