package cn.gov.lvliang.renewal.subsidy.claims;

import java.util.List;

/**
 * 跨项目个人限额: a per-person limit that spans programmes, such as one car subsidy a year whether
 * scrappage or replacement. The rule versions of those programmes name the same limit group
 * ({@code limits.limitGroup}) and how many claims one person may have in it per purchase year
 * ({@code limits.perPersonPerGroupPerYear}); plain Java, the earlier claims are found by {@link
 * ClaimVerifier} (decision 0038).
 */
final class GroupLimitRule {

    static final String CODE = "GROUP_LIMIT";

    private GroupLimitRule() {}

    /**
     * @param earlier the person's other live claims in the group in {@code year}, as "number
     *     (programme)"
     */
    static CheckResult evaluate(String group, int limit, int year, List<String> earlier) {
        String counted = earlier.size() + " earlier claim(s) in limit group " + group + " in " + year;
        if (earlier.size() >= limit) {
            return CheckResult.failed(
                    CODE,
                    ReasonCode.PER_PERSON_LIMIT_REACHED,
                    counted + ", limit " + limit + ": " + String.join(", ", earlier));
        }
        return CheckResult.passed(CODE, counted + ", limit " + limit);
    }
}
