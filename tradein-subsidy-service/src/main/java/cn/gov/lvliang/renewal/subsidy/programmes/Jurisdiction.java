package cn.gov.lvliang.renewal.subsidy.programmes;

/**
 * 受理范围: which counties' claims a programme takes, from its {@code jurisdiction}, a six-digit
 * administrative division code (GB/T 2260). A county-level code ({@code 141102} 离石区) takes that
 * county's claims only; a prefecture-level code, ending in {@code 00} ({@code 141100} 吕梁市), takes
 * the claims of every county under it ({@code 1411xx}); a province-level code, ending in {@code
 * 0000} ({@code 140000} 山西省), every county of the province (decision 0038).
 */
public final class Jurisdiction {

    private Jurisdiction() {}

    /** Whether a programme of {@code jurisdiction} takes a claim filed in {@code county}. */
    public static boolean covers(String jurisdiction, String county) {
        if (jurisdiction == null || county == null || jurisdiction.length() != 6 || county.length() != 6) {
            return false;
        }
        if (jurisdiction.endsWith("0000")) {
            return county.startsWith(jurisdiction.substring(0, 2));
        }
        if (jurisdiction.endsWith("00")) {
            return county.startsWith(jurisdiction.substring(0, 4));
        }
        return jurisdiction.equals(county);
    }
}
