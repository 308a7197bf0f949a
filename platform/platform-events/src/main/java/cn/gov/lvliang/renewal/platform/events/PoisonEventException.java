package cn.gov.lvliang.renewal.platform.events;

/**
 * The event itself is unusable (malformed, missing data, unknown version): retrying cannot help,
 * so it goes straight to the dead-letter topic with this message as the reason.
 */
public class PoisonEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
