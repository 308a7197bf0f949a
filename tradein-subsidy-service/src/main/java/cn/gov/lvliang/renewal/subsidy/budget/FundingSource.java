package cn.gov.lvliang.renewal.subsidy.budget;

/** 资金来源: who pays a share of a programme. The order is the order accounts are locked in. */
public enum FundingSource {
    /** 中央资金. */
    CENTRAL,
    /** 省级资金. */
    PROVINCIAL,
    /** 市级资金. */
    CITY,
    /** 县级资金. */
    COUNTY
}
