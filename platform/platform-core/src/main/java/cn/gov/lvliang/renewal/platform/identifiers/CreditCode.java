package cn.gov.lvliang.renewal.platform.identifiers;

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * <p>18 characters over a 31-character alphabet without I, O, Z, S and V. The 18th is a check
 * character: with the weights {@code 3^(i-1) mod 31}, the check value is {@code 31 - (sum mod 31)},
 * where 31 stands for 0.
 */
public final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {}

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        // Positions 3-8 are the registering authority's area code: digits only.
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i)) || code.charAt(i) > '9') {
                return false;
            }
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17);
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character not allowed: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }
}
