package cn.gov.lvliang.renewal.recycling.certificates;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.pii.Masking;
import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.recycling.Addresses;
import cn.gov.lvliang.renewal.recycling.Pages;
import cn.gov.lvliang.renewal.recycling.Scope;
import cn.gov.lvliang.renewal.recycling.enterprises.EnterpriseService;
import cn.gov.lvliang.renewal.recycling.enterprises.EnterpriseType;
import cn.gov.lvliang.renewal.recycling.messaging.CertificateVoided;
import cn.gov.lvliang.renewal.recycling.messaging.RecyclingEvents;
import cn.gov.lvliang.renewal.recycling.messaging.VehicleDeregistered;
import cn.gov.lvliang.renewal.recycling.messaging.VehicleScrapped;
import cn.gov.lvliang.renewal.recycling.organisation.Area;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Use cases of scrap certificates: issue, correct (new version), void, deregister, read. */
@ApplicationScoped
public class ScrapCertificateService
        implements CertificateBook<ScrapCertificateView, ScrapCertificateView.Version, CorrectScrapCertificate> {

    static final String OWNER_NAME = "scrap_certificate.owner_name";
    static final String OWNER_ID = "scrap_certificate.owner_id";
    static final String OWNER_PHONE = "scrap_certificate.owner_phone";
    static final String OWNER_ADDRESS = "scrap_certificate.owner_address";
    /** The unique constraint on {@code scrap_certificate.certificate_number} (V1). */
    private static final String NUMBER_UNIQUE = "scrap_certificate_number_unique";

    private final PiiProtection pii;
    private final Outbox outbox;
    private final EnterpriseService enterprises;
    private final Clock clock;

    public ScrapCertificateService(PiiProtection pii, Outbox outbox, EnterpriseService enterprises, Clock clock) {
        this.pii = pii;
        this.outbox = outbox;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    /**
     * Issues a certificate and announces it with {@code vehicle.scrapped}, in one transaction.
     *
     * @throws cn.gov.lvliang.renewal.platform.problem.ProblemException 403 when the caller is not
     *     the dismantler named in the request or holds no valid dismantler qualification today, 409
     *     when the number exists, 400 for impossible dates
     */
    @Transactional
    public ScrapCertificateView issue(IssueScrapCertificate request, Caller caller) {
        Certificates.requireIssuer(caller, request.dismantlerCreditCode());
        enterprises.requireQualified(caller, EnterpriseType.DISMANTLER);
        ScrapCertificateContent content = request.content();
        checkDates(content, "");
        ScrapCertificate certificate = new ScrapCertificate();
        certificate.issue(request.certificateNumber(), request.dismantlerCreditCode(), caller.subject(), clock);
        write(certificate, content);
        Certificates.insertUnlessNumberExists(certificate, NUMBER_UNIQUE);
        ScrapCertificateRevision.snapshot(certificate, "issued", certificate.issuedAt, caller.subject())
                .persist();
        outbox.publish(
                RecyclingEvents.TOPIC,
                certificate.certificateNumber,
                RecyclingEvents.VEHICLE_SCRAPPED,
                eventData(certificate, content));
        return view(certificate);
    }

    /**
     * Corrects a certificate: the content becomes a new version; every earlier version stays as it
     * was. Only the issuing dismantler, still qualified, corrects. Announced as {@code certificate.corrected}.
     */
    @Transactional
    @Override
    public ScrapCertificateView correct(String number, CorrectScrapCertificate request, Caller caller) {
        ScrapCertificate certificate =
                scoped(number, caller).orElseThrow(() -> Problems.notFound("resource.scrap-certificate", number));
        Certificates.requireIssuer(caller, certificate.dismantlerCreditCode);
        enterprises.requireQualified(caller, EnterpriseType.DISMANTLER);
        ScrapCertificateContent content = request.corrected();
        checkDates(content, "corrected.");
        if (certificate.deregisteredOn != null && content.handoverDate().isAfter(certificate.deregisteredOn)) {
            throw Problems.invalidField("corrected.handoverDate", content.handoverDate(), "field.after-deregistration");
        }
        certificate.beginCorrection(request.version(), clock);
        write(certificate, content);
        certificate.persistAndFlush();
        ScrapCertificateRevision.snapshot(
                        certificate, request.reason().strip(), certificate.correctedAt, caller.subject())
                .persist();
        outbox.publish(
                RecyclingEvents.TOPIC,
                certificate.certificateNumber,
                RecyclingEvents.CERTIFICATE_CORRECTED,
                eventData(certificate, content));
        return view(certificate);
    }

    /** Voids a certificate for a stated reason; announced as {@code certificate.voided}. */
    @Transactional
    @Override
    public ScrapCertificateView voidCertificate(String number, VoidScrapCertificate request, Caller caller) {
        ScrapCertificate certificate =
                scoped(number, caller).orElseThrow(() -> Problems.notFound("resource.scrap-certificate", number));
        certificate.voidFor(request.reason().strip(), caller.subject(), clock);
        certificate.persistAndFlush();
        outbox.publish(
                RecyclingEvents.TOPIC,
                certificate.certificateNumber,
                RecyclingEvents.CERTIFICATE_VOIDED,
                new CertificateVoided(certificate.certificateNumber, certificate.voidReason, certificate.voidedAt));
        return view(certificate);
    }

    /** Records the vehicle's deregistration (注销); announced as {@code vehicle.deregistered}. */
    @Transactional
    public ScrapCertificateView deregister(String number, DeregisterVehicle request, Caller caller) {
        ScrapCertificate certificate =
                scoped(number, caller).orElseThrow(() -> Problems.notFound("resource.scrap-certificate", number));
        certificate.deregister(request.deregisteredOn(), caller.subject(), clock);
        certificate.persistAndFlush();
        outbox.publish(
                RecyclingEvents.TOPIC,
                certificate.certificateNumber,
                RecyclingEvents.VEHICLE_DEREGISTERED,
                new VehicleDeregistered(certificate.certificateNumber, certificate.county, certificate.deregisteredOn));
        return view(certificate);
    }

    @Override
    public Optional<ScrapCertificateView> find(String certificateNumber, Caller caller) {
        return scoped(certificateNumber, caller).map(this::view);
    }

    /** Every version of a certificate, oldest first. */
    @Override
    public Optional<List<ScrapCertificateView.Version>> versions(String certificateNumber, Caller caller) {
        return scoped(certificateNumber, caller)
                .map(c ->
                        ScrapCertificateRevision.<ScrapCertificateRevision>find(
                                        "certificateId", Sort.by("revision"), c.id)
                                .list()
                                .stream()
                                .map(this::versionView)
                                .toList());
    }

    public Page<ScrapCertificateView> list(
            String county, String vin, ScrapCertificate.Status status, int page, int size, Caller caller) {
        Scope.Query query = Certificates.scope(caller, Area.SCRAP_CERTIFICATES)
                .query()
                .eq("county", county)
                .eq("vin", vin)
                .eq("status", status);
        return Pages.of(
                ScrapCertificate.<ScrapCertificate>find(query.where(), Sort.by("id"), query.parameters()),
                page,
                size,
                this::view);
    }

    private static Optional<ScrapCertificate> scoped(String number, Caller caller) {
        Scope.Query query =
                Certificates.scope(caller, Area.SCRAP_CERTIFICATES).query().eq("certificateNumber", number);
        return ScrapCertificate.<ScrapCertificate>find(query.where(), query.parameters())
                .firstResultOptional();
    }

    /** @param prefix where the content sits in the request body, for the field names of errors */
    private void checkDates(ScrapCertificateContent content, String prefix) {
        Certificates.notInFuture(content.handoverDate(), prefix + "handoverDate", clock);
        if (content.firstRegistrationDate().isAfter(content.handoverDate())) {
            throw Problems.invalidField(
                    prefix + "firstRegistrationDate",
                    content.firstRegistrationDate(),
                    "field.registered-after-handover");
        }
    }

    private void write(ScrapCertificate c, ScrapCertificateContent content) {
        c.county = content.county();
        c.vin = content.vin();
        c.ownerNameEncrypted = pii.encrypt(content.ownerName().strip(), OWNER_NAME);
        c.ownerIdEncrypted = pii.encrypt(content.ownerIdNumber(), OWNER_ID);
        c.ownerIdHash = pii.hash(content.ownerIdNumber());
        c.ownerPhoneEncrypted = pii.encrypt(content.ownerPhone(), OWNER_PHONE);
        c.ownerAddressEncrypted = pii.encrypt(content.ownerAddress().strip(), OWNER_ADDRESS);
        c.plate = content.plate();
        c.firstRegistrationDate = content.firstRegistrationDate();
        c.handoverDate = content.handoverDate();
        c.powerType = content.powerType();
        c.vehicleType = content.vehicleType().strip();
        c.vehicleUse = content.vehicleUse().strip();
        c.makeAndModel = content.makeAndModel().strip();
        c.kerbWeightKg = content.kerbWeightKg();
        c.engineNumber = content.engineNumber();
        c.batteryPackCode = content.batteryPackCode();
    }

    private static VehicleScrapped eventData(ScrapCertificate c, ScrapCertificateContent content) {
        return new VehicleScrapped(
                c.certificateNumber,
                c.dismantlerCreditCode,
                c.county,
                c.vin,
                c.firstRegistrationDate,
                c.handoverDate,
                RecyclingEvents.code(c.powerType),
                new VehicleScrapped.Owner(
                        c.ownerIdHash, Masking.idNumber(content.ownerIdNumber()), Masking.name(content.ownerName())),
                c.vehicleType,
                c.vehicleUse,
                c.makeAndModel,
                c.kerbWeightKg,
                c.engineNumber,
                c.batteryPackCode,
                c.revision);
    }

    private ScrapCertificateView.Owner owner(
            String nameEncrypted, String idEncrypted, String phoneEncrypted, String addressEncrypted) {
        return new ScrapCertificateView.Owner(
                Masking.name(pii.decrypt(nameEncrypted, OWNER_NAME)),
                Masking.idNumber(pii.decrypt(idEncrypted, OWNER_ID)),
                phoneEncrypted == null ? null : Masking.phone(pii.decrypt(phoneEncrypted, OWNER_PHONE)),
                addressEncrypted == null ? null : Addresses.mask(pii.decrypt(addressEncrypted, OWNER_ADDRESS)));
    }

    private ScrapCertificateView view(ScrapCertificate c) {
        return new ScrapCertificateView(
                c.certificateNumber,
                c.dismantlerCreditCode,
                c.county,
                c.vin,
                owner(c.ownerNameEncrypted, c.ownerIdEncrypted, c.ownerPhoneEncrypted, c.ownerAddressEncrypted),
                c.plate,
                c.firstRegistrationDate,
                c.handoverDate,
                c.powerType,
                c.vehicleType,
                c.vehicleUse,
                c.makeAndModel,
                c.kerbWeightKg,
                c.engineNumber,
                c.batteryPackCode,
                c.status,
                c.issuedAt,
                c.revision,
                c.correctedAt,
                c.deregisteredOn,
                c.voidReason,
                c.voidedAt);
    }

    private ScrapCertificateView.Version versionView(ScrapCertificateRevision r) {
        return new ScrapCertificateView.Version(
                r.revision,
                r.reason,
                r.recordedAt,
                r.county,
                r.vin,
                owner(r.ownerNameEncrypted, r.ownerIdEncrypted, r.ownerPhoneEncrypted, r.ownerAddressEncrypted),
                r.plate,
                r.firstRegistrationDate,
                r.handoverDate,
                r.powerType,
                r.vehicleType,
                r.vehicleUse,
                r.makeAndModel,
                r.kerbWeightKg,
                r.engineNumber,
                r.batteryPackCode);
    }
}
