package cn.gov.lvliang.renewal.subsidy.notices;

import cn.gov.lvliang.renewal.subsidy.messaging.SubsidyEvents;
import java.util.Arrays;
import java.util.Optional;

/** The claim events the applicant (SMS) and the filing enterprise (email) are told of. */
public enum NoticeKind {
    SUBMITTED(SubsidyEvents.CLAIM_SUBMITTED),
    RETURNED(SubsidyEvents.CLAIM_RETURNED),
    APPROVED(SubsidyEvents.CLAIM_APPROVED),
    REJECTED(SubsidyEvents.CLAIM_REJECTED),
    PAID(SubsidyEvents.CLAIM_PAID);

    private final String eventType;

    NoticeKind(String eventType) {
        this.eventType = eventType;
    }

    public static Optional<NoticeKind> of(String eventType) {
        return Arrays.stream(values())
                .filter(k -> k.eventType.equals(eventType))
                .findFirst();
    }

    /** The template key, e.g. {@code approved}. */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
