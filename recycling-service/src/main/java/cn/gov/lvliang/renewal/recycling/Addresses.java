package cn.gov.lvliang.renewal.recycling;

/** Masking of a person's address for responses: the first six characters (city and district), then stars. */
public final class Addresses {

    private static final int KEPT = 6;

    private Addresses() {}

    /** {@code 吕梁市临县某街1号} → {@code 吕梁市临县某****}. */
    public static String mask(String address) {
        if (address == null) {
            return null;
        }
        int length = address.codePointCount(0, address.length());
        if (length <= KEPT) {
            return "*".repeat(length);
        }
        return address.substring(0, address.offsetByCodePoints(0, KEPT)) + "****";
    }
}
