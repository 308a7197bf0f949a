package cn.gov.lvliang.renewal.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One answer of the suite's API: its status and JSON body (a problem+json body on errors).
 *
 * @param status the HTTP status
 * @param body the parsed body, {@link MissingNode} when there was none or it was not JSON
 */
public record ApiResponse(int status, JsonNode body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The body of a successful answer; a 401, 403, 404 or other failure becomes its error page. */
    public JsonNode expectOk() {
        if (ok()) {
            return body;
        }
        throw new ApiFailure(this);
    }

    /** The problem's {@code detail}, or its title. */
    public String detail() {
        String detail = body.path("detail").asText("");
        return detail.isBlank() ? body.path("title").asText("") : detail;
    }

    /** The problem's per-field messages by field path ({@code applicant.idNumber}), in order. */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        body.path("errors")
                .forEach(error -> errors.merge(
                        error.path("field").asText(""), error.path("message").asText(""), (a, b) -> a + "; " + b));
        return errors;
    }

    /**
     * What a form's {@code POST} answers once the API has answered: a redirect to {@code done} when
     * it succeeded; the form's page again ({@code page}), with this answer's status, when the status
     * is one of {@code shownOnThePage} (the page shows the problem at its fields); otherwise the
     * error page of the failure ({@link ApiFailure}).
     */
    public Response afterForm(URI done, Set<Integer> shownOnThePage, Supplier<Object> page) {
        if (ok()) {
            return Response.seeOther(done).build();
        }
        if (shownOnThePage.contains(status)) {
            return Response.status(status).entity(page.get()).build();
        }
        throw new ApiFailure(this);
    }

    /** An answer the page cannot be shown without. */
    public static class ApiFailure extends RuntimeException {
        private final ApiResponse response;

        public ApiFailure(ApiResponse response) {
            super("the API answered " + response.status(), null, false, false);
            this.response = response;
        }

        public ApiResponse response() {
            return response;
        }
    }
}
