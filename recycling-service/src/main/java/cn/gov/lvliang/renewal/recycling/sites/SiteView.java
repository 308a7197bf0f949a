package cn.gov.lvliang.renewal.recycling.sites;

import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A collection site. */
@Schema(name = "CollectionSite", description = "回收网点 / collection site")
public record SiteView(
        long id,
        String name,
        SiteLevel level,
        String operatorCreditCode,
        String county,
        String address,
        BigDecimal latitude,
        BigDecimal longitude,
        long dailyCapacityKg,
        SiteStatus status,
        Long parentSiteId,
        Instant createdAt,
        int version) {

    static SiteView of(CollectionSite s) {
        return new SiteView(
                s.id,
                s.name,
                s.level,
                s.operatorCreditCode,
                s.county,
                s.address,
                s.latitude,
                s.longitude,
                s.dailyCapacityKg,
                s.status,
                s.parentSiteId,
                s.createdAt,
                s.version);
    }
}
