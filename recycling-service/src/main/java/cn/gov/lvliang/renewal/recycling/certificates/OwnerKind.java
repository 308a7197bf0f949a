package cn.gov.lvliang.renewal.recycling.certificates;

/** 所有人类型: a natural person (农户/个人) or an organisation (合作社、家庭农场、企业). */
public enum OwnerKind {
    /** 自然人: name and resident ID number (GB 11643). */
    PERSON,
    /** 组织: unified social credit code (GB 32100) and name. */
    ORGANISATION
}
