package cn.gov.lvliang.renewal.recycling.sites;

/** 网点状态. */
public enum SiteStatus {
    /** 运营中. */
    OPERATING,
    /** 暂停. */
    SUSPENDED,
    /** 关闭: no longer published. */
    CLOSED
}
