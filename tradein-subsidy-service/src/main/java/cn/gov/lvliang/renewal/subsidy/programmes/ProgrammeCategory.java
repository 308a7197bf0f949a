package cn.gov.lvliang.renewal.subsidy.programmes;

/** What a programme (补贴项目) subsidises. */
public enum ProgrammeCategory {
    /** 汽车报废更新. */
    CAR_SCRAPPAGE,
    /** 汽车置换更新. */
    CAR_REPLACEMENT,
    /** 家电以旧换新. */
    HOME_APPLIANCE,
    /** 数码产品购新. */
    DIGITAL_PRODUCT,
    /** 家装厨卫“焕新”. */
    HOME_RENOVATION,
    /** 适老化改造. */
    ELDERLY_RETROFIT,
    /** 农机报废更新. */
    FARM_MACHINERY_SCRAPPAGE,
    /** 老旧营运柴油货车淘汰. */
    OLD_DIESEL_TRUCK;

    public boolean isCar() {
        return this == CAR_SCRAPPAGE || this == CAR_REPLACEMENT;
    }

    /** A claim of a list of items from the rule version's catalogue (decision 0040). */
    public boolean hasItemList() {
        return this == HOME_RENOVATION || this == ELDERLY_RETROFIT;
    }

    public boolean isProduct() {
        return this == HOME_APPLIANCE || this == DIGITAL_PRODUCT;
    }
}
