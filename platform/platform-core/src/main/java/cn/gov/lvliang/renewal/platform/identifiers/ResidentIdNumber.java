package cn.gov.lvliang.renewal.platform.identifiers;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Citizen identity number (居民身份证号码), GB 11643-1999.
 *
 * <p>17 digits (area code, birth date YYYYMMDD, sequence) and an ISO 7064 MOD 11-2 check
 * character, which may be {@code X}.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ResidentIdNumber() {}

    public static boolean isValid(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        if (!validBirthDate(id.substring(6, 14))) {
            return false;
        }
        return checkCharacter(id.substring(0, 17)) == id.charAt(17);
    }

    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int digit = first17.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("digits only");
            }
            sum += digit * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static boolean validBirthDate(String yyyymmdd) {
        try {
            LocalDate date = LocalDate.of(
                    Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
            return date.getYear() >= 1900;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
