package cn.gov.lvliang.renewal.recycling.appliances;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.recycling.Pages;
import cn.gov.lvliang.renewal.recycling.Scope;
import cn.gov.lvliang.renewal.recycling.enterprises.Enterprise;
import cn.gov.lvliang.renewal.recycling.enterprises.EnterpriseService;
import cn.gov.lvliang.renewal.recycling.messaging.ApplianceRecycled;
import cn.gov.lvliang.renewal.recycling.messaging.RecyclingEvents;
import cn.gov.lvliang.renewal.recycling.organisation.Area;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Use cases of appliance and office-equipment recycling (tasks 41-43). */
@ApplicationScoped
public class ApplianceRecordService {

    private final EnterpriseService enterprises;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;

    public ApplianceRecordService(EnterpriseService enterprises, Outbox outbox, EntityManager em, Clock clock) {
        this.enterprises = enterprises;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    /** Records recycled items and announces them as {@code appliance.recycled}. */
    @Transactional
    public ApplianceRecordView record(RecordApplianceRecycling request, Caller caller) {
        Enterprise recycler = enterprises.requireLicensed(caller);
        if (request.recordedOn().isAfter(LocalDate.now(clock))) {
            throw Problems.invalidField("recordedOn", request.recordedOn(), "field.date-in-future");
        }
        if (request.claimId() != null && request.source() != RecyclingSource.TRADE_IN_COLLECTION) {
            throw Problems.invalidField("claimId", request.claimId(), "field.claim-only-for-trade-in");
        }
        if (request.source() == RecyclingSource.PUBLIC_INSTITUTION && request.institutionCreditCode() == null) {
            throw Problems.invalidField("institutionCreditCode", null, "field.required");
        }
        if (request.materials().totalKg().compareTo(request.weightKg()) > 0) {
            throw Problems.invalidField(
                    "materials",
                    null,
                    "field.materials-exceed-weight",
                    request.materials().totalKg().toPlainString());
        }
        if (request.siteId() != null
                && em.createQuery(
                                        "select count(s) from CollectionSite s where s.id = :id and s.operatorCreditCode = :op",
                                        Long.class)
                                .setParameter("id", request.siteId())
                                .setParameter("op", recycler.creditCode)
                                .getSingleResult()
                        == 0) {
            throw Problems.invalidField("siteId", request.siteId(), "field.site-unknown");
        }
        ApplianceRecord r = new ApplianceRecord();
        r.recordId = UUID.randomUUID().toString();
        r.enterpriseCreditCode = recycler.creditCode;
        r.county = recycler.county;
        r.category = request.category();
        r.count = request.count();
        r.weightKg = request.weightKg();
        r.source = request.source();
        r.claimId = request.claimId();
        r.institutionCreditCode = request.institutionCreditCode();
        r.siteId = request.siteId();
        r.recordedOn = request.recordedOn();
        r.materials = request.materials();
        r.recordedAt = Instant.now(clock);
        r.recordedBy = caller.subject();
        r.persistAndFlush();
        outbox.publish(
                RecyclingEvents.TOPIC,
                r.recordId,
                RecyclingEvents.APPLIANCE_RECYCLED,
                new ApplianceRecycled(
                        r.recordId,
                        r.county,
                        RecyclingEvents.code(r.category),
                        r.count,
                        r.weightKg,
                        RecyclingEvents.code(r.source),
                        r.claimId,
                        r.recordedOn,
                        r.materials));
        return ApplianceRecordView.of(r);
    }

    public Optional<ApplianceRecordView> find(String recordId, Caller caller) {
        Scope.Query query = Scope.of(caller, Area.APPLIANCE_RECORDS, "county", "enterpriseCreditCode")
                .query()
                .eq("recordId", recordId);
        return ApplianceRecord.<ApplianceRecord>find(query.where(), query.parameters())
                .firstResultOptional()
                .map(ApplianceRecordView::of);
    }

    public Page<ApplianceRecordView> list(
            String county,
            ApplianceCategory category,
            RecyclingSource source,
            String claimId,
            int page,
            int size,
            Caller caller) {
        Scope.Query query = Scope.of(caller, Area.APPLIANCE_RECORDS, "county", "enterpriseCreditCode")
                .query()
                .eq("county", county)
                .eq("category", category)
                .eq("source", source)
                .eq("claimId", claimId);
        return Pages.of(
                ApplianceRecord.<ApplianceRecord>find(query.where(), Sort.by("id"), query.parameters()),
                page,
                size,
                ApplianceRecordView::of);
    }
}
