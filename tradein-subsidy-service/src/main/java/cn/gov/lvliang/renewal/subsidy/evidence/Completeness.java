package cn.gov.lvliang.renewal.subsidy.evidence;

import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceKindView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceState;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.WaiverView;
import java.util.List;
import java.util.Map;

/**
 * 材料齐全: per required kind, PRESENT when a document of the kind was uploaded, else WAIVED when a
 * reviewer waived it, else MISSING. Plain Java.
 */
final class Completeness {

    private Completeness() {}

    /**
     * @param documents the number of documents per kind
     * @param waivers the waivers per kind
     */
    static List<EvidenceKindView> of(
            List<String> required, Map<String, Integer> documents, Map<String, WaiverView> waivers) {
        return required.stream()
                .map(kind -> {
                    int count = documents.getOrDefault(kind, 0);
                    WaiverView waiver = waivers.get(kind);
                    EvidenceState state = count > 0
                            ? EvidenceState.PRESENT
                            : waiver != null ? EvidenceState.WAIVED : EvidenceState.MISSING;
                    return new EvidenceKindView(kind, state, count, waiver);
                })
                .toList();
    }
}
