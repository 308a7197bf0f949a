package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceKindView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceView;
import java.util.List;
import java.util.UUID;

/**
 * What claims need to know of their evidence (申请材料), implemented by the {@code evidence}
 * package: the documents for the claim's view, and completeness for the view and the approval
 * gate.
 */
public interface ClaimEvidence {

    /** The claim's documents, oldest first. */
    List<EvidenceView> documents(UUID claimId);

    /** One entry per kind in {@code required}, in that order. */
    List<EvidenceKindView> completeness(UUID claimId, List<String> required);

    /**
     * The completeness of a claim without documents or waivers (a claim being filed: nothing can
     * refer to it yet), without reading the database.
     */
    List<EvidenceKindView> nothingYet(List<String> required);
}
