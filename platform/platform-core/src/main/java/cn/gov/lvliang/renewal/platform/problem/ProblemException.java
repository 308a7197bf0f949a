package cn.gov.lvliang.renewal.platform.problem;

import java.util.List;

/**
 * A failure the caller can act on, rendered as a problem response by {@link ProblemMappers}.
 *
 * <p>{@code code} names the problem (it becomes the {@code type} URN and selects the localised
 * title); {@code detailKey} and {@code args} select the localised detail message from the
 * {@code problems} bundles. Create instances with the factories in {@link Problems}.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String detailKey;
    private final transient Object[] args;
    private final transient List<FieldViolation> violations;

    public ProblemException(
            int status, String code, String detailKey, List<FieldViolation> violations, Object... args) {
        super(code + ": " + detailKey, null, false, false);
        this.status = status;
        this.code = code;
        this.detailKey = detailKey;
        this.args = args.clone();
        this.violations = List.copyOf(violations);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** A field-level failure found by code rather than by Bean Validation. */
    public record FieldViolation(String field, Object value, String messageKey, Object... args) {}
}
