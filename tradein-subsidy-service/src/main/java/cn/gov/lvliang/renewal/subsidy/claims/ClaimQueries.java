package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.ClaimView;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Reading claims, always in the caller's scope ({@link ClaimScope}, applied in the query; 404
 * outside it): one claim, the list (申请列表) with its filters, and the claims other features act on
 * (evidence, appeals) as their reader, filer or reviewer.
 */
@ApplicationScoped
public class ClaimQueries {

    private final ClaimViewMapper views;
    private final Clock clock;

    public ClaimQueries(ClaimViewMapper views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClaimView get(UUID id, Caller caller) {
        return views.view(scoped(id, ClaimScope.readable(caller)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClaimView> list(
            Caller caller,
            ClaimStatus status,
            String programmeId,
            String county,
            Boolean overdue,
            RiskLevel riskLevel,
            int page,
            int size) {
        ClaimScope scope = ClaimScope.readable(caller);
        StringBuilder query = new StringBuilder(scope.condition());
        Map<String, Object> parameters = new HashMap<>(scope.parameters());
        if (status != null) {
            query.append(" and status = :status");
            parameters.put("status", status);
        }
        if (programmeId != null) {
            query.append(" and programmeId = :programme");
            parameters.put("programme", programmeId);
        }
        if (county != null) {
            query.append(" and county = :county");
            parameters.put("county", county);
        }
        if (riskLevel != null) {
            query.append(" and riskLevel = :riskLevel");
            parameters.put("riskLevel", riskLevel);
        }
        if (Boolean.TRUE.equals(overdue)) {
            query.append(" and ((status = 'SUBMITTED' and acceptDue < :now)"
                    + " or (status in ('VERIFYING', 'PENDING_REVIEW', 'QUEUED') and reviewDue < :now)"
                    + " or (status = 'APPROVED' and payDue < :now))");
            parameters.put("now", Instant.now(clock));
        }
        return listed(query.toString(), parameters, page, size);
    }

    /**
     * One page of the claims matching {@code condition}, newest first, as listings show them; the
     * matches are counted up to {@link Page#COUNT_LIMIT} (decision 0049). The page's ids and the count
     * come from the list indexes alone (V21, V25: the filtered columns are in them), and only the page's
     * own claims are then read from the table (decision 0059): page 1,000 no longer reads the 19,980
     * rows before it.
     */
    Page<ClaimView> listed(String condition, Map<String, Object> parameters, int page, int size) {
        String ordered = "select id as id from Claim where " + condition + " order by submittedAt desc, id";
        var pageIds = Claim.getEntityManager()
                .createQuery(ordered, UUID.class)
                .setFirstResult(page * size)
                .setMaxResults(size);
        parameters.forEach(pageIds::setParameter);
        List<UUID> ids = pageIds.getResultList();
        Map<UUID, Claim> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            Claim.<Claim>list("id in ?1", ids).forEach(claim -> byId.put(claim.id, claim));
        }
        List<ClaimView> items = ids.stream()
                .map(byId::get)
                .filter(Objects::nonNull) // claims are never deleted; never a null item
                .map(views::listed)
                .toList();
        // counts in the database, over at most COUNT_LIMIT + 1 matches read in the page's index order (HQL
        // wants an order for a limit in a subquery): one number comes back, not the ids
        var matches = Claim.getEntityManager()
                .createQuery("select count(*) from (" + ordered + " limit " + (Page.COUNT_LIMIT + 1) + ")", Long.class);
        parameters.forEach(matches::setParameter);
        return Page.countedUpToLimit(items, matches.getSingleResult(), page, size);
    }

    /** The claim, when the caller may read it; 404 otherwise (evidence downloads). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Claim readableClaim(UUID id, Caller caller) {
        return scoped(id, ClaimScope.readable(caller));
    }

    /** The claim, when the caller may act on it as its filer; 404 otherwise (evidence uploads). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Claim fileableClaim(UUID id, Caller caller) {
        return scoped(id, ClaimScope.fileable(caller));
    }

    /** The claim, when the caller may review it and did not file it (evidence waivers). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Claim reviewableClaim(UUID id, Caller caller) {
        Claim claim = scoped(id, ClaimScope.reviewable(caller));
        claim.requireReviewerIsNotSubmitter(caller.subject());
        return claim;
    }

    /** The kinds of evidence the claim's rule version requires (申请材料清单). */
    public static List<String> requiredEvidence(Claim claim) {
        RuleVersion version = RuleVersion.findById(claim.ruleVersionId);
        return version.evidenceRequired == null ? List.of() : List.of(version.evidenceRequired);
    }

    /** The claim in {@code scope}, at the version the caller read (409 {@code stale-version} otherwise). */
    static Claim scopedAt(UUID id, ClaimScope scope, long version) {
        Claim claim = scoped(id, scope);
        if (version != claim.version) {
            throw new ProblemException(409, "stale-version", "detail.stale-version", List.of());
        }
        return claim;
    }

    static Claim scoped(UUID id, ClaimScope scope) {
        Claim claim = Claim.<Claim>find("id = :id and " + scope.condition(), scope.with("id", id))
                .firstResult();
        if (claim == null) {
            throw Problems.notFound("resource.claim", id);
        }
        return claim;
    }
}
