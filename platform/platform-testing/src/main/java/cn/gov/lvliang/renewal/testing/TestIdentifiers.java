package cn.gov.lvliang.renewal.testing;

import cn.gov.lvliang.renewal.platform.identifiers.CreditCode;
import cn.gov.lvliang.renewal.platform.identifiers.ResidentIdNumber;
import cn.gov.lvliang.renewal.platform.identifiers.Vin;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid identifiers for tests, with correct check characters. */
public final class TestIdentifiers {

    private static final String VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private TestIdentifiers() {}

    /** A VIN with a valid GB 16735 check digit. */
    public static String vin() {
        StringBuilder body = new StringBuilder("LSV");
        while (body.length() < 17) {
            body.append(VIN_CHARS.charAt(ThreadLocalRandom.current().nextInt(VIN_CHARS.length())));
        }
        body.setCharAt(8, '0');
        body.setCharAt(8, Vin.checkDigit(body.toString()));
        return body.toString();
    }

    /** The same VIN with a wrong check digit. */
    public static String vinWithWrongCheckDigit() {
        String vin = vin();
        char wrong = vin.charAt(8) == '1' ? '2' : '1';
        return vin.substring(0, 8) + wrong + vin.substring(9);
    }

    /** A citizen ID number from Lüliang (1411xx) with a valid GB 11643 check character. */
    public static String residentId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = String.format(
                "141102%04d%02d%02d%03d",
                1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A unified social credit code registered in Lüliang, with a valid GB 32100 check character. */
    public static String creditCode() {
        StringBuilder body = new StringBuilder("91141100");
        while (body.length() < 17) {
            body.append(CODE_CHARS.charAt(ThreadLocalRandom.current().nextInt(CODE_CHARS.length())));
        }
        return body.toString() + CreditCode.checkCharacter(body.toString());
    }
}
