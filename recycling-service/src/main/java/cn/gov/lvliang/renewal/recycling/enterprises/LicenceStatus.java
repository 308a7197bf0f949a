package cn.gov.lvliang.renewal.recycling.enterprises;

import java.time.LocalDate;

/**
 * 资质状态 as the public and the rules see it on a given day: the recorded status combined with the
 * validity period. Only {@link #VALID} allows licensed work.
 */
public enum LicenceStatus {
    /** 有效: recorded valid and today within the validity period. */
    VALID,
    /** 未生效: recorded valid, the period has not begun. */
    NOT_YET_VALID,
    /** 已过期: recorded valid, the period has ended. */
    EXPIRED,
    /** 暂停: suspended by the authority. */
    SUSPENDED,
    /** 吊销: revoked by the authority. */
    REVOKED;

    /** The effective status on {@code today}. Pure: no clock, no database. */
    public static LicenceStatus on(
            QualificationStatus recorded, LocalDate validFrom, LocalDate validTo, LocalDate today) {
        return switch (recorded) {
            case SUSPENDED -> SUSPENDED;
            case REVOKED -> REVOKED;
            case VALID -> today.isBefore(validFrom) ? NOT_YET_VALID : today.isAfter(validTo) ? EXPIRED : VALID;
        };
    }
}
