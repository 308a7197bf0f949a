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
        DISPLACEMENT_ABOVE_LIMIT,
        /** No row of the truck table for the claim's class × emission standard × new truck. */
        TRUCK_NOT_COVERED,
        /** No band of the farm-machinery table for the machine's type and power. */
        MACHINE_NOT_COVERED
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
            case FIXED_BY_TRUCK_CLASS, FIXED_BY_MACHINE_POWER -> kindNotFor(amount.kind(), "this purchase");
            case PERCENT_PER_ITEM ->
                throw new IllegalArgumentException("a claim of items is computed per item by HomeItemCalculator");
        };
    }

    private static NotEligible kindNotFor(RuleParameters.AmountKind kind, String what) {
        return new NotEligible(
                Ineligibility.CATEGORY_NOT_COVERED, "amount kind " + kind + " does not apply to " + what);
    }

    /**
     * 老旧营运柴油货车 (decision 0039).
     *
     * @param newTruck {@code NONE} when the truck is scrapped only, else the new truck's power type
     */
    public record TruckPurchase(String vehicleClass, String emissionStandard, String newTruck) {}

    /** The truck table's row for the claim, or why there is none. */
    public static Result truck(RuleParameters rule, TruckPurchase truck) {
        if (rule.amount().kind() != RuleParameters.AmountKind.FIXED_BY_TRUCK_CLASS) {
            return kindNotFor(rule.amount().kind(), "a truck");
        }
        String key = truck.vehicleClass() + " × " + truck.emissionStandard() + " × new truck " + truck.newTruck();
        return rule.truck().amounts().stream()
                .filter(row -> row.vehicleClass().equals(truck.vehicleClass())
                        && row.emissionStandard().equals(truck.emissionStandard())
                        && row.newTruck().equals(truck.newTruck()))
                .findFirst()
                .<Result>map(row -> new Amount(row.amountFen(), "fixed " + key + " " + row.amountFen() + " fen"))
                .orElseGet(() -> new NotEligible(Ineligibility.TRUCK_NOT_COVERED, "no amount for " + key));
    }

    /** 农机报废: the machine as its certificate and the claim name it. */
    public record MachinePurchase(String machineType, java.math.BigDecimal powerKw) {}

    /** The farm-machinery table's band for the machine, or why there is none. */
    public static Result farmMachine(RuleParameters rule, MachinePurchase machine) {
        if (rule.amount().kind() != RuleParameters.AmountKind.FIXED_BY_MACHINE_POWER) {
            return kindNotFor(rule.amount().kind(), "farm machinery");
        }
        return rule.farmMachinery().bands().stream()
                .filter(band -> band.covers(machine.machineType(), machine.powerKw()))
                .findFirst()
                .<Result>map(band -> new Amount(
                        band.amountFen(),
                        "fixed " + machine.machineType() + " "
                                + machine.powerKw().toPlainString() + " kW in ["
                                + band.minKw().toPlainString() + ", "
                                + (band.maxKw() == null ? "∞" : band.maxKw().toPlainString()) + ") kW "
                                + band.amountFen() + " fen"))
                .orElseGet(() -> new NotEligible(
                        Ineligibility.MACHINE_NOT_COVERED,
                        "no band for " + machine.machineType() + " at "
                                + machine.powerKw().toPlainString() + " kW"));
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
