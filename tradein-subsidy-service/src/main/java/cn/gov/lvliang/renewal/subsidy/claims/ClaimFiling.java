package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.audit.RequestAudit;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.ClaimView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.CreateClaim;
import cn.gov.lvliang.renewal.subsidy.claims.NewClaims.NewClaim;
import cn.gov.lvliang.renewal.subsidy.programmes.Programme;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleBook;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleParameters;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;

/**
 * 提交申请: files a claim. The request is checked ({@link FilingRules}), the claim built with its
 * amount under the rule version in force on the purchase date ({@link NewClaims}), stored with its
 * {@code claim.submitted} event, and verified at once ({@link ClaimVerification}), all in one
 * transaction. The resource takes the Idempotency-Key around it ({@link IdempotencyKeys#once}).
 */
@ApplicationScoped
public class ClaimFiling {

    private final RuleBook rules;
    private final NewClaims newClaims;
    private final ClaimVerification verification;
    private final ClaimEvents events;
    private final ClaimViewMapper views;
    private final IdempotencyKeys keys;
    private final RequestAudit requestAudit;
    private final EntityManager em;
    private final Clock clock;

    public ClaimFiling(
            RuleBook rules,
            NewClaims newClaims,
            ClaimVerification verification,
            ClaimEvents events,
            ClaimViewMapper views,
            IdempotencyKeys keys,
            RequestAudit requestAudit,
            EntityManager em,
            Clock clock) {
        this.rules = rules;
        this.newClaims = newClaims;
        this.verification = verification;
        this.events = events;
        this.views = views;
        this.keys = keys;
        this.requestAudit = requestAudit;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Files a claim: computes its amount with the rule version in force on the purchase date, runs
     * the automatic checks and records them, all in one transaction with its events.
     *
     * @param idempotency the key this request holds, or null
     */
    @Transactional
    public ClaimView create(CreateClaim request, Caller caller, IdempotencyKeys.Claimed idempotency) {
        String role = FilingRules.filerRole(request, caller);
        RuleVersion.InForce inForce = RuleVersion.withProgramme(request.programmeId(), request.purchaseDate())
                .orElse(null);
        Programme programme = openProgramme(request.programmeId(), inForce == null ? null : inForce.programme());
        FilingRules.requireFits(request, programme, LocalDate.now(clock.withZone(ClaimVerifier.CHINA)));
        RuleVersion version = ruleInForce(programme, inForce.version(), request.purchaseDate());
        RuleParameters parameters = rules.parameters(version);

        NewClaim filed = newClaims.of(request, caller.subject(), role, programme, version, parameters);
        Claim claim = store(filed);
        events.submitted(claim);
        ClaimView view = views.filed(claim, verification.firstRun(claim, parameters));

        keys.completeIfClaimed(idempotency, 201, view);
        // The endpoint takes its Idempotency-Key in transactions of its own (@OwnTransactions), so
        // the audit interceptor leaves it alone: the filing is recorded here, in its transaction.
        requestAudit.recordInCurrentTransaction(201);
        return view;
    }

    /** The programme a claim is filed under: 400 when unknown, 422 when closed (停止受理). */
    private static Programme openProgramme(String programmeId, Programme programme) {
        if (programme == null) {
            throw Problems.invalidField("programmeId", programmeId, "field.unknown-programme");
        }
        if (programme.closed()) {
            throw Problems.unprocessable(
                    "programme-closed", "detail.programme-closed", programme.id, programme.closedAt);
        }
        return programme;
    }

    /** The rule version in force on the purchase date (the highest covering it, or null): 422 when none. */
    private static RuleVersion ruleInForce(Programme programme, RuleVersion version, LocalDate purchaseDate) {
        if (version == null) {
            throw Problems.unprocessable("no-rule-in-force", "detail.no-rule-in-force", programme.id, purchaseDate);
        }
        return version;
    }

    /** Stores the claim (the database gives its claim number), then its items. */
    private Claim store(NewClaim filed) {
        filed.claim().persist();
        em.flush();
        ClaimHomeItem.persist(filed.homeItems());
        em.flush();
        return filed.claim();
    }
}
