package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.subsidy.certificates.ScrapCertificateRecord;

/**
 * The outcome of one automatic check (自动核验), with its evidence.
 *
 * @param reasonCode set when the check failed
 */
public record CheckResult(String code, Outcome outcome, ReasonCode reasonCode, String evidence) {

    /** PASSED and FLAGGED let the claim go on; FAILED rejects it; WAITING holds it in verification. */
    public enum Outcome {
        PASSED,
        FAILED,
        FLAGGED,
        WAITING,
        MANUAL
    }

    static CheckResult passed(String code, String evidence) {
        return new CheckResult(code, Outcome.PASSED, null, evidence);
    }

    static CheckResult failed(String code, ReasonCode reason, String evidence) {
        return new CheckResult(code, Outcome.FAILED, reason, evidence);
    }

    static CheckResult flagged(String code, String evidence) {
        return new CheckResult(code, Outcome.FLAGGED, null, evidence);
    }

    static CheckResult waiting(String code, String evidence) {
        return new CheckResult(code, Outcome.WAITING, null, evidence);
    }

    static CheckResult manual(String code, String evidence) {
        return new CheckResult(code, Outcome.MANUAL, null, evidence);
    }

    /** CERTIFICATE_VALID: whether a scrap certificate (a car's, a truck's or a farm machine's) may be used. */
    static CheckResult certificateValid(ScrapCertificateRecord.Status status, String voidReason) {
        if (status != ScrapCertificateRecord.Status.VALID) {
            return failed(
                    "CERTIFICATE_VALID",
                    ReasonCode.CERTIFICATE_NOT_VALID,
                    "certificate status " + status + (voidReason == null ? "" : ": " + voidReason));
        }
        return passed("CERTIFICATE_VALID", "certificate status VALID");
    }
}
