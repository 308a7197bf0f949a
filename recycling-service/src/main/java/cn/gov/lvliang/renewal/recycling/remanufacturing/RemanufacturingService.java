package cn.gov.lvliang.renewal.recycling.remanufacturing;

import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.recycling.Pages;
import cn.gov.lvliang.renewal.recycling.Scope;
import cn.gov.lvliang.renewal.recycling.enterprises.Enterprise;
import cn.gov.lvliang.renewal.recycling.enterprises.EnterpriseService;
import cn.gov.lvliang.renewal.recycling.enterprises.EnterpriseType;
import cn.gov.lvliang.renewal.recycling.organisation.Area;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Use cases of remanufacturing records (task 49). */
@ApplicationScoped
public class RemanufacturingService {

    private final EnterpriseService enterprises;
    private final Clock clock;

    public RemanufacturingService(EnterpriseService enterprises, Clock clock) {
        this.enterprises = enterprises;
        this.clock = clock;
    }

    /** A qualified remanufacturer records a certified product. */
    @Transactional
    public RemanufacturingView record(RecordRemanufacturing request, Caller caller) {
        Enterprise remanufacturer = enterprises.requireQualified(caller, EnterpriseType.REMANUFACTURER);
        if (request.certifiedOn().isAfter(LocalDate.now(clock))) {
            throw Problems.invalidField("certifiedOn", request.certifiedOn(), "field.date-in-future");
        }
        RemanufacturingRecord r = new RemanufacturingRecord();
        r.recordId = UUID.randomUUID().toString();
        r.enterpriseCreditCode = remanufacturer.creditCode;
        r.county = remanufacturer.county;
        r.sourceEquipment = request.sourceEquipment().strip();
        r.sourceEquipmentId = request.sourceEquipmentId();
        r.product = request.product().strip();
        r.productSerial = request.productSerial().strip();
        r.certificationNumber = request.certificationNumber().strip();
        r.certificationBody = request.certificationBody().strip();
        r.certifiedOn = request.certifiedOn();
        r.materials = request.materials();
        r.recordedAt = Instant.now(clock);
        r.recordedBy = caller.subject();
        r.persistAndFlush();
        return RemanufacturingView.of(r);
    }

    public Optional<RemanufacturingView> find(String recordId, Caller caller) {
        Scope.Query query = Scope.of(caller, Area.REMANUFACTURING, "county", "enterpriseCreditCode")
                .query()
                .eq("recordId", recordId);
        return RemanufacturingRecord.<RemanufacturingRecord>find(query.where(), query.parameters())
                .firstResultOptional()
                .map(RemanufacturingView::of);
    }

    public Page<RemanufacturingView> list(String county, int page, int size, Caller caller) {
        Scope.Query query = Scope.of(caller, Area.REMANUFACTURING, "county", "enterpriseCreditCode")
                .query()
                .eq("county", county);
        return Pages.of(
                RemanufacturingRecord.<RemanufacturingRecord>find(query.where(), Sort.by("id"), query.parameters()),
                page,
                size,
                RemanufacturingView::of);
    }
}
