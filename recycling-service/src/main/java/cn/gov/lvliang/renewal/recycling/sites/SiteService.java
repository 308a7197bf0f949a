package cn.gov.lvliang.renewal.recycling.sites;

import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.Pages;
import cn.gov.lvliang.renewal.recycling.Scope;
import cn.gov.lvliang.renewal.recycling.enterprises.Enterprise;
import cn.gov.lvliang.renewal.recycling.organisation.Area;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Use cases of the collection network. */
@ApplicationScoped
public class SiteService {

    private final Clock clock;

    public SiteService(Clock clock) {
        this.clock = clock;
    }

    /**
     * Registers a site. A collection point must link to a transfer station, a transfer station to
     * a sorting centre; a sorting centre links to nothing. A county officer registers sites of its
     * own county only.
     */
    @Transactional
    public SiteView register(RegisterSite request, Caller caller) {
        requireCountyWritable(request.county(), caller);
        if (Enterprise.count("creditCode", request.operatorCreditCode()) == 0) {
            throw Problems.invalidField("operatorCreditCode", request.operatorCreditCode(), "field.enterprise-unknown");
        }
        Optional<SiteLevel> parentLevel = request.level().parentLevel();
        if (parentLevel.isEmpty() && request.parentSiteId() != null) {
            throw Problems.invalidField("parentSiteId", request.parentSiteId(), "field.parent-not-allowed");
        }
        if (parentLevel.isPresent()) {
            if (request.parentSiteId() == null) {
                throw Problems.invalidField(
                        "parentSiteId",
                        null,
                        "field.parent-required",
                        parentLevel.get().name());
            }
            CollectionSite parent = CollectionSite.findById(request.parentSiteId());
            if (parent == null) {
                throw Problems.invalidField("parentSiteId", request.parentSiteId(), "field.parent-unknown");
            }
            if (parent.level != parentLevel.get()) {
                throw Problems.invalidField(
                        "parentSiteId",
                        request.parentSiteId(),
                        "field.parent-wrong-level",
                        parentLevel.get().name(),
                        parent.level.name());
            }
        }
        CollectionSite site = new CollectionSite();
        site.name = request.name().strip();
        site.level = request.level();
        site.operatorCreditCode = request.operatorCreditCode();
        site.county = request.county();
        site.address = request.address().strip();
        site.latitude = request.latitude();
        site.longitude = request.longitude();
        site.dailyCapacityKg = request.dailyCapacityKg();
        site.status = SiteStatus.OPERATING;
        site.parentSiteId = request.parentSiteId();
        site.createdAt = Instant.now(clock);
        site.createdBy = caller.subject();
        site.updatedAt = site.createdAt;
        site.persistAndFlush();
        return SiteView.of(site);
    }

    @Transactional
    public SiteView changeStatus(long id, ChangeSiteStatus request, Caller caller) {
        CollectionSite site = scoped(id, caller).orElseThrow(() -> Problems.notFound("resource.site", id));
        requireCountyWritable(site.county, caller);
        if (site.version != request.version()) {
            throw Problems.conflict("stale-version", "detail.stale-version");
        }
        site.changeStatus(request.status(), clock);
        site.persistAndFlush();
        return SiteView.of(site);
    }

    public Optional<SiteView> find(long id, Caller caller) {
        return scoped(id, caller).map(SiteView::of);
    }

    public Page<SiteView> list(String county, SiteLevel level, SiteStatus status, int page, int size, Caller caller) {
        Scope.Query query = Scope.of(caller, Area.SITES, "county", "operatorCreditCode")
                .query()
                .eq("county", county)
                .eq("level", level)
                .eq("status", status);
        return Pages.of(
                CollectionSite.<CollectionSite>find(query.where(), Sort.by("id"), query.parameters()),
                page,
                size,
                SiteView::of);
    }

    private static Optional<CollectionSite> scoped(long id, Caller caller) {
        Scope.Query query = Scope.of(caller, Area.SITES, "county", "operatorCreditCode")
                .query()
                .eq("id", id);
        return CollectionSite.<CollectionSite>find(query.where(), query.parameters())
                .firstResultOptional();
    }

    private static void requireCountyWritable(String county, Caller caller) {
        if (!caller.hasAnyRole(java.util.Set.of(Roles.CITY_ADMIN, Roles.DEPARTMENT_OFFICER))
                && !caller.county().map(county::equals).orElse(false)) {
            throw Problems.forbidden("not-your-county", "detail.not-your-county", county);
        }
    }
}
