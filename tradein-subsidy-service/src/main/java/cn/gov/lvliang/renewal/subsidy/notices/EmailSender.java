package cn.gov.lvliang.renewal.subsidy.notices;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Email over SMTP (quarkus-mailer; {@code quarkus.mailer.host}, {@code .port}, {@code .from}). The
 * notification's id travels as {@code X-Notification-Id}, the same on every attempt, for the
 * receiving side to recognise a resend (decision 0027).
 */
@ApplicationScoped
public class EmailSender {

    static final String NOTIFICATION_ID_HEADER = "X-Notification-Id";

    private final Mailer mailer;

    public EmailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    public void send(UUID notificationId, String to, String subject, String text) {
        try {
            mailer.send(Mail.withText(to, subject, text).addHeader(NOTIFICATION_ID_HEADER, notificationId.toString()));
        } catch (RuntimeException e) {
            throw new DeliveryFailed("smtp: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
