package cn.gov.lvliang.renewal.recycling.publication;

import cn.gov.lvliang.renewal.platform.identifiers.AreaCode;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.recycling.Pages;
import cn.gov.lvliang.renewal.recycling.Scope;
import cn.gov.lvliang.renewal.recycling.enterprises.Enterprise;
import cn.gov.lvliang.renewal.recycling.enterprises.EnterpriseService;
import cn.gov.lvliang.renewal.recycling.enterprises.EnterpriseType;
import cn.gov.lvliang.renewal.recycling.enterprises.LicenceStatus;
import cn.gov.lvliang.renewal.recycling.sites.CollectionSite;
import cn.gov.lvliang.renewal.recycling.sites.SiteLevel;
import cn.gov.lvliang.renewal.recycling.sites.SiteStatus;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads for the public listings; they select published fields only. */
@ApplicationScoped
public class PublicListings {

    private static final Scope EVERYTHING = new Scope("1 = 1", Map.of());

    private final Clock clock;

    public PublicListings(Clock clock) {
        this.clock = clock;
    }

    public Page<PublicEnterpriseView> enterprises(
            EnterpriseType type, String county, LicenceStatus licenceStatus, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        Scope.Query query = EVERYTHING.query().eq("type", type).eq("county", county);
        if (licenceStatus != null) {
            EnterpriseService.statusFilter(query, licenceStatus, today);
        }
        Page<Enterprise> found = Pages.of(
                Enterprise.<Enterprise>find(
                        query.where(), Sort.by("county").and("name").and("creditCode"), query.parameters()),
                page,
                size,
                Function.identity());
        List<String> codes = found.items().stream().map(e -> e.creditCode).toList();
        Map<String, List<PublicSiteView>> sites = codes.isEmpty()
                ? Map.of()
                : CollectionSite.<CollectionSite>find(
                                "operatorCreditCode in ?1 and status <> ?2", Sort.by("id"), codes, SiteStatus.CLOSED)
                        .list()
                        .stream()
                        .collect(Collectors.groupingBy(
                                s -> s.operatorCreditCode,
                                Collectors.mapping(PublicListings::site, Collectors.toList())));
        return new Page<>(
                found.items().stream()
                        .map(e -> new PublicEnterpriseView(
                                e.creditCode,
                                e.name,
                                e.type,
                                e.county,
                                AreaCode.countyName(e.county).orElse(null),
                                e.licenceNumber,
                                e.licenceScope,
                                e.licenceValidFrom,
                                e.licenceValidTo,
                                e.licenceStatusOn(today),
                                sites.getOrDefault(e.creditCode, List.of())))
                        .toList(),
                found.total(),
                page,
                size);
    }

    public Page<PublicSiteView> sites(String county, SiteLevel level, int page, int size) {
        Scope.Query query = EVERYTHING
                .query()
                .where("status <> :p", SiteStatus.CLOSED)
                .eq("county", county)
                .eq("level", level);
        return Pages.of(
                CollectionSite.<CollectionSite>find(
                        query.where(), Sort.by("county").and("level").and("id"), query.parameters()),
                page,
                size,
                PublicListings::site);
    }

    private static PublicSiteView site(CollectionSite s) {
        return new PublicSiteView(
                s.id,
                s.name,
                s.level.name(),
                s.county,
                s.address,
                s.latitude,
                s.longitude,
                s.dailyCapacityKg,
                s.status.name(),
                s.operatorCreditCode,
                s.parentSiteId);
    }
}
