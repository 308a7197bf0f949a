package cn.gov.lvliang.renewal.subsidy.notices;

/** How a notification travels: SMS to the applicant, email to the filing enterprise. */
public enum Channel {
    SMS,
    EMAIL
}
