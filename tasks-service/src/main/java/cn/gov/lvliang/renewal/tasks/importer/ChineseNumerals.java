package cn.gov.lvliang.renewal.tasks.importer;

/** Chinese numerals from 一 to 九十九, as used to number actions and sections. */
public final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {}

    /**
     * The value of {@code numeral}.
     *
     * @throws IllegalArgumentException when it is not a numeral from 一 to 九十九
     */
    public static int value(String numeral) {
        if (numeral == null || numeral.isEmpty()) {
            throw new IllegalArgumentException("empty numeral");
        }
        String n = numeral.replace('两', '二');
        int ten = n.indexOf('十');
        if (ten < 0) {
            if (n.length() != 1) {
                throw new IllegalArgumentException("not a numeral: " + numeral);
            }
            return digit(n.charAt(0), numeral);
        }
        int tens = ten == 0 ? 1 : digit(n.charAt(0), numeral);
        int units = ten == n.length() - 1 ? 0 : digit(n.charAt(ten + 1), numeral);
        if (ten > 1 || n.length() > ten + 2) {
            throw new IllegalArgumentException("not a numeral: " + numeral);
        }
        return tens * 10 + units;
    }

    private static int digit(char c, String numeral) {
        int d = DIGITS.indexOf(c);
        if (d <= 0) {
            throw new IllegalArgumentException("not a numeral: " + numeral);
        }
        return d;
    }
}
