package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.subsidy.certificates.FarmMachineryCertificate;
import java.util.ArrayList;
import java.util.List;

/**
 * 农机报废更新 (decision 0039): a farm-machinery claim checked against its farm-machinery certificate
 * (农机报废回收证明): it exists, is not voided, names the claim's machine type and power, and its
 * owner is the applicant (a person by the keyed hash of the ID number, an organisation by its credit
 * code). Pure Java.
 */
final class FarmMachineryChecks {

    private FarmMachineryChecks() {}

    /** The checks of {@code claim} against {@code certificate} (null: not received yet). */
    static List<CheckResult> of(Claim claim, FarmMachineryCertificate certificate) {
        if (certificate == null) {
            return List.of(CheckResult.waiting(
                    "CERTIFICATE_EXISTS",
                    "farm-machinery certificate " + claim.scrapCertificateNumber + " not (yet) received from"
                            + " recycling-service; verified again when it arrives"));
        }
        List<CheckResult> results = new ArrayList<>();
        results.add(CheckResult.passed(
                "CERTIFICATE_EXISTS",
                "farm-machinery certificate " + certificate.certificateNumber + " v" + certificate.certificateVersion
                        + " issued by " + certificate.dismantlerCreditCode));
        results.add(CheckResult.certificateValid(certificate.status, certificate.voidReason));
        String claimed = claim.machineType + " " + claim.machinePowerKw.toPlainString() + " kW";
        String certified = certificate.machineType + " " + certificate.powerKw.toPlainString() + " kW";
        if (!certificate.machineType.equals(claim.machineType)
                || certificate.powerKw.compareTo(claim.machinePowerKw) != 0) {
            results.add(CheckResult.failed(
                    "MACHINE_MATCH",
                    ReasonCode.MACHINE_MISMATCH,
                    "claim names " + claimed + ", certificate " + certified));
        } else {
            results.add(CheckResult.passed("MACHINE_MATCH", claimed + " as on the certificate"));
        }
        results.add(owner(claim, certificate));
        return results;
    }

    private static CheckResult owner(Claim claim, FarmMachineryCertificate certificate) {
        if (certificate.ownerKind == FarmMachineryCertificate.OwnerKind.ORGANISATION) {
            if (!certificate.ownerCreditCode.equals(claim.applicantCreditCode)) {
                return CheckResult.failed(
                        "OWNER_MATCH",
                        ReasonCode.OWNER_MISMATCH,
                        "the certificate's owner is the organisation " + certificate.ownerCreditCode
                                + ", the applicant "
                                + (claim.applicantCreditCode == null ? "a person" : claim.applicantCreditCode));
            }
            return CheckResult.passed(
                    "OWNER_MATCH",
                    "applicant's credit code equals the certificate owner's (" + certificate.ownerCreditCode + ")");
        }
        if (claim.applicantCreditCode != null) {
            return CheckResult.failed(
                    "OWNER_MATCH",
                    ReasonCode.OWNER_MISMATCH,
                    "the certificate's owner is a person (" + certificate.ownerIdMasked + "), the applicant the"
                            + " organisation " + claim.applicantCreditCode);
        }
        if (!certificate.ownerIdHash.equals(claim.applicantIdHash)) {
            return CheckResult.failed(
                    "OWNER_MATCH",
                    ReasonCode.OWNER_MISMATCH,
                    "applicant " + claim.applicantIdMasked + " is not the certificate's owner "
                            + certificate.ownerIdMasked + " (keyed hashes differ)");
        }
        return CheckResult.passed(
                "OWNER_MATCH",
                "applicant's keyed ID hash equals the certificate owner's (" + certificate.ownerIdMasked + ")");
    }
}
