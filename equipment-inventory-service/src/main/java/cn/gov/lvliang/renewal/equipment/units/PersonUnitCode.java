package cn.gov.lvliang.renewal.equipment.units;

import java.util.regex.Pattern;

/**
 * The unit code (单位编码) the service assigns to a natural person's unit, in place of a credit code:
 * {@code ZR} (自然人), the county's six digits and a ten-digit serial, 18 characters like a credit
 * code, so that equipment records and lists refer to both alike. It is never a valid credit code:
 * GB 32100's alphabet has no {@code Z}. It carries nothing of the person's ID number.
 */
public final class PersonUnitCode {

    private static final Pattern FORMAT = Pattern.compile("ZR[0-9]{6}[0-9]{10}");

    private PersonUnitCode() {}

    /** The code of the {@code serial}-th person unit, registered in {@code county}. */
    public static String of(String county, long serial) {
        if (serial < 1 || serial > 9_999_999_999L) {
            throw new IllegalArgumentException("serial out of range: " + serial);
        }
        return "ZR" + county + String.format(java.util.Locale.ROOT, "%010d", serial);
    }

    /** Whether {@code code} has the form of a person unit's code. */
    public static boolean isPersonUnitCode(String code) {
        return code != null && FORMAT.matcher(code).matches();
    }
}
