package cn.gov.lvliang.renewal.subsidy.notices;

import cn.gov.lvliang.renewal.platform.events.CloudEvent;
import cn.gov.lvliang.renewal.platform.pii.Masking;
import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import cn.gov.lvliang.renewal.subsidy.claims.ApplicantData;
import cn.gov.lvliang.renewal.subsidy.claims.Claim;
import cn.gov.lvliang.renewal.subsidy.claims.ReasonCode;
import cn.gov.lvliang.renewal.subsidy.messaging.OwnEventsListener;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns a claim event into its notifications: an SMS to the applicant's phone, an email to the
 * filing enterprise when it gave an address. Runs inside the consumer's inbox transaction, so the
 * rows commit with the event's inbox record, before any attempt to send; {@code (event_id,
 * channel)} is unique, so a redelivered event queues nothing twice.
 */
@ApplicationScoped
public class ClaimNotices implements OwnEventsListener {

    /** The consumer name of the notices' inbox rows. */
    static final String CONSUMER = "applicant-notices";

    static final String RECIPIENT = "notification.recipient";
    private static final Logger LOG = Logger.getLogger(ClaimNotices.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final EntityManager em;
    private final PiiProtection pii;
    private final NoticeTemplates templates;
    private final NoticesConfig config;
    private final Clock clock;

    public ClaimNotices(
            EntityManager em, PiiProtection pii, NoticeTemplates templates, NoticesConfig config, Clock clock) {
        this.em = em;
        this.pii = pii;
        this.templates = templates;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The claim's number as the applicant reads it ({@code LL-141124-2026-000123}, given by the
     * database at filing); the id only for a claim read before that number was assigned.
     */
    static String claimNumber(Claim claim) {
        return claim.claimNumber != null ? claim.claimNumber : claim.id.toString();
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    /** Off in tests other than the notices' own ({@code suite.notices.queue-events}). */
    @Override
    public boolean enabled() {
        return config.queueEvents();
    }

    /** The claim events that notify someone; {@code claim.verified} and the budget events do not. */
    @Override
    public boolean follows(String eventType) {
        return NoticeKind.of(eventType).isPresent();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        NoticeKind kind = NoticeKind.of(event.type()).orElse(null);
        if (kind == null) {
            return;
        }
        Instant now = Instant.now(clock);
        if (event.time() != null && event.time().plus(config.maxEventAge()).isBefore(now)) {
            LOG.infof("event %s (%s) is older than %s: not notified", event.id(), event.type(), config.maxEventAge());
            return;
        }
        JsonNode data = event.data();
        Claim claim = Claim.findById(UUID.fromString(data.path("claimId").asText()));
        if (claim == null) {
            LOG.warnf("event %s names an unknown claim: not notified", event.id());
            return;
        }
        NoticeTemplates.Variables variables = new NoticeTemplates.Variables(
                claimNumber(claim),
                data.path("amountFen").asLong(claim.amountFen),
                data.hasNonNull("reasonCode")
                        ? ReasonCode.valueOf(data.get("reasonCode").asText())
                        : null,
                data.hasNonNull("paidAt")
                        ? Instant.parse(data.get("paidAt").asText())
                                .atZone(CHINA)
                                .toLocalDate()
                                .toString()
                        : null);
        if (claim.applicantPhoneEncrypted != null) {
            String phone = pii.decrypt(claim.applicantPhoneEncrypted, ApplicantData.APPLICANT_PHONE);
            queue(event, claim, Channel.SMS, phone, Masking.phone(phone), null, templates.sms(kind, variables), now);
        }
        enterpriseEmail(claim.sellerCreditCode).ifPresent(email -> {
            NoticeTemplates.Email mail = templates.email(kind, variables);
            queue(event, claim, Channel.EMAIL, email, email, mail.subject(), mail.body(), now);
        });
    }

    private Optional<String> enterpriseEmail(String creditCode) {
        if (!config.emailEnabled()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("select email from enterprise_contact where credit_code = ?1")
                .setParameter(1, creditCode)
                .getResultList();
        return found.stream().findFirst();
    }

    private void queue(
            CloudEvent event,
            Claim claim,
            Channel channel,
            String recipient,
            String masked,
            String subject,
            String body,
            Instant now) {
        em.createNativeQuery("insert into notification (id, event_id, event_type, claim_id, channel,"
                        + " recipient_encrypted, recipient_masked, subject, body, state, next_attempt_at, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'QUEUED', ?10, ?10)"
                        + " on conflict (event_id, channel) do nothing")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, claim.id)
                .setParameter(5, channel.name())
                .setParameter(6, pii.encrypt(recipient, RECIPIENT))
                .setParameter(7, masked)
                .setParameter(8, subject)
                .setParameter(9, body)
                .setParameter(10, now)
                .executeUpdate();
    }
}
