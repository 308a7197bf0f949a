package cn.gov.lvliang.renewal.equipment.lists;

import cn.gov.lvliang.renewal.equipment.Labelled;

/**
 * One column of a list: its JSON key, its Chinese header (the spreadsheet's column title), the
 * database column it reads and writes, and how its text is parsed on import.
 *
 * @param sql the column of the list query's result; {@code null} for derived values
 * @param enumType the enumeration of an {@link Type#ENUM} column
 */
public record Column(String key, String header, String sql, Type type, Class<? extends Labelled> enumType) {

    /** How a cell is parsed and written. */
    public enum Type {
        TEXT,
        CREDIT_CODE,
        COUNTY,
        SECTOR,
        INTEGER,
        DECIMAL,
        DATE,
        /** 元 in the file (up to 2 decimals), fen in the database. */
        YUAN,
        /** 是 / 否. */
        BOOLEAN,
        ENUM,
        /** Computed on export (years in service, flags); ignored on import. */
        DERIVED
    }

    static Column of(String key, String header, String sql, Type type) {
        return new Column(key, header, sql, type, null);
    }

    static Column choice(String key, String header, String sql, Class<? extends Labelled> type) {
        return new Column(key, header, sql, Type.ENUM, type);
    }

    public boolean importable() {
        return type != Type.DERIVED;
    }

    /** The allowed values, for the template's explanation sheet. */
    public String allowedValues() {
        return switch (type) {
            case ENUM ->
                String.join(
                        "、",
                        java.util.Arrays.stream(enumType.getEnumConstants())
                                .map(Labelled::label)
                                .toList());
            case CREDIT_CODE -> "18位，校验码符合 GB 32100";
            case COUNTY -> "县级行政区划代码或名称，如 141181 / 孝义市";
            case SECTOR -> "重点领域名称或代码，如 焦化 / coking";
            case DATE -> "日期 yyyy-mm-dd";
            case YUAN -> "金额（元），最多两位小数";
            case BOOLEAN -> "是 / 否";
            case INTEGER -> "整数";
            case DECIMAL -> "数字";
            default -> "";
        };
    }
}
