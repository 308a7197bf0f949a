package cn.gov.lvliang.renewal.recycling.certificates;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.pii.Masking;
import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.RecyclingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Use cases of scrap certificates. */
@ApplicationScoped
public class ScrapCertificateService {

    static final String OWNER_NAME = "scrap_certificate.owner_name";
    static final String OWNER_ID = "scrap_certificate.owner_id";

    private final PiiProtection pii;
    private final Outbox outbox;
    private final Clock clock;

    public ScrapCertificateService(PiiProtection pii, Outbox outbox, Clock clock) {
        this.pii = pii;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Issues a certificate and announces it with {@code vehicle.scrapped}, in one transaction.
     *
     * @throws cn.gov.lvliang.renewal.platform.problem.ProblemException 403 when the caller is not
     *     the dismantler named in the request, 409 when the number exists, 400 for impossible dates
     */
    @Transactional
    public ScrapCertificateView issue(IssueScrapCertificate request, Caller caller) {
        if (!caller.enterprise().map(request.dismantlerCreditCode()::equals).orElse(false)) {
            throw Problems.forbidden(
                    "not-your-enterprise", "detail.not-your-enterprise", request.dismantlerCreditCode());
        }
        LocalDate today = LocalDate.now(clock);
        if (request.handoverDate().isAfter(today)) {
            throw Problems.invalidField("handoverDate", request.handoverDate(), "field.date-in-future");
        }
        if (request.firstRegistrationDate().isAfter(request.handoverDate())) {
            throw Problems.invalidField(
                    "firstRegistrationDate", request.firstRegistrationDate(), "field.registered-after-handover");
        }
        if (ScrapCertificate.count("certificateNumber", request.certificateNumber()) > 0) {
            throw Problems.conflict("certificate-exists", "detail.certificate-exists", request.certificateNumber());
        }
        ScrapCertificate certificate = new ScrapCertificate();
        certificate.certificateNumber = request.certificateNumber();
        certificate.dismantlerCreditCode = request.dismantlerCreditCode();
        certificate.county = request.county();
        certificate.vin = request.vin();
        certificate.ownerNameEncrypted = pii.encrypt(request.ownerName(), OWNER_NAME);
        certificate.ownerIdEncrypted = pii.encrypt(request.ownerIdNumber(), OWNER_ID);
        certificate.ownerIdHash = pii.hash(request.ownerIdNumber());
        certificate.plate = request.plate();
        certificate.firstRegistrationDate = request.firstRegistrationDate();
        certificate.handoverDate = request.handoverDate();
        certificate.powerType = request.powerType();
        certificate.status = ScrapCertificate.Status.ISSUED;
        certificate.issuedAt = Instant.now(clock);
        certificate.issuedBy = caller.subject();
        certificate.persistAndFlush();

        outbox.publish(
                RecyclingEvents.TOPIC,
                certificate.certificateNumber,
                RecyclingEvents.VEHICLE_SCRAPPED,
                new VehicleScrapped(
                        certificate.certificateNumber,
                        certificate.dismantlerCreditCode,
                        certificate.county,
                        certificate.vin,
                        certificate.firstRegistrationDate,
                        certificate.handoverDate,
                        certificate.powerType,
                        new VehicleScrapped.Owner(
                                certificate.ownerIdHash,
                                Masking.idNumber(request.ownerIdNumber()),
                                Masking.name(request.ownerName()))));
        return view(certificate);
    }

    /** The certificate, if it exists and lies within the caller's scope. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScrapCertificateView> find(String certificateNumber, Caller caller) {
        StringBuilder query = new StringBuilder("certificateNumber = ?1");
        Object scope = null;
        if (caller.hasAnyRole(java.util.Set.of(Roles.CITY_ADMIN, Roles.AUDITOR))) {
            // city-wide
        } else if (caller.hasRole(Roles.COUNTY_OFFICER) && caller.county().isPresent()) {
            query.append(" and county = ?2");
            scope = caller.county().get();
        } else if (caller.hasRole(Roles.DISMANTLER) && caller.enterprise().isPresent()) {
            query.append(" and dismantlerCreditCode = ?2");
            scope = caller.enterprise().get();
        } else {
            return Optional.empty();
        }
        Optional<ScrapCertificate> found = scope == null
                ? ScrapCertificate.find(query.toString(), certificateNumber).firstResultOptional()
                : ScrapCertificate.find(query.toString(), certificateNumber, scope)
                        .firstResultOptional();
        return found.map(this::view);
    }

    private ScrapCertificateView view(ScrapCertificate c) {
        return new ScrapCertificateView(
                c.certificateNumber,
                c.dismantlerCreditCode,
                c.county,
                c.vin,
                new ScrapCertificateView.Owner(
                        Masking.name(pii.decrypt(c.ownerNameEncrypted, OWNER_NAME)),
                        Masking.idNumber(pii.decrypt(c.ownerIdEncrypted, OWNER_ID))),
                c.plate,
                c.firstRegistrationDate,
                c.handoverDate,
                c.powerType,
                c.status,
                c.issuedAt,
                c.version);
    }
}
