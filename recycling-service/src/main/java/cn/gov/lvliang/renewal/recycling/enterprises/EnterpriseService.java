package cn.gov.lvliang.renewal.recycling.enterprises;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.pii.Masking;
import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.recycling.Pages;
import cn.gov.lvliang.renewal.recycling.Scope;
import cn.gov.lvliang.renewal.recycling.messaging.QualificationChanged;
import cn.gov.lvliang.renewal.recycling.messaging.RecyclingEvents;
import cn.gov.lvliang.renewal.recycling.organisation.Area;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Use cases of the enterprise registry and the qualification rules other features rely on. */
@ApplicationScoped
public class EnterpriseService {

    static final String CONTACT_NAME = "enterprise.contact_name";
    static final String CONTACT_PHONE = "enterprise.contact_phone";

    private final PiiProtection pii;
    private final Outbox outbox;
    private final Clock clock;

    public EnterpriseService(PiiProtection pii, Outbox outbox, Clock clock) {
        this.pii = pii;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Registers an enterprise with its qualification and announces it as a qualification change. */
    @Transactional
    public EnterpriseView register(RegisterEnterprise request, Caller caller) {
        QualificationInput q = request.qualification();
        checkPeriod(q);
        if (Enterprise.count("creditCode", request.creditCode()) > 0) {
            throw Problems.conflict("enterprise-exists", "detail.enterprise-exists", request.creditCode());
        }
        requireLicenceNumberFree(q.licenceNumber(), null);
        Enterprise e = new Enterprise();
        e.creditCode = request.creditCode();
        e.name = request.name().strip();
        e.type = request.type();
        e.county = request.county();
        e.address = request.address().strip();
        e.contactNameEncrypted = pii.encrypt(request.contactName(), CONTACT_NAME);
        e.contactPhoneEncrypted = pii.encrypt(request.contactPhone(), CONTACT_PHONE);
        e.registeredAt = Instant.now(clock);
        e.registeredBy = caller.subject();
        e.changeQualification(
                q.licenceNumber().strip(),
                q.scope().strip(),
                q.validFrom(),
                q.validTo(),
                q.status(),
                caller.subject(),
                clock);
        e.persistAndFlush();
        recordChange(e, "registered");
        return view(e);
    }

    /** Changes an enterprise's qualification; the caller must have read the current version. */
    @Transactional
    public EnterpriseView changeQualification(String creditCode, ChangeQualification request, Caller caller) {
        Enterprise e = Enterprise.byCreditCode(creditCode)
                .orElseThrow(() -> Problems.notFound("resource.enterprise", creditCode));
        if (e.version != request.version()) {
            throw Problems.conflict("stale-version", "detail.stale-version");
        }
        QualificationInput q = request.qualification();
        checkPeriod(q);
        requireLicenceNumberFree(q.licenceNumber(), e.id);
        e.changeQualification(
                q.licenceNumber().strip(),
                q.scope().strip(),
                q.validFrom(),
                q.validTo(),
                q.status(),
                caller.subject(),
                clock);
        e.persistAndFlush();
        recordChange(e, request.reason().strip());
        return view(e);
    }

    public Optional<EnterpriseView> find(String creditCode, Caller caller) {
        Scope.Query query = Scope.of(caller, Area.ENTERPRISES, "county", "creditCode")
                .query()
                .eq("creditCode", creditCode);
        return Enterprise.<Enterprise>find(query.where(), query.parameters())
                .firstResultOptional()
                .map(this::view);
    }

    public Page<EnterpriseView> list(
            EnterpriseType type, String county, LicenceStatus status, int page, int size, Caller caller) {
        Scope.Query query = Scope.of(caller, Area.ENTERPRISES, "county", "creditCode")
                .query()
                .eq("type", type)
                .eq("county", county);
        if (status != null) {
            statusFilter(query, status, LocalDate.now(clock));
        }
        return Pages.of(
                Enterprise.<Enterprise>find(query.where(), Sort.by("creditCode"), query.parameters()),
                page,
                size,
                this::view);
    }

    /** Valid qualifications that end within {@code withinDays} days from today (today included). */
    public Page<ExpiringQualificationView> expiring(int withinDays, int page, int size, Caller caller) {
        LocalDate today = LocalDate.now(clock);
        Scope.Query query = Scope.of(caller, Area.ENTERPRISES, "county", "creditCode")
                .query()
                .eq("licenceStatus", QualificationStatus.VALID)
                .where("licenceValidFrom <= :p", today)
                .where("licenceValidTo >= :p", today)
                .where("licenceValidTo <= :p", today.plusDays(withinDays));
        return Pages.of(
                Enterprise.<Enterprise>find(
                        query.where(), Sort.by("licenceValidTo").and("creditCode"), query.parameters()),
                page,
                size,
                e -> new ExpiringQualificationView(
                        e.creditCode,
                        e.name,
                        e.type,
                        e.county,
                        e.licenceNumber,
                        e.licenceValidTo,
                        ChronoUnit.DAYS.between(today, e.licenceValidTo)));
    }

    /**
     * The registered enterprise of the caller's token, which must hold a valid qualification of
     * {@code type} today.
     *
     * @throws cn.gov.lvliang.renewal.platform.problem.ProblemException 403 {@code not-qualified}
     *     when the caller's enterprise is unknown, of another type, or its qualification is not
     *     valid today (expired, not yet valid, suspended, revoked)
     */
    public Enterprise requireQualified(Caller caller, EnterpriseType type) {
        String creditCode = caller.enterprise().orElse("");
        Enterprise e = Enterprise.byCreditCode(creditCode)
                .orElseThrow(() -> Problems.forbidden("not-qualified", "detail.not-registered", creditCode));
        LocalDate today = LocalDate.now(clock);
        if (e.type != type) {
            throw Problems.forbidden("not-qualified", "detail.wrong-enterprise-type", creditCode, type);
        }
        LicenceStatus status = e.licenceStatusOn(today);
        if (status != LicenceStatus.VALID) {
            throw Problems.forbidden("not-qualified", "detail.not-qualified", creditCode, status);
        }
        return e;
    }

    /**
     * The registered enterprise of the caller's token, whatever its type; its licence must be valid.
     *
     * @throws cn.gov.lvliang.renewal.platform.problem.ProblemException 403 {@code not-qualified}
     */
    public Enterprise requireLicensed(Caller caller) {
        String creditCode = caller.enterprise().orElse("");
        Enterprise e = Enterprise.byCreditCode(creditCode)
                .orElseThrow(() -> Problems.forbidden("not-qualified", "detail.not-registered", creditCode));
        LicenceStatus status = e.licenceStatusOn(LocalDate.now(clock));
        if (status != LicenceStatus.VALID) {
            throw Problems.forbidden("not-qualified", "detail.not-qualified", creditCode, status);
        }
        return e;
    }

    /** The effective licence status of an enterprise today, for listings. */
    public LicenceStatus licenceStatus(Enterprise e) {
        return e.licenceStatusOn(LocalDate.now(clock));
    }

    /** Adds the JPQL condition that selects enterprises whose effective status on {@code today} is {@code status}. */
    public static void statusFilter(Scope.Query query, LicenceStatus status, LocalDate today) {
        switch (status) {
            case SUSPENDED -> query.eq("licenceStatus", QualificationStatus.SUSPENDED);
            case REVOKED -> query.eq("licenceStatus", QualificationStatus.REVOKED);
            case VALID ->
                query.eq("licenceStatus", QualificationStatus.VALID)
                        .where("licenceValidFrom <= :p", today)
                        .where("licenceValidTo >= :p", today);
            case EXPIRED -> query.eq("licenceStatus", QualificationStatus.VALID).where("licenceValidTo < :p", today);
            case NOT_YET_VALID ->
                query.eq("licenceStatus", QualificationStatus.VALID).where("licenceValidFrom > :p", today);
        }
    }

    private void recordChange(Enterprise e, String reason) {
        QualificationRecord.of(e, reason).persist();
        outbox.publish(
                RecyclingEvents.TOPIC,
                e.creditCode,
                RecyclingEvents.QUALIFICATION_CHANGED,
                new QualificationChanged(
                        e.creditCode,
                        e.name,
                        RecyclingEvents.code(e.type),
                        e.county,
                        e.licenceNumber,
                        e.licenceScope,
                        e.licenceValidFrom,
                        e.licenceValidTo,
                        RecyclingEvents.code(e.licenceStatus),
                        RecyclingEvents.code(licenceStatus(e)),
                        reason,
                        e.updatedAt));
    }

    private static void checkPeriod(QualificationInput q) {
        if (q.validTo().isBefore(q.validFrom())) {
            throw Problems.invalidField("qualification.validTo", q.validTo(), "field.valid-to-before-from");
        }
    }

    private static void requireLicenceNumberFree(String licenceNumber, Long exceptEnterprise) {
        long taken = exceptEnterprise == null
                ? Enterprise.count("licenceNumber", licenceNumber.strip())
                : Enterprise.count("licenceNumber = ?1 and id <> ?2", licenceNumber.strip(), exceptEnterprise);
        if (taken > 0) {
            throw Problems.conflict("licence-number-exists", "detail.licence-number-exists", licenceNumber);
        }
    }

    EnterpriseView view(Enterprise e) {
        return new EnterpriseView(
                e.creditCode,
                e.name,
                e.type,
                e.county,
                e.address,
                new EnterpriseView.Contact(
                        Masking.name(pii.decrypt(e.contactNameEncrypted, CONTACT_NAME)),
                        Masking.phone(pii.decrypt(e.contactPhoneEncrypted, CONTACT_PHONE))),
                new EnterpriseView.Qualification(
                        e.licenceNumber,
                        e.licenceScope,
                        e.licenceValidFrom,
                        e.licenceValidTo,
                        e.licenceStatus,
                        licenceStatus(e)),
                e.registeredAt,
                e.version);
    }
}
