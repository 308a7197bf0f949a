package cn.gov.lvliang.renewal.recycling.enterprises;

/** 资质登记状态: what the authority recorded; expiry is derived from the dates ({@link LicenceStatus}). */
public enum QualificationStatus {
    /** 有效. */
    VALID,
    /** 暂停. */
    SUSPENDED,
    /** 吊销. */
    REVOKED
}
