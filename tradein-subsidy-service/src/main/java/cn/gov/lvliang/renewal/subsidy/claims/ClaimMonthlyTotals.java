package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.subsidy.programmes.DepartmentResponsibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 分项目分月申请与补贴汇总: claims filed, their computed amounts and what was paid, per programme and
 * month of submission, within the caller's scope ({@link ClaimScope#aggregateScope}): from the summary the
 * database keeps per programme, county and month (V24, decision 0055), or, for an enterprise (whose
 * scope is its own claims by seller, which the summary does not key), in one {@code GROUP BY} over its
 * claims. The month is the submission's month in the
 * programme's time zone, Asia/Shanghai ({@link ClaimVerifier#CHINA}): a claim filed at
 * 2026-03-31T17:00Z counts in April.
 */
@ApplicationScoped
public class ClaimMonthlyTotals {

    /**
     * The first moment of the submission's month on China's wall clock: the expression of the index
     * {@code claim_monthly_totals} (V20), so that PostgreSQL reads the totals from it in order; the
     * zone is a constant, hence a literal.
     */
    private static final String MONTH =
            "function('date_trunc', 'month', function('timezone', '" + ClaimVerifier.CHINA.getId() + "', submittedAt))";

    /** One programme's claims of one month. */
    @Schema(name = "ClaimMonthlyTotal", description = "分项目分月申请与补贴汇总: one programme's claims of one month")
    public record MonthlyTotal(
            @Schema(description = "补贴项目 / programme", example = "HOME-APPLIANCE")
            String programmeId,

            @Schema(
                    description = "申请提交月份 (Asia/Shanghai) / month of submission in China's time zone",
                    example = "2026-03")
            String month,

            @Schema(description = "申请数 / claims filed (every status)", example = "1250")
            long claims,

            @Schema(description = "申请补贴金额（分）/ their computed amounts, in fen", example = "187500000")
            long amountFen,

            @Schema(description = "已支付金额（分）/ what was paid of them, in fen", example = "150000000")
            long paidAmountFen) {}

    /** Optional filters; months as {@code YYYY-MM}, both ends included. */
    public record Filter(YearMonth from, YearMonth to, String county, String programmeId) {}

    private final EntityManager entityManager;

    public ClaimMonthlyTotals(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The totals the caller may read, ordered by programme then month; 400 when {@code from} is after {@code to}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MonthlyTotal> totals(Filter filter, Caller caller) {
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw Problems.invalidField("to", filter.to().toString(), "field.end-before-start");
        }
        CallerScope scope = ClaimScope.aggregateScope(caller);
        return scope.kind() == CallerScope.Kind.ENTERPRISE
                ? counted(filter, ClaimScope.of(scope))
                : summarised(filter, scope);
    }

    /**
     * From the summary and its deltas not yet folded (V24): rows bounded by the programme, county and
     * month keys, whatever the number of claims. Keys whose claims fell to zero are left out.
     */
    List<MonthlyTotal> summarised(Filter filter, CallerScope scope) {
        CallerScope.Condition condition =
                scope.condition("county", null, DepartmentResponsibility.programmeCondition("programmeId"));
        Map<String, Object> parameters = new HashMap<>(condition.parameters());
        String where = filtered(condition.clause(), "month", filter, parameters);
        Map<List<Object>, long[]> sums = new TreeMap<>(Comparator.comparing((List<Object> key) -> (String) key.get(0))
                .thenComparing(key -> (LocalDateTime) key.get(1)));
        for (String figures : List.of("ClaimMonthTotal", "ClaimMonthDelta")) {
            var query = entityManager.createQuery(
                    "select programmeId, month, sum(claims), sum(amountFen), sum(paidAmountFen) from " + figures
                            + " where " + where + " group by programmeId, month",
                    Object[].class);
            parameters.forEach(query::setParameter);
            for (Object[] row : query.getResultList()) {
                long[] sum = sums.computeIfAbsent(List.of(row[0], row[1]), k -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    sum[i] += (Long) row[i + 2];
                }
            }
        }
        return sums.entrySet().stream()
                .filter(e -> e.getValue()[0] != 0)
                .map(e -> total(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .toList();
    }

    /**
     * Counted over every claim in scope, in one {@code GROUP BY} read from index {@code
     * claim_monthly_totals} (V20): an enterprise's own claims (the summary has no seller), and the
     * summary's oracle in the tests.
     */
    List<MonthlyTotal> counted(Filter filter, ClaimScope scope) {
        Map<String, Object> parameters = new HashMap<>(scope.parameters());
        String where = filtered(scope.condition(), MONTH, filter, parameters);
        var query = entityManager.createQuery(
                "select programmeId, cast(" + MONTH + " as LocalDateTime), count(*), sum(amountFen),"
                        + " sum(paidAmountFen) from Claim where " + where + " group by programmeId, " + MONTH
                        + " order by programmeId, " + MONTH,
                Object[].class);
        parameters.forEach(query::setParameter);
        return query.getResultList().stream()
                .map(row -> total(row[0], row[1], new long[] {(Long) row[2], (Long) row[3], (Long) row[4]}))
                .toList();
    }

    /** The scope's condition and the filter's, on a relation whose month of submission is {@code month}. */
    private static String filtered(String scope, String month, Filter filter, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(scope);
        if (filter.from() != null) {
            where.append(" and " + month + " >= :from");
            parameters.put("from", filter.from().atDay(1).atStartOfDay());
        }
        if (filter.to() != null) {
            where.append(" and " + month + " <= :to");
            parameters.put("to", filter.to().atDay(1).atStartOfDay());
        }
        if (filter.county() != null) {
            where.append(" and county = :county");
            parameters.put("county", filter.county());
        }
        if (filter.programmeId() != null) {
            where.append(" and programmeId = :programme");
            parameters.put("programme", filter.programmeId());
        }
        return where.toString();
    }

    private static MonthlyTotal total(Object programmeId, Object month, long[] sums) {
        return new MonthlyTotal(
                (String) programmeId, YearMonth.from((LocalDateTime) month).toString(), sums[0], sums[1], sums[2]);
    }
}
