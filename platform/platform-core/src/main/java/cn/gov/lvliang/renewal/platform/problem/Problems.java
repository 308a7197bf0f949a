package cn.gov.lvliang.renewal.platform.problem;

import java.util.List;

/** Factories for the problems services raise. Message keys live in the {@code problems} bundles. */
public final class Problems {

    private Problems() {}

    /** 404: {@code resource} is a message key naming the kind of thing, such as {@code resource.scrap-certificate}. */
    public static ProblemException notFound(String resource, Object id) {
        return new ProblemException(404, "not-found", "detail.not-found", List.of(), new MessageRef(resource), id);
    }

    /** 409: the request conflicts with the current state. */
    public static ProblemException conflict(String code, String detailKey, Object... args) {
        return new ProblemException(409, code, detailKey, List.of(), args);
    }

    /** 403: authenticated, but not allowed to do this. */
    public static ProblemException forbidden(String code, String detailKey, Object... args) {
        return new ProblemException(403, code, detailKey, List.of(), args);
    }

    /** 422: well-formed, but breaks a business rule. */
    public static ProblemException unprocessable(String code, String detailKey, Object... args) {
        return new ProblemException(422, code, detailKey, List.of(), args);
    }

    /** 400 with one field error, for checks that Bean Validation cannot express. */
    public static ProblemException invalidField(String field, Object value, String messageKey, Object... args) {
        return new ProblemException(
                400,
                "validation",
                "detail.validation",
                List.of(new ProblemException.FieldViolation(field, value, messageKey, args)));
    }

    /** A message argument that is itself a message key, localised before formatting. */
    public record MessageRef(String key) {}
}
