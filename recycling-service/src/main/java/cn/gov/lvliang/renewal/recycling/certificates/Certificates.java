package cn.gov.lvliang.renewal.recycling.certificates;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.Scope;
import cn.gov.lvliang.renewal.recycling.organisation.Area;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;

/** The rules both kinds of certificate share: who issues, who reads, unique numbers, dates. */
final class Certificates {

    private Certificates() {}

    /**
     * Where certificates of one kind are read: system clients city-wide, everyone else by {@link
     * Scope} over that kind's responsibility area ({@link Area#SCRAP_CERTIFICATES} for cars and
     * trucks, {@link Area#FARM_MACHINERY_CERTIFICATES} for farm machinery), the county and the
     * issuing dismantler.
     */
    static Scope scope(Caller caller, Area area) {
        if (caller.hasRole(Roles.SYSTEM_CLIENT)) {
            return new Scope("1 = 1", Map.of());
        }
        return Scope.of(caller, area, "county", "dismantlerCreditCode");
    }

    /** 403 unless the caller's token enterprise is {@code creditCode}. */
    static void requireIssuer(Caller caller, String creditCode) {
        if (!caller.enterprise().map(creditCode::equals).orElse(false)) {
            throw Problems.forbidden("not-your-enterprise", "detail.not-your-enterprise", creditCode);
        }
    }

    /** 400 on {@code field} when {@code date} lies after today by the clock. */
    static void notInFuture(LocalDate date, String field, Clock clock) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw Problems.invalidField(field, date, "field.date-in-future");
        }
    }

    /**
     * Inserts a new certificate; its number's unique constraint finds a number issued before (409),
     * so that issuing costs no separate lookup and two concurrent requests for one number cannot
     * both pass a check. The failed insert leaves the transaction to be rolled back.
     *
     * @param uniqueConstraint the name of the table's unique constraint on the number
     */
    static void insertUnlessNumberExists(IssuedCertificate certificate, String uniqueConstraint) {
        try {
            certificate.persistAndFlush();
        } catch (PersistenceException e) {
            if (violates(e, uniqueConstraint)) {
                throw Problems.conflict(
                        "certificate-exists", "detail.certificate-exists", certificate.certificateNumber);
            }
            throw e;
        }
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException violation
                    && constraint.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
