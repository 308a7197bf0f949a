package cn.gov.lvliang.renewal.platform.problem;

import cn.gov.lvliang.renewal.platform.web.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * Problem responses written directly on a Vert.x route (before or outside Quarkus REST), in the
 * same RFC 9457 format and with the same zh-CN / English messages as {@link ProblemMappers}. The
 * gateway answers with it at the edge; every module answers an oversize body with it
 * ({@code BodyLimit}).
 */
@ApplicationScoped
public class RouteProblems {

    private final ObjectMapper json;

    public RouteProblems(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Ends the exchange with a problem response; {@code code} selects {@code title.<code>} and the
     * {@code type} URN, {@code detailKey} the detail message. The request id is the routing
     * context's ({@link RequestIds#PROPERTY}), else the caller's well-formed {@code X-Request-Id},
     * else a new one; it is echoed in the header.
     */
    public void send(RoutingContext ctx, int status, String code, String detailKey, Object... args) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        Locale locale = locale(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String titleKey = ProblemMessages.has(locale, "title." + code) ? "title." + code : "title.status." + status;
        String requestId = ctx.get(RequestIds.PROPERTY);
        if (requestId == null) {
            requestId = RequestIds.idFor(ctx.request().getHeader(RequestIds.HEADER));
            ctx.put(RequestIds.PROPERTY, requestId);
        }
        Problem problem = new Problem(
                Problem.TYPE_PREFIX + code,
                ProblemMessages.message(locale, titleKey),
                status,
                ProblemMessages.message(locale, detailKey, args),
                ctx.request().path(),
                requestId,
                List.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The caller's body is not wanted any more; let it drain. An HTTP/2 request whose body has
        // been read already refuses resume() (IllegalStateException), which must not cost the answer.
        if (!ctx.request().isEnded()) {
            ctx.request().resume();
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .putHeader(RequestIds.HEADER, requestId);
        response.end(body);
    }

    /** zh-CN unless the caller prefers English; the same rule as {@link ProblemMessages#resolve}. */
    public static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ProblemMessages.DEFAULT;
        }
        try {
            List<Locale> acceptable = Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> Locale.forLanguageTag(range.getRange()))
                    .toList();
            return ProblemMessages.resolve(acceptable);
        } catch (IllegalArgumentException malformed) {
            return ProblemMessages.DEFAULT;
        }
    }
}
