package cn.gov.lvliang.renewal.bench;

import java.util.List;

/**
 * The scales the scale scenario loads and measures, ascending, and above which scale a round loads the
 * claims only ({@code --claims-only-above}, {@link cn.gov.lvliang.renewal.bench.scale.ScaleLoader.Extent}).
 *
 * @param scales the numbers of claims, ascending; empty when the scale scenario does not run
 * @param claimsOnlyAbove rounds that end above this many claims load the claims and their own rows only
 */
record ScalePlan(List<Long> scales, long claimsOnlyAbove) {

    static final ScalePlan NONE = new ScalePlan(List.of(), Long.MAX_VALUE);

    ScalePlan {
        scales = List.copyOf(scales);
        if (claimsOnlyAbove < 1) {
            throw new IllegalArgumentException("--claims-only-above must be at least 1: " + claimsOnlyAbove);
        }
    }

    /** Every round loads everything derived from the claims. */
    static ScalePlan of(List<Long> scales) {
        return new ScalePlan(scales, Long.MAX_VALUE);
    }

    boolean isEmpty() {
        return scales.isEmpty();
    }

    /** Whether the round that ends at {@code scale} claims loads the claims only. */
    boolean claimsOnly(long scale) {
        return scale > claimsOnlyAbove;
    }
}
