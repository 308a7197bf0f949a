package cn.gov.lvliang.renewal.recycling.datawipes;

import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.pii.Masking;
import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.recycling.Pages;
import cn.gov.lvliang.renewal.recycling.Scope;
import cn.gov.lvliang.renewal.recycling.enterprises.Enterprise;
import cn.gov.lvliang.renewal.recycling.enterprises.EnterpriseService;
import cn.gov.lvliang.renewal.recycling.organisation.Area;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Use cases of data-wipe certificates for second-hand electronics (task 46). */
@ApplicationScoped
public class DataWipeService {

    static final String OPERATOR = "data_wipe_certificate.operator_name";

    private final EnterpriseService enterprises;
    private final PiiProtection pii;
    private final Clock clock;

    public DataWipeService(EnterpriseService enterprises, PiiProtection pii, Clock clock) {
        this.enterprises = enterprises;
        this.pii = pii;
        this.clock = clock;
    }

    @Transactional
    public DataWipeCertificateView issue(IssueDataWipeCertificate request, Caller caller) {
        Enterprise enterprise = enterprises.requireLicensed(caller);
        if (request.wipedAt().isAfter(Instant.now(clock))) {
            throw Problems.invalidField("wipedAt", request.wipedAt().toString(), "field.time-in-future");
        }
        DataWipeCertificate c = new DataWipeCertificate();
        c.certificateId = UUID.randomUUID().toString();
        c.enterpriseCreditCode = enterprise.creditCode;
        c.county = enterprise.county;
        c.deviceType = request.deviceType();
        c.deviceId = request.deviceId();
        c.method = request.method();
        c.operatorNameEncrypted = pii.encrypt(request.operatorName().strip(), OPERATOR);
        c.wipedAt = request.wipedAt();
        c.verificationResult = request.verificationResult();
        c.verificationNote = request.verificationNote();
        c.recordedAt = Instant.now(clock);
        c.recordedBy = caller.subject();
        c.persistAndFlush();
        return view(c);
    }

    public Optional<DataWipeCertificateView> find(String certificateId, Caller caller) {
        Scope.Query query = Scope.of(caller, Area.DATA_WIPES, "county", "enterpriseCreditCode")
                .query()
                .eq("certificateId", certificateId);
        return DataWipeCertificate.<DataWipeCertificate>find(query.where(), query.parameters())
                .firstResultOptional()
                .map(this::view);
    }

    public Page<DataWipeCertificateView> list(
            String deviceId, DataWipeCertificate.Verification result, int page, int size, Caller caller) {
        Scope.Query query = Scope.of(caller, Area.DATA_WIPES, "county", "enterpriseCreditCode")
                .query()
                .eq("deviceId", deviceId)
                .eq("verificationResult", result);
        return Pages.of(
                DataWipeCertificate.<DataWipeCertificate>find(query.where(), Sort.by("id"), query.parameters()),
                page,
                size,
                this::view);
    }

    private DataWipeCertificateView view(DataWipeCertificate c) {
        return new DataWipeCertificateView(
                c.certificateId,
                c.enterpriseCreditCode,
                c.county,
                c.deviceType,
                c.deviceId,
                c.method,
                Masking.name(pii.decrypt(c.operatorNameEncrypted, OPERATOR)),
                c.wipedAt,
                c.verificationResult,
                c.verificationNote,
                c.recordedAt);
    }
}
