package cn.gov.lvliang.renewal.platform.problem;

import cn.gov.lvliang.renewal.platform.web.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem response. No response ever carries a stack
 * trace: unexpected failures are logged with the request id and answered with that id only.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** What a client is told to wait after a database outage: about one restart of PostgreSQL. */
    static final String RETRY_AFTER_OUTAGE_SECONDS = "5";
    /** Field names whose values are personal data and are never echoed back. */
    private static final Pattern SENSITIVE =
            Pattern.compile("(?i).*(idnumber|name|phone|mobile|address|bank|account|password|secret|token).*");

    private static final int MAX_ECHOED_VALUE = 64;

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        Locale locale = locale(request);
        List<FieldError> errors = new ArrayList<>();
        for (ProblemException.FieldViolation v : e.violations()) {
            errors.add(fieldError(v.field(), v.value(), ProblemMessages.message(locale, v.messageKey(), v.args())));
        }
        Object[] args = e.violations().isEmpty() ? e.args() : new Object[] {errors.size()};
        return respond(request, e.status(), e.code(), ProblemMessages.message(locale, e.detailKey(), args), errors);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, ContainerRequestContext request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> fieldError(fieldOf(v), v.getInvalidValue(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        Locale locale = locale(request);
        return respond(
                request,
                400,
                "validation",
                ProblemMessages.message(locale, "detail.validation", errors.size()),
                errors);
    }

    @ServerExceptionMapper({MismatchedInputException.class, UnrecognizedPropertyException.class})
    public Response wrongType(JsonMappingException e, ContainerRequestContext request) {
        Locale locale = locale(request);
        String field = jsonPath(e);
        boolean unknown = e instanceof UnrecognizedPropertyException;
        String detail = ProblemMessages.message(locale, unknown ? "detail.unknown-field" : "detail.wrong-type", field);
        FieldError error = new FieldError(
                field, null, ProblemMessages.message(locale, unknown ? "field.unknown" : "field.wrong-type"));
        return respond(request, 400, "validation", detail, List.of(error));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, ContainerRequestContext request) {
        String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (reason.length() > 200) {
            reason = reason.substring(0, 200);
        }
        return respond(
                request,
                400,
                "malformed-request",
                ProblemMessages.message(locale(request), "detail.malformed-json", reason),
                List.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, ContainerRequestContext request) {
        return challenge(request, "detail.unauthorized");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, ContainerRequestContext request) {
        return challenge(request, "detail.token-invalid");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(
                request, 403, "forbidden", ProblemMessages.message(locale(request), "detail.forbidden"), List.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        Locale locale = locale(request);
        String code;
        String detail;
        switch (status) {
            case 400 -> {
                code = "malformed-request";
                detail = ProblemMessages.message(locale, "detail.http", status);
            }
            case 401 -> {
                return challenge(request, "detail.unauthorized");
            }
            case 403 -> {
                code = "forbidden";
                detail = ProblemMessages.message(locale, "detail.forbidden");
            }
            case 404 -> {
                code = "not-found";
                detail = ProblemMessages.message(
                        locale, "detail.no-route", request.getUriInfo().getPath());
            }
            case 405 -> {
                code = "method-not-allowed";
                detail = ProblemMessages.message(locale, "detail.method-not-allowed");
            }
            case 406 -> {
                code = "not-acceptable";
                detail = ProblemMessages.message(locale, "detail.not-acceptable");
            }
            case 413 -> {
                // Quarkus's multipart parser refuses a part that would take the body over the limit.
                code = "payload-too-large";
                long limit = BodyLimit.configuredMaxBytes();
                detail = ProblemMessages.message(locale, "detail.payload-over-limit", BodyLimit.human(limit), limit);
            }
            case 415 -> {
                code = "unsupported-media-type";
                detail = ProblemMessages.message(locale, "detail.unsupported-media-type");
            }
            default -> {
                code = "http-" + status;
                detail = ProblemMessages.message(locale, "detail.http", status);
            }
        }
        return respond(request, status, code, detail, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        String requestId = RequestIds.of(request);
        if (Outages.isDatabaseOutage(e)) {
            LOG.warnf(
                    "Database unavailable for %s %s (request %s): %s",
                    request.getMethod(), request.getUriInfo().getPath(), requestId, rootMessage(e));
            return Response.fromResponse(respond(
                            request,
                            503,
                            "unavailable",
                            ProblemMessages.message(locale(request), "detail.unavailable"),
                            List.of()))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_OUTAGE_SECONDS)
                    .build();
        }
        if (ConcurrentWrites.isLostRace(e)) {
            LOG.warnf(
                    "Concurrent write lost a race in %s %s (request %s): %s",
                    request.getMethod(), request.getUriInfo().getPath(), requestId, rootMessage(e));
            return respond(
                    request,
                    409,
                    "concurrent-write",
                    ProblemMessages.message(locale(request), "detail.concurrent-write"),
                    List.of());
        }
        if (isIncompleteMultipart(e)) {
            LOG.warnf(
                    "Incomplete multipart body for %s %s (request %s): %s",
                    request.getMethod(), request.getUriInfo().getPath(), requestId, rootMessage(e));
            return respond(
                    request,
                    400,
                    "malformed-request",
                    ProblemMessages.message(locale(request), "detail.incomplete-multipart"),
                    List.of());
        }
        LOG.errorf(
                e,
                "Unexpected failure of %s %s (request %s)",
                request.getMethod(),
                request.getUriInfo().getPath(),
                requestId);
        return respond(
                request,
                500,
                "internal",
                ProblemMessages.message(locale(request), "detail.internal", String.valueOf(requestId)),
                List.of());
    }

    /**
     * A multipart body that ended before its closing boundary (the client stopped sending, or sent
     * an empty body with a multipart content type): RESTEasy Reactive's parser throws a plain
     * {@link java.io.IOException}, which is the caller's fault, not the server's.
     */
    static boolean isIncompleteMultipart(Throwable e) {
        if (!(e instanceof java.io.IOException)) {
            return false;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().contains(".multipart.MultiPartParserDefinition")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private Response challenge(ContainerRequestContext request, String detailKey) {
        return Response.fromResponse(respond(
                        request, 401, "unauthorized", ProblemMessages.message(locale(request), detailKey), List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /** Builds the response; titles come from {@code title.<code>}, else {@code title.status.<status>}. */
    static Response respond(
            ContainerRequestContext request, int status, String code, String detail, List<FieldError> errors) {
        Locale locale = locale(request);
        String titleKey = ProblemMessages.has(locale, "title." + code) ? "title." + code : "title.status." + status;
        Problem problem = new Problem(
                Problem.TYPE_PREFIX + code,
                ProblemMessages.message(locale, titleKey),
                status,
                detail,
                request.getUriInfo().getRequestUri().getRawPath(),
                RequestIds.of(request),
                errors);
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .entity(problem)
                .build();
    }

    static Locale locale(ContainerRequestContext request) {
        return ProblemMessages.resolve(request.getAcceptableLanguages());
    }

    private static FieldError fieldError(String field, Object value, String message) {
        return new FieldError(field, echoable(field, value), message);
    }

    private static Object echoable(String field, Object value) {
        if (value == null || SENSITIVE.matcher(field).matches()) {
            return null;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence text && text.length() <= MAX_ECHOED_VALUE) {
            return text.toString();
        }
        return null;
    }

    /** {@code create.request.items[0].vin} → {@code items[0].vin}: the path inside the body or parameter. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            // Bean Validation puts a list element's index on the node *inside* the element.
            if (node.isInIterable()) {
                field.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            if (node.getName() == null) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        if (field.length() > 0) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }
}
