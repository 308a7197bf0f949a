package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 分项目分月申请与补贴汇总: claims filed, their computed amounts and what was paid, per programme and
 * month of submission, in one {@code GROUP BY} over the claim table (no claim is loaded), within the
 * caller's scope ({@link ClaimScope#aggregated}). The month is the submission's month in the
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
        ClaimScope scope = ClaimScope.aggregated(caller);
        StringBuilder where = new StringBuilder(scope.condition());
        Map<String, Object> parameters = new HashMap<>(scope.parameters());
        if (filter.from() != null) {
            where.append(" and " + MONTH + " >= :from");
            parameters.put("from", filter.from().atDay(1).atStartOfDay());
        }
        if (filter.to() != null) {
            where.append(" and " + MONTH + " <= :to");
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
        var query = entityManager.createQuery(
                "select programmeId, cast(" + MONTH + " as LocalDateTime), count(*), sum(amountFen),"
                        + " sum(paidAmountFen) from Claim where " + where + " group by programmeId, " + MONTH
                        + " order by programmeId, " + MONTH,
                Object[].class);
        parameters.forEach(query::setParameter);
        return query.getResultList().stream()
                .map(row -> new MonthlyTotal(
                        (String) row[0],
                        YearMonth.from((LocalDateTime) row[1]).toString(),
                        (Long) row[2],
                        (Long) row[3],
                        (Long) row[4]))
                .toList();
    }
}
