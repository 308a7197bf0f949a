package cn.gov.lvliang.renewal.platform.security;

import java.util.Set;

/**
 * The suite's role identifiers, as carried in the token's {@code groups} claim.
 *
 * <p>A role says what kind of actor the caller is; the token's scope claims ({@link Caller})
 * say which records it may touch. See README "Roles and scopes" and docs/security.md.
 */
public final class Roles {

    /** 市级管理员: runs the programme city-wide. */
    public static final String CITY_ADMIN = "city-admin";
    /** 市直部门: a lead department; scope claim {@code department}. */
    public static final String DEPARTMENT_OFFICER = "department-officer";
    /** 县级经办: a county officer; scope claim {@code county}. */
    public static final String COUNTY_OFFICER = "county-officer";
    /** 审核员: reviews claims within a county or city-wide. */
    public static final String REVIEWER = "reviewer";
    /** 审计: reads everything, writes nothing. */
    public static final String AUDITOR = "auditor";
    /** 统计局: consumes indicators and the statistics feed. */
    public static final String STATISTICS_BUREAU = "statistics-bureau";
    /** Another government system using client credentials. */
    public static final String SYSTEM_CLIENT = "system-client";

    // Enterprise roles; scope claim `enterprise` holds the enterprise's credit code.
    /** 报废机动车回收拆解企业. */
    public static final String DISMANTLER = "dismantler";
    /** 再生资源回收企业. */
    public static final String RECYCLER = "recycler";
    /** 汽车经销商. */
    public static final String DEALER = "dealer";
    /** 家电零售商. */
    public static final String RETAILER = "retailer";
    /** 二手车交易市场. */
    public static final String USED_CAR_MARKET = "used-car-market";
    /** 再制造企业. */
    public static final String REMANUFACTURER = "remanufacturer";
    /** 梯次利用企业. */
    public static final String CASCADE_USER = "cascade-user";

    public static final Set<String> ENTERPRISE_ROLES =
            Set.of(DISMANTLER, RECYCLER, DEALER, RETAILER, USED_CAR_MARKET, REMANUFACTURER, CASCADE_USER);

    public static final Set<String> ALL = Set.of(
            CITY_ADMIN,
            DEPARTMENT_OFFICER,
            COUNTY_OFFICER,
            REVIEWER,
            AUDITOR,
            STATISTICS_BUREAU,
            SYSTEM_CLIENT,
            DISMANTLER,
            RECYCLER,
            DEALER,
            RETAILER,
            USED_CAR_MARKET,
            REMANUFACTURER,
            CASCADE_USER);

    private Roles() {}
}
