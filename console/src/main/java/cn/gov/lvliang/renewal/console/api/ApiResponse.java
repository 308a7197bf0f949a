package cn.gov.lvliang.renewal.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.LinkedHashMap;
import java.util.Map;

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
