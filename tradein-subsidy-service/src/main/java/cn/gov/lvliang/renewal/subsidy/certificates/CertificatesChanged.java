package cn.gov.lvliang.renewal.subsidy.certificates;

import java.util.List;

/**
 * Fired synchronously, inside the consuming transaction, once for the scrap certificates one poll
 * of recycling-service's stream recorded, corrected or voided (in the order of the events), so that
 * claims waiting for them or using them are verified again with one lookup for the whole poll.
 */
public record CertificatesChanged(List<CertificateChanged> changes) {

    /** The certificate numbers, each once. */
    public List<String> certificateNumbers() {
        return changes.stream()
                .map(CertificateChanged::certificateNumber)
                .distinct()
                .toList();
    }
}
