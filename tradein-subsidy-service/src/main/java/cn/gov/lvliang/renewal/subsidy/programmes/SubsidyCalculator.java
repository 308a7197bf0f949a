package cn.gov.lvliang.renewal.subsidy.programmes;

/**
 * Computes a claim's amount under one rule version. Pure Java: integer fen only, never negative,
 * never above the cap or the price.
 */
public final class SubsidyCalculator {

    private static final long BASIS = 10_000L;
    /** Prices above this are refused as input, so that price × rate never overflows. */
    public static final long MAX_PRICE_FEN = 1_000_000_000_000L;

    private SubsidyCalculator() {}

    /** What was bought, as far as the amount depends on it. */
    public record Purchase(
            long priceFen,
            Integer efficiencyGrade,
            String productCategory,
            String newCarPowerType,
            Integer newCarDisplacementMl) {}

    /** Why a purchase earns nothing under a version. The names are claim reason codes. */
    public enum Ineligibility {
        GRADE_NOT_ELIGIBLE,
        PRICE_ABOVE_LIMIT,
        CATEGORY_NOT_COVERED,
        POWER_TYPE_NOT_COVERED,
        DISPLACEMENT_ABOVE_LIMIT
    }

    /** The result: an amount with its formula, or the reason there is none. */
    public sealed interface Result permits Amount, NotEligible {}

    /** @param formula how the amount came about, kept on the claim */
    public record Amount(long amountFen, String formula) implements Result {}

    public record NotEligible(Ineligibility reason, String evidence) implements Result {}

    public static Result compute(RuleParameters rule, Purchase purchase) {
        if (purchase.priceFen() <= 0 || purchase.priceFen() > MAX_PRICE_FEN) {
            throw new IllegalArgumentException("price out of range: " + purchase.priceFen());
        }
        RuleParameters.Eligibility eligibility = rule.eligibility();
        if (eligibility.productCategories() != null
                && !eligibility.productCategories().contains(purchase.productCategory())) {
            return new NotEligible(
                    Ineligibility.CATEGORY_NOT_COVERED,
                    "category " + purchase.productCategory() + " not in " + eligibility.productCategories());
        }
        if (eligibility.worstGrade() != null) {
            Integer grade = purchase.efficiencyGrade();
            if (grade == null || grade > eligibility.worstGrade()) {
                return new NotEligible(
                        Ineligibility.GRADE_NOT_ELIGIBLE,
                        "efficiency grade " + grade + " is worse than grade " + eligibility.worstGrade());
            }
        }
        RuleParameters.Amount amount = rule.amount();
        if (amount.maxPriceFen() != null && purchase.priceFen() > amount.maxPriceFen()) {
            return new NotEligible(
                    Ineligibility.PRICE_ABOVE_LIMIT,
                    "price " + purchase.priceFen() + " fen above " + amount.maxPriceFen() + " fen");
        }
        return switch (amount.kind()) {
            case FIXED_BY_NEW_CAR_POWER_TYPE -> fixed(rule, purchase);
            case PERCENT_OF_PRICE -> percent(amount, purchase);
            case PERCENT_PER_ITEM ->
                throw new IllegalArgumentException("a claim of items is computed per item by HomeItemCalculator");
        };
    }

    private static Result fixed(RuleParameters rule, Purchase purchase) {
        String power = purchase.newCarPowerType();
        Long fixed = power == null ? null : rule.amount().fixedFen().get(power);
        if (fixed == null) {
            return new NotEligible(
                    Ineligibility.POWER_TYPE_NOT_COVERED,
                    "new car power type " + power + " not in "
                            + rule.amount().fixedFen().keySet());
        }
        Integer maxMl = rule.eligibility().maxNewFuelCarDisplacementMl();
        if (!"NEV".equals(power) && maxMl != null) {
            Integer ml = purchase.newCarDisplacementMl();
            if (ml == null || ml > maxMl) {
                return new NotEligible(
                        Ineligibility.DISPLACEMENT_ABOVE_LIMIT, "displacement " + ml + " ml above " + maxMl + " ml");
            }
        }
        long amountFen = Math.min(fixed, purchase.priceFen());
        return new Amount(
                amountFen,
                "fixed " + power + " " + fixed + " fen" + (amountFen < fixed ? ", limited to the price" : ""));
    }

    private static Result percent(RuleParameters.Amount amount, Purchase purchase) {
        int rate = amount.rateBp();
        int bonus = amount.topGradeBonusBp() != null
                        && purchase.efficiencyGrade() != null
                        && purchase.efficiencyGrade() == 1
                ? amount.topGradeBonusBp()
                : 0;
        long raw = purchase.priceFen() * (rate + bonus) / BASIS;
        long capped = Math.min(raw, amount.capFen());
        StringBuilder formula = new StringBuilder()
                .append(purchase.priceFen())
                .append(" fen × ")
                .append(rate)
                .append(" bp");
        if (bonus > 0) {
            formula.append(" + grade-1 bonus ").append(bonus).append(" bp");
        }
        formula.append(" = ").append(raw).append(" fen");
        if (capped < raw) {
            formula.append(", capped at ").append(amount.capFen()).append(" fen");
        }
        return new Amount(capped, formula.toString());
    }
}
