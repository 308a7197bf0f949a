package cn.gov.lvliang.renewal.recycling.sites;

import java.util.Optional;

/** The three levels of the collection network (回收网络): each level delivers to the next. */
public enum SiteLevel {
    /** 交投点: where households and institutions hand things in. */
    COLLECTION_POINT,
    /** 中转站: gathers from collection points. */
    TRANSFER_STATION,
    /** 分拣中心: sorts what the transfer stations bring; the top level. */
    SORTING_CENTRE;

    /** The level a site of this level links to, or empty for the top level. */
    public Optional<SiteLevel> parentLevel() {
        return switch (this) {
            case COLLECTION_POINT -> Optional.of(TRANSFER_STATION);
            case TRANSFER_STATION -> Optional.of(SORTING_CENTRE);
            case SORTING_CENTRE -> Optional.empty();
        };
    }
}
