package cn.gov.lvliang.renewal.recycling.disposals;

import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.recycling.Pages;
import cn.gov.lvliang.renewal.recycling.Scope;
import cn.gov.lvliang.renewal.recycling.enterprises.Enterprise;
import cn.gov.lvliang.renewal.recycling.organisation.Area;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Use cases of disposal records (flow 3: equipment retirement). */
@ApplicationScoped
public class DisposalService {

    private final Clock clock;

    public DisposalService(Clock clock) {
        this.clock = clock;
    }

    /** Closes a record with its outcome; the handling enterprise must be registered. */
    @Transactional
    public DisposalView close(long id, CloseDisposal request, Caller caller) {
        DisposalRecord r = scoped(id, caller).orElseThrow(() -> Problems.notFound("resource.disposal", id));
        if (Enterprise.count("creditCode", request.handlerCreditCode()) == 0) {
            throw Problems.invalidField("handlerCreditCode", request.handlerCreditCode(), "field.enterprise-unknown");
        }
        r.close(
                request.outcome(),
                request.handlerCreditCode(),
                request.closedOn(),
                request.materials(),
                caller.subject(),
                clock);
        r.persistAndFlush();
        return DisposalView.of(r);
    }

    public Optional<DisposalView> find(long id, Caller caller) {
        return scoped(id, caller).map(DisposalView::of);
    }

    public Page<DisposalView> list(
            String county, DisposalRecord.Status status, String equipmentId, int page, int size, Caller caller) {
        Scope.Query query =
                scope(caller).query().eq("county", county).eq("status", status).eq("equipmentId", equipmentId);
        return Pages.of(
                DisposalRecord.<DisposalRecord>find(query.where(), Sort.by("id"), query.parameters()),
                page,
                size,
                DisposalView::of);
    }

    private static Scope scope(Caller caller) {
        return Scope.of(caller, Area.DISPOSALS, "county", "handlerCreditCode");
    }

    private static Optional<DisposalRecord> scoped(long id, Caller caller) {
        Scope.Query query = scope(caller).query().eq("id", id);
        return DisposalRecord.<DisposalRecord>find(query.where(), query.parameters())
                .firstResultOptional();
    }
}
