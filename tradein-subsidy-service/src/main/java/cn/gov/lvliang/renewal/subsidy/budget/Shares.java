package cn.gov.lvliang.renewal.subsidy.budget;

/** Splits an amount in fen by shares in basis points, exactly: the parts always add up to the whole. */
public final class Shares {

    private Shares() {}

    /**
     * Largest-remainder split: each part is the floor of its share, and the fen left over go to
     * the parts with the largest remainders (earlier parts first on ties).
     *
     * @param sharesBp non-negative, adding up to 10000
     */
    public static long[] split(long amountFen, int[] sharesBp) {
        if (amountFen < 0) {
            throw new IllegalArgumentException("negative amount");
        }
        int total = 0;
        for (int s : sharesBp) {
            if (s < 0) {
                throw new IllegalArgumentException("negative share");
            }
            total += s;
        }
        if (total != 10_000) {
            throw new IllegalArgumentException("shares add up to " + total);
        }
        long[] parts = new long[sharesBp.length];
        long[] remainders = new long[sharesBp.length];
        long assigned = 0;
        for (int i = 0; i < sharesBp.length; i++) {
            // amount ≤ ~9.2e14 keeps amount × 10000 inside a long; claims are far smaller.
            long scaled = Math.multiplyExact(amountFen, (long) sharesBp[i]);
            parts[i] = scaled / 10_000;
            remainders[i] = scaled % 10_000;
            assigned += parts[i];
        }
        long left = amountFen - assigned;
        while (left > 0) {
            int best = -1;
            for (int i = 0; i < parts.length; i++) {
                if (sharesBp[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
            left--;
        }
        return parts;
    }
}
