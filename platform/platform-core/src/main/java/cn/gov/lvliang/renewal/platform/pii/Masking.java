package cn.gov.lvliang.renewal.platform.pii;

/** How personal data is shown in API responses. */
public final class Masking {

    private Masking() {}

    /** {@code 141102199001011234} → {@code 1411**********1234}. */
    public static String idNumber(String id) {
        return keep(id, 4, 4);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String phone(String phone) {
        return keep(phone, 3, 4);
    }

    /** {@code 张三} → {@code 张*}; {@code 欧阳娜娜} → {@code 欧***}. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        int rest = name.codePointCount(first, name.length());
        return name.substring(0, first) + "*".repeat(Math.max(rest, 1));
    }

    private static String keep(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head)
                + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
