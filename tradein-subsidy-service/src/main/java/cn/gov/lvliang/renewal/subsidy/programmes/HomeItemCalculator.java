package cn.gov.lvliang.renewal.subsidy.programmes;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes the amount of a claim of items (家装厨卫“焕新”, 适老化改造; decision 0040) under a rule
 * version of kind {@link RuleParameters.AmountKind#PERCENT_PER_ITEM}: per item its catalogue entry's
 * share of its price, capped per item; the claim's amount is the sum, limited to what is left of the
 * household limit. Pure Java: integer fen only, never negative, never above a cap or a price.
 */
public final class HomeItemCalculator {

    private static final long BASIS = 10_000L;

    private HomeItemCalculator() {}

    /** One item bought: its catalogue code and its price in fen. */
    public record Line(String itemCode, long priceFen) {}

    /**
     * One item's amount.
     *
     * @param capped the item's share was above its cap and was cut to it (补贴封顶; the claim is not refused)
     */
    public record LineAmount(String itemCode, long priceFen, long amountFen, boolean capped, String formula) {}

    /** The items' amounts and their sum. */
    public record Result(List<LineAmount> lines, long totalFen) {

        /** How the total came about, item by item. */
        public String formula() {
            StringBuilder f = new StringBuilder();
            for (LineAmount line : lines) {
                f.append(f.isEmpty() ? "" : "; ").append(line.formula());
            }
            return f.append("; total ").append(totalFen).append(" fen").toString();
        }
    }

    /**
     * The amounts of {@code lines} under {@code catalogue}.
     *
     * @throws IllegalArgumentException when an item is not in the catalogue or a price is out of range
     *     (the filing refuses both before computing)
     */
    public static Result compute(RuleParameters.Catalogue catalogue, List<Line> lines) {
        List<LineAmount> amounts = new ArrayList<>();
        long total = 0;
        for (Line line : lines) {
            if (line.priceFen() <= 0 || line.priceFen() > SubsidyCalculator.MAX_PRICE_FEN) {
                throw new IllegalArgumentException("price out of range: " + line.priceFen());
            }
            RuleParameters.CatalogueItem item = catalogue
                    .item(line.itemCode())
                    .orElseThrow(() -> new IllegalArgumentException("item not in the catalogue: " + line.itemCode()));
            long raw = line.priceFen() * item.rateBp() / BASIS;
            long amount = Math.min(raw, item.capFen());
            boolean capped = amount < raw;
            String formula = item.code() + " " + line.priceFen() + " fen × " + item.rateBp() + " bp = " + raw + " fen"
                    + (capped ? ", capped at " + item.capFen() + " fen" : "");
            amounts.add(new LineAmount(item.code(), line.priceFen(), amount, capped, formula));
            total = Math.addExact(total, amount);
        }
        return new Result(List.copyOf(amounts), total);
    }

    /** What the household limit leaves of a claim's computed amount. */
    public record Limited(long amountFen, long remainingFen, boolean reached, boolean limited) {}

    /**
     * The part of {@code computedFen} the household may still receive, when it already received (or
     * has claimed) {@code earlierFen} of {@code limitFen}: {@code reached} when nothing is left
     * (the claim is refused), {@code limited} when less than the computed amount is.
     */
    public static Limited householdLimit(long computedFen, long earlierFen, long limitFen) {
        long remaining = Math.max(0, limitFen - Math.max(0, earlierFen));
        long amount = Math.min(Math.max(0, computedFen), remaining);
        return new Limited(amount, remaining, remaining == 0, amount < computedFen);
    }
}
