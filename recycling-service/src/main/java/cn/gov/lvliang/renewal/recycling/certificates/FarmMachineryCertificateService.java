package cn.gov.lvliang.renewal.recycling.certificates;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.pii.Masking;
import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.recycling.Pages;
import cn.gov.lvliang.renewal.recycling.Scope;
import cn.gov.lvliang.renewal.recycling.enterprises.EnterpriseService;
import cn.gov.lvliang.renewal.recycling.enterprises.EnterpriseType;
import cn.gov.lvliang.renewal.recycling.messaging.CertificateVoided;
import cn.gov.lvliang.renewal.recycling.messaging.FarmMachineryScrapped;
import cn.gov.lvliang.renewal.recycling.messaging.RecyclingEvents;
import cn.gov.lvliang.renewal.recycling.organisation.Area;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Use cases of farm-machinery scrap certificates (农机报废回收证明): issue, correct (new version),
 * void, read. Only a farm-machinery dismantler with a qualification valid today issues and corrects.
 */
@ApplicationScoped
public class FarmMachineryCertificateService
        implements CertificateBook<
                FarmMachineryCertificateView, FarmMachineryCertificateView.Version, CorrectFarmMachineryCertificate> {

    static final String OWNER_NAME = "farm_machinery_certificate.owner_name";
    static final String OWNER_ID = "farm_machinery_certificate.owner_id";
    /** The unique constraint on {@code farm_machinery_certificate.certificate_number} (V8). */
    private static final String NUMBER_UNIQUE = "farm_machinery_certificate_number_unique";

    private final PiiProtection pii;
    private final Outbox outbox;
    private final EnterpriseService enterprises;
    private final Clock clock;

    public FarmMachineryCertificateService(
            PiiProtection pii, Outbox outbox, EnterpriseService enterprises, Clock clock) {
        this.pii = pii;
        this.outbox = outbox;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    /**
     * Issues a certificate and announces it with {@code farm-machinery.scrapped}, in one transaction.
     *
     * @throws cn.gov.lvliang.renewal.platform.problem.ProblemException 403 when the caller is not the
     *     dismantler named or holds no valid farm-machinery dismantler qualification today, 409 when
     *     the number exists, 400 for a future date or an owner that is neither person nor organisation
     */
    @Transactional
    public FarmMachineryCertificateView issue(IssueFarmMachineryCertificate request, Caller caller) {
        authorise(caller, request.dismantlerCreditCode(), request.content(), "content.");
        FarmMachineryCertificate certificate = new FarmMachineryCertificate();
        certificate.issue(request.certificateNumber(), request.dismantlerCreditCode(), caller.subject(), clock);
        write(certificate, request.content());
        Certificates.insertUnlessNumberExists(certificate, NUMBER_UNIQUE);
        return keep(certificate, request.content(), "issued", caller, RecyclingEvents.FARM_MACHINERY_SCRAPPED);
    }

    /**
     * Corrects a certificate: the content becomes a new version; earlier versions stay as they were.
     * Only the issuing dismantler, still qualified, corrects. Announced as {@code
     * farm-machinery-certificate.corrected}.
     */
    @Transactional
    @Override
    public FarmMachineryCertificateView correct(String number, CorrectFarmMachineryCertificate request, Caller caller) {
        FarmMachineryCertificate certificate = existing(number, caller);
        authorise(caller, certificate.dismantlerCreditCode, request.corrected(), "corrected.");
        certificate.beginCorrection(request.version(), clock);
        write(certificate, request.corrected());
        certificate.persistAndFlush();
        String reason = request.reason().strip();
        return keep(
                certificate, request.corrected(), reason, caller, RecyclingEvents.FARM_MACHINERY_CERTIFICATE_CORRECTED);
    }

    /** Voids a certificate for a stated reason; announced as {@code farm-machinery-certificate.voided}. */
    @Transactional
    @Override
    public FarmMachineryCertificateView voidCertificate(String number, VoidScrapCertificate request, Caller caller) {
        FarmMachineryCertificate certificate = existing(number, caller);
        certificate.voidFor(request.reason().strip(), caller.subject(), clock);
        certificate.persistAndFlush();
        outbox.publish(
                RecyclingEvents.TOPIC,
                certificate.certificateNumber,
                RecyclingEvents.FARM_MACHINERY_CERTIFICATE_VOIDED,
                new CertificateVoided(certificate.certificateNumber, certificate.voidReason, certificate.voidedAt));
        return view(certificate);
    }

    @Override
    public Optional<FarmMachineryCertificateView> find(String number, Caller caller) {
        return scoped(number, caller).map(this::view);
    }

    /** Every version of a certificate, oldest first. */
    @Override
    public Optional<List<FarmMachineryCertificateView.Version>> versions(String number, Caller caller) {
        return scoped(number, caller)
                .map(c ->
                        FarmMachineryCertificateRevision.<FarmMachineryCertificateRevision>find(
                                        "certificateId", Sort.by("revision"), c.id)
                                .list()
                                .stream()
                                .map(r -> new FarmMachineryCertificateView.Version(
                                        r.revision, r.reason, r.recordedAt, details(r.county, r.details)))
                                .toList());
    }

    public Page<FarmMachineryCertificateView> list(
            String county,
            MachineType machineType,
            String factoryNumber,
            IssuedCertificate.Status status,
            int page,
            int size,
            Caller caller) {
        Scope.Query query = Certificates.scope(caller, Area.FARM_MACHINERY_CERTIFICATES)
                .query()
                .eq("county", county)
                .eq("details.machineType", machineType)
                .eq("details.factoryNumber", factoryNumber)
                .eq("status", status);
        return Pages.of(
                FarmMachineryCertificate.<FarmMachineryCertificate>find(
                        query.where(), Sort.by("id"), query.parameters()),
                page,
                size,
                this::view);
    }

    private static FarmMachineryCertificate existing(String number, Caller caller) {
        return scoped(number, caller)
                .orElseThrow(() -> Problems.notFound("resource.farm-machinery-certificate", number));
    }

    private static Optional<FarmMachineryCertificate> scoped(String number, Caller caller) {
        Scope.Query query = Certificates.scope(caller, Area.FARM_MACHINERY_CERTIFICATES)
                .query()
                .eq("certificateNumber", number);
        return FarmMachineryCertificate.<FarmMachineryCertificate>find(query.where(), query.parameters())
                .firstResultOptional();
    }

    /**
     * Only the dismantler named, a farm-machinery dismantler qualified today, writes; then the content's
     * own rules (a past handover date, a person or an organisation as owner).
     *
     * @param prefix where the content sits in the request body, for the field names of errors
     */
    private void authorise(Caller caller, String dismantler, FarmMachineryContent content, String prefix) {
        Certificates.requireIssuer(caller, dismantler);
        enterprises.requireQualified(caller, EnterpriseType.FARM_MACHINERY_DISMANTLER);
        Certificates.notInFuture(content.handoverDate(), prefix + "handoverDate", clock);
        content.owner().check(prefix + "owner.");
    }

    /** Keeps the stored certificate's content as its current version and announces it as {@code type}. */
    private FarmMachineryCertificateView keep(
            FarmMachineryCertificate c, FarmMachineryContent content, String reason, Caller caller, String type) {
        Instant at = c.revision == 1 ? c.issuedAt : c.correctedAt;
        FarmMachineryCertificateRevision.snapshot(c, reason, at, caller.subject())
                .persist();
        announce(c, content, type);
        return view(c);
    }

    private void write(FarmMachineryCertificate c, FarmMachineryContent content) {
        FarmMachineryOwner owner = content.owner();
        FarmMachineryDetails d = new FarmMachineryDetails();
        d.machineType = content.machineType();
        d.powerKw = content.powerKw();
        d.factoryNumber = content.factoryNumber();
        d.engineNumber = content.engineNumber();
        d.makeAndModel = content.makeAndModel().strip();
        d.handoverDate = content.handoverDate();
        d.ownerKind = owner.kind();
        d.ownerNameEncrypted = pii.encrypt(owner.name().strip(), OWNER_NAME);
        if (owner.kind() == OwnerKind.PERSON) {
            d.ownerIdEncrypted = pii.encrypt(owner.idNumber(), OWNER_ID);
            d.ownerIdHash = pii.hash(owner.idNumber());
        } else {
            d.ownerCreditCode = owner.creditCode();
        }
        c.county = content.county();
        c.details = d;
    }

    private void announce(FarmMachineryCertificate c, FarmMachineryContent content, String type) {
        FarmMachineryDetails d = c.details;
        FarmMachineryOwner owner = content.owner();
        FarmMachineryScrapped data = new FarmMachineryScrapped(
                c.certificateNumber,
                c.dismantlerCreditCode,
                c.county,
                RecyclingEvents.code(d.machineType),
                d.powerKw,
                d.factoryNumber,
                d.engineNumber,
                d.makeAndModel,
                d.handoverDate,
                new FarmMachineryScrapped.Owner(
                        RecyclingEvents.code(d.ownerKind),
                        d.ownerIdHash,
                        owner.idNumber() == null ? null : Masking.idNumber(owner.idNumber()),
                        d.ownerCreditCode,
                        Masking.name(owner.name().strip())),
                c.revision);
        outbox.publish(RecyclingEvents.TOPIC, c.certificateNumber, type, data);
    }

    private FarmMachineryCertificateView.Details details(String county, FarmMachineryDetails d) {
        return new FarmMachineryCertificateView.Details(
                county,
                d.machineType,
                d.powerKw,
                d.factoryNumber,
                d.engineNumber,
                d.makeAndModel,
                d.handoverDate,
                new FarmMachineryCertificateView.Owner(
                        d.ownerKind,
                        Masking.name(pii.decrypt(d.ownerNameEncrypted, OWNER_NAME)),
                        d.ownerIdEncrypted == null ? null : Masking.idNumber(pii.decrypt(d.ownerIdEncrypted, OWNER_ID)),
                        d.ownerCreditCode));
    }

    private FarmMachineryCertificateView view(FarmMachineryCertificate c) {
        return new FarmMachineryCertificateView(
                c.certificateNumber,
                c.dismantlerCreditCode,
                c.status,
                c.revision,
                details(c.county, c.details),
                c.issuedAt,
                c.correctedAt,
                c.voidReason,
                c.voidedAt);
    }
}
