package cn.gov.lvliang.renewal.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request body larger than {@code quarkus.http.limits.max-body-size} with 413
 * {@code application/problem+json} naming the limit, instead of the HTTP server's bare 413.
 *
 * <p>Quarkus checks the limit on a route of its own ({@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT})
 * that answers without a body, and Quarkus REST's input stream answers a chunked body that grows
 * over the limit the same way. This route runs just before Quarkus's and takes both cases:
 *
 * <ul>
 *   <li>{@code Content-Length} over the limit: answered at once, before a byte of the body is read.
 *   <li>A body without {@code Content-Length} (chunked): read here, counting, up to the limit. Over
 *       it, answered at once; within it, the body is handed to Quarkus REST ({@link
 *       BufferedBodyHandover}). Multipart and form bodies are left to Quarkus, whose parser
 *       answers 413 through the problem mappers. The gateway, which streams bodies to the
 *       services, turns this off ({@code suite.http.buffer-chunked-bodies=false}).
 *   <li>A small body with {@code Content-Length} (up to {@link #SMALL_BODY_BYTES}, not multipart or
 *       form) is read here the same way, so that a worker thread never waits for the event loop
 *       to deliver it (same switch).
 * </ul>
 *
 * After answering, the rest of a body still on its way is read and dropped, up to {@link
 * #DRAIN_BYTES}, so that a client that sends its whole body before reading the answer (most do)
 * gets the 413 instead of a broken connection; a larger remainder, or a client waiting for
 * {@code 100 Continue}, gets the connection closed. A {@code 413} failure raised by any other
 * route (Vert.x's body handler, where an extension installs it) is answered the same way.
 */
@ApplicationScoped
public class BodyLimit {

    /** Routing-context key of a chunked body read here within the limit. */
    public static final String BUFFERED_BODY = "cn.gov.lvliang.renewal.bufferedBody";
    /** Routing-context key: "100 Continue" was sent, the body is on its way. */
    private static final String CONTINUED = "cn.gov.lvliang.renewal.continued";
    /** Just before Quarkus's own limit check. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;
    /** How much of a refused body is read and dropped before the connection is closed instead. */
    static final long DRAIN_BYTES = 32L * 1024 * 1024;
    /**
     * A body with a {@code Content-Length} up to this is read here too, on the event loop, and
     * handed over the same way: a blocking resource method then parses it from memory. Without it
     * the worker thread reads the body through Vert.x, waiting for the event loop once per chunk
     * and once more for the end of the request; on the loaded 2-core machine JFR showed request
     * threads of recycling-service waiting 190 ms per request there (docs/performance.md).
     */
    static final long SMALL_BODY_BYTES = 64 * 1024;
    /** Quarkus's default for {@code quarkus.http.limits.max-body-size}. */
    private static final long QUARKUS_DEFAULT = 10L * 1024 * 1024;

    private final long maxBytes;
    private final boolean bufferChunked;
    private final RouteProblems problems;

    public BodyLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> max,
            @ConfigProperty(name = "suite.http.buffer-chunked-bodies", defaultValue = "true") boolean bufferChunked,
            RouteProblems problems) {
        this.maxBytes = max.map(MemorySize::asLongValue).orElse(QUARKUS_DEFAULT);
        this.bufferChunked = bufferChunked;
        this.problems = problems;
    }

    /** The limit in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The configured limit, for code outside CDI (the problem mappers). */
    public static long configuredMaxBytes() {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue)
                .orElse(QUARKUS_DEFAULT);
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check).failureHandler(this::failed);
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared = parse(length);
            if (declared > maxBytes) {
                refuse(ctx, declared);
            } else if (bufferChunked
                    && declared > 0
                    && declared <= SMALL_BODY_BYTES
                    && !form(request)
                    && !request.isEnded()) {
                readBody(ctx);
            } else {
                ctx.next();
            }
            return;
        }
        // (an ended request was read by Vert.x's body handler, where an extension installs it; that
        // handler enforces the same limit and fails with 413, answered by failed())
        if (bufferChunked && chunked(request) && !form(request) && !request.isEnded()) {
            readBody(ctx);
            return;
        }
        ctx.next();
    }

    void failed(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            refuse(ctx, -1);
        } else {
            ctx.next();
        }
    }

    private void readBody(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (expectsContinue(request)) {
            ctx.response().writeContinue();
            ctx.put(CONTINUED, Boolean.TRUE);
        }
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if ((long) body.length() + chunk.length() > maxBytes) {
                refused[0] = true;
                refuse(ctx, -1);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (!refused[0]) {
                ctx.put(BUFFERED_BODY, body);
                ctx.next();
            }
        });
        request.exceptionHandler(failure -> {
            if (!refused[0] && !ctx.failed()) {
                ctx.fail(failure);
            }
        });
        request.resume();
    }

    /** Answers 413; {@code declared} is the Content-Length, or -1 when unknown. */
    private void refuse(RoutingContext ctx, long declared) {
        HttpServerRequest request = ctx.request();
        // a client still waiting for "100 Continue" will not send its body: nothing to drain
        boolean close = (expectsContinue(request) && ctx.get(CONTINUED) == null) || declared > DRAIN_BYTES;
        if (close) {
            // the header alone does not make Vert.x close a keep-alive connection
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ctx.response().endHandler(end -> request.connection().close());
        } else if (!request.isEnded()) {
            long[] dropped = {0};
            request.handler(chunk -> {
                dropped[0] += chunk.length();
                if (dropped[0] > DRAIN_BYTES) {
                    request.connection().close();
                }
            });
            request.endHandler(null);
            request.exceptionHandler(ignored -> {});
        }
        problems.send(ctx, 413, "payload-too-large", "detail.payload-over-limit", human(maxBytes), maxBytes);
    }

    /** {@code 10 MiB}, {@code 512 KiB} or {@code 1000 B}. */
    public static String human(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " B";
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException malformed) {
            return -1; // the HTTP codec refuses a malformed length itself
        }
    }

    private static boolean chunked(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static boolean form(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("multipart/") || lower.startsWith("application/x-www-form-urlencoded");
    }

    private static boolean expectsContinue(HttpServerRequest request) {
        return "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
    }
}
