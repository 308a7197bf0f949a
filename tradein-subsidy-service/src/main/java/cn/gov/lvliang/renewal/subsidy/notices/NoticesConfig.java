package cn.gov.lvliang.renewal.subsidy.notices;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Applicant notifications (通知): delivery pace, retries and the SMS gateway (decision 0027). */
@ConfigMapping(prefix = "suite.notices")
public interface NoticesConfig {

    /**
     * Whether this instance's consumer queues notifications for the claim events it reads ({@code
     * false}: it reads past them). Off in tests but the notification tests', whose background rows
     * would otherwise land in the middle of every other test's row counts.
     */
    @WithDefault("true")
    boolean queueEvents();

    /** How often {@link NoticeDelivery} sends what is due ({@code off} disables it on an instance). */
    @WithDefault("2s")
    String pollInterval();

    /** At most this many notifications per round. */
    @WithDefault("50")
    int batchSize();

    /** Waits before the 2nd, 3rd, … attempt: this, doubled each time, up to {@link #maxBackoff}. */
    @WithDefault("10s")
    Duration initialBackoff();

    @WithDefault("10m")
    Duration maxBackoff();

    /** After this many failed attempts a notification is FAILED for good (metric, alert). */
    @WithDefault("8")
    int maxAttempts();

    /**
     * How long one attempt may take before another instance (or this one after a restart) takes the
     * notification over, sending again with the same idempotency key.
     */
    @WithDefault("60s")
    Duration lease();

    /** Events older than this are not notified (a new consumer group starting at the topic's beginning). */
    @WithDefault("24h")
    Duration maxEventAge();

    /** Email to the filing enterprise (quarkus.mailer.* says where the SMTP server is). */
    @WithDefault("true")
    boolean emailEnabled();

    Sms sms();

    /** The HTTP SMS gateway, signed like the big Chinese providers' APIs (access key + HMAC-SHA256). */
    interface Sms {
        /** The gateway's send URL; without it SMS are written to {@link #logFile} (local runs). */
        Optional<String> url();

        Optional<String> accessKey();

        Optional<String> secret();

        /** Without a URL, sent SMS are appended here (./suite: .devstack/logs/sms.log), else logged. */
        Optional<String> logFile();

        @WithDefault("10s")
        Duration timeout();
    }
}
