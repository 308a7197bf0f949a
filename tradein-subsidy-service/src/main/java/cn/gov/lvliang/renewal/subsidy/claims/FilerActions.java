package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.subsidy.budget.BudgetLedger;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.ClaimView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.Corrections;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.Resubmission;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.Review;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * What the filer (a dealer, a retailer, a county clerk) does with a claim after filing it, at the
 * version they read: 撤回 (withdraw, releasing an approved claim's reservation) and 补正后重新提交
 * (resubmit a returned claim with the corrections asked for; the checks run again).
 */
@ApplicationScoped
public class FilerActions {

    private final BudgetLedger ledger;
    private final ClaimVerification verification;
    private final ApplicantData applicants;
    private final ClaimViewMapper views;
    private final EntityManager em;
    private final Clock clock;

    public FilerActions(
            BudgetLedger ledger,
            ClaimVerification verification,
            ApplicantData applicants,
            ClaimViewMapper views,
            EntityManager em,
            Clock clock) {
        this.ledger = ledger;
        this.verification = verification;
        this.applicants = applicants;
        this.views = views;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public ClaimView withdraw(UUID id, Review review, Caller caller) {
        Claim claim = ClaimQueries.scopedAt(id, ClaimScope.fileable(caller), review.version());
        boolean approved = claim.status == ClaimStatus.APPROVED;
        claim.withdraw(caller.subject(), clock);
        if (approved) {
            ledger.release(BudgetLedger.Purpose.claim(claim.id), caller.subject());
        }
        verification.releaseUses(claim);
        ClaimTransition.recordAll(claim);
        em.flush();
        return views.view(claim);
    }

    /** 补正后重新提交: the corrections are applied and the checks run again. */
    @Transactional
    public ClaimView resubmit(UUID id, Resubmission resubmission, Caller caller) {
        Claim claim = ClaimQueries.scopedAt(id, ClaimScope.fileable(caller), resubmission.version());
        claim.resubmit(caller.subject(), clock);
        if (resubmission.corrections() != null) {
            correct(claim, resubmission.corrections());
        }
        verification.nextRun(claim, "system");
        em.flush();
        return views.view(claim);
    }

    /**
     * Applies the corrections of a returned claim. A new invoice number gives up the old one's use,
     * so that the uniqueness check runs on the new number.
     */
    private void correct(Claim claim, Corrections corrections) {
        if (corrections.phone() != null) {
            applicants.setPhone(claim, corrections.phone());
        }
        if (corrections.bankAccount() != null) {
            applicants.setBankAccount(claim, corrections.bankAccount());
        }
        if (corrections.deliveryAddress() != null) {
            if (claim.productCategory == null) {
                throw Problems.invalidField("corrections.deliveryAddress", null, "field.appliance-only");
            }
            applicants.setDeliveryAddress(claim, corrections.deliveryAddress());
        }
        if (corrections.invoiceNumber() != null && claim.category.hasItemList()) {
            // each item has its invoice: withdraw and file anew (decision 0040)
            throw Problems.invalidField("corrections.invoiceNumber", null, "field.not-for-category", claim.category);
        }
        if (corrections.invoiceNumber() != null && !corrections.invoiceNumber().equals(claim.invoiceNumber)) {
            verification.releaseInvoice(claim);
            claim.invoiceNumber = corrections.invoiceNumber();
        }
    }
}
