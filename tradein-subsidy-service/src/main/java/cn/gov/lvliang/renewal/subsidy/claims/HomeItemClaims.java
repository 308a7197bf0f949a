package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.RenovationItem;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.RenovationItemView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.RenovationItems;
import cn.gov.lvliang.renewal.subsidy.programmes.HomeItemCalculator;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims of a list of items: 家装厨卫“焕新” and 适老化改造 (decision 0040). The items must be in the
 * rule version's catalogue; each gets its share of its price, capped per item, and is stored as a
 * {@link ClaimHomeItem}.
 */
final class HomeItemClaims {

    private HomeItemClaims() {}

    /**
     * Every item's code is in {@code rule}'s catalogue: 422 {@code item-not-covered} with a field
     * error per item that is not, before anything is stored.
     */
    static void requireCatalogued(RenovationItems renovation, RuleParameters rule, String programmeId) {
        List<ProblemException.FieldViolation> violations = new ArrayList<>();
        List<RenovationItem> items = renovation.items();
        for (int i = 0; i < items.size(); i++) {
            String code = items.get(i).itemCode();
            if (rule.catalogue() == null || rule.catalogue().item(code).isEmpty()) {
                violations.add(new ProblemException.FieldViolation(
                        "renovation.items[" + i + "].itemCode", code, "field.item-not-covered", programmeId));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(
                    422, "item-not-covered", "detail.item-not-covered", violations, programmeId, violations.size());
        }
    }

    /** The claim's price, first invoice, amount and formula from its items; the items to store. */
    static List<ClaimHomeItem> fill(Claim claim, RenovationItems renovation, RuleParameters rule) {
        List<HomeItemCalculator.Line> lines = renovation.items().stream()
                .map(i -> new HomeItemCalculator.Line(i.itemCode(), i.priceFen()))
                .toList();
        HomeItemCalculator.Result result = HomeItemCalculator.compute(rule.catalogue(), lines);
        claim.priceFen =
                lines.stream().mapToLong(HomeItemCalculator.Line::priceFen).sum();
        claim.invoiceNumber = renovation.items().get(0).invoiceNumber();
        claim.amountFen = result.totalFen();
        claim.computation = "rule v" + claim.ruleVersion + ": " + result.formula();
        List<ClaimHomeItem> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            RenovationItem item = renovation.items().get(i);
            HomeItemCalculator.LineAmount amount = result.lines().get(i);
            ClaimHomeItem row = new ClaimHomeItem();
            row.claimId = claim.id;
            row.line = i + 1;
            row.itemCode = item.itemCode();
            row.description = item.description();
            row.priceFen = item.priceFen();
            row.invoiceNumber = item.invoiceNumber();
            row.amountFen = amount.amountFen();
            row.capped = amount.capped();
            rows.add(row);
        }
        return rows;
    }

    /** The claim's items as the API shows them; null for claims of other categories. */
    static List<RenovationItemView> views(Claim claim) {
        if (!claim.category.hasItemList()) {
            return null;
        }
        return ClaimHomeItem.of(claim.id).stream()
                .map(i -> new RenovationItemView(
                        i.line, i.itemCode, i.description, i.priceFen, i.invoiceNumber, i.amountFen, i.capped))
                .toList();
    }

    /** The distinct invoice numbers of the claim's items, each to be used by this claim only. */
    static List<String> invoices(Claim claim) {
        return ClaimHomeItem.of(claim.id).stream()
                .map(i -> i.invoiceNumber)
                .distinct()
                .toList();
    }
}
