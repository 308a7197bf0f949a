package cn.gov.lvliang.renewal.platform.identifiers;

/**
 * Vehicle identification number (车辆识别代号), GB 16735.
 *
 * <p>17 characters from digits and capital letters except I, O and Q. Position 9 is the check
 * digit: the transliterated values times the weights 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2, summed,
 * modulo 11, where 10 is written {@code X}.
 */
public final class Vin {

    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    private Vin() {}

    public static boolean isValid(String vin) {
        if (vin == null || vin.length() != 17) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (value(vin.charAt(i)) < 0) {
                return false;
            }
        }
        return checkDigit(vin) == vin.charAt(8);
    }

    /** The check digit for a 17-character VIN; position 9 of the input is ignored. */
    public static char checkDigit(String vin) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = value(vin.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character not allowed in a VIN: " + vin.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    /** The GB 16735 transliteration of a character; -1 when it is not allowed. */
    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> -1; // I, O, Q and anything else
        };
    }
}
