package cn.gov.lvliang.renewal.subsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.subsidy.certificates.FarmMachineryCertificate;
import cn.gov.lvliang.renewal.subsidy.certificates.ScrapCertificateRecord;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A farm-machinery claim against its certificate (decision 0039). */
class FarmMachineryChecksTest {

    private static final String HASH = "a".repeat(64);
    private static final String COOPERATIVE = "93141100MA0K00001A";

    private static Claim claim(String type, String kw, String idHash, String creditCode) {
        Claim claim = new Claim();
        claim.scrapCertificateNumber = "NJ-000001";
        claim.machineType = type;
        claim.machinePowerKw = new BigDecimal(kw);
        claim.applicantIdHash = idHash;
        claim.applicantIdMasked = "1411**********1233";
        claim.applicantCreditCode = creditCode;
        return claim;
    }

    private static FarmMachineryCertificate certificate(FarmMachineryCertificate.OwnerKind owner) {
        FarmMachineryCertificate c = new FarmMachineryCertificate();
        c.certificateNumber = "NJ-000001";
        c.dismantlerCreditCode = "91141100MA0K0000XA";
        c.machineType = "TRACTOR";
        c.powerKw = new BigDecimal("58.80");
        c.status = ScrapCertificateRecord.Status.VALID;
        c.certificateVersion = 1;
        c.ownerKind = owner;
        if (owner == FarmMachineryCertificate.OwnerKind.PERSON) {
            c.ownerIdHash = HASH;
            c.ownerIdMasked = "1411**********1233";
        } else {
            c.ownerCreditCode = COOPERATIVE;
        }
        return c;
    }

    private static List<CheckResult.Outcome> outcomes(Claim claim, FarmMachineryCertificate certificate) {
        return FarmMachineryChecks.of(claim, certificate).stream()
                .map(CheckResult::outcome)
                .toList();
    }

    @Test
    void theOwnersTractorAtItsPowerPassesEveryCheckWhateverTheScale() {
        assertThat(outcomes(
                        claim("TRACTOR", "58.8", HASH, null), certificate(FarmMachineryCertificate.OwnerKind.PERSON)))
                .containsOnly(CheckResult.Outcome.PASSED)
                .hasSize(4);
    }

    @Test
    void noCertificateYetWaits() {
        assertThat(outcomes(claim("TRACTOR", "58.8", HASH, null), null)).containsExactly(CheckResult.Outcome.WAITING);
    }

    @Test
    void anotherTypeOrPowerIsAMismatch() {
        FarmMachineryCertificate person = certificate(FarmMachineryCertificate.OwnerKind.PERSON);
        assertThat(FarmMachineryChecks.of(claim("TRACTOR", "58.9", HASH, null), person))
                .filteredOn(r -> r.outcome() == CheckResult.Outcome.FAILED)
                .extracting(CheckResult::reasonCode)
                .containsExactly(ReasonCode.MACHINE_MISMATCH);
        assertThat(FarmMachineryChecks.of(claim("SPRAYER", "58.8", HASH, null), person))
                .filteredOn(r -> r.outcome() == CheckResult.Outcome.FAILED)
                .extracting(CheckResult::reasonCode)
                .containsExactly(ReasonCode.MACHINE_MISMATCH);
    }

    @Test
    void theOwnerIsMatchedByIdHashForAPersonAndByCreditCodeForAnOrganisation() {
        FarmMachineryCertificate person = certificate(FarmMachineryCertificate.OwnerKind.PERSON);
        FarmMachineryCertificate organisation = certificate(FarmMachineryCertificate.OwnerKind.ORGANISATION);
        assertThat(FarmMachineryChecks.of(claim("TRACTOR", "58.8", "b".repeat(64), null), person))
                .extracting(CheckResult::reasonCode)
                .contains(ReasonCode.OWNER_MISMATCH);
        assertThat(FarmMachineryChecks.of(claim("TRACTOR", "58.8", HASH, COOPERATIVE), person))
                .extracting(CheckResult::reasonCode)
                .contains(ReasonCode.OWNER_MISMATCH);
        assertThat(outcomes(claim("TRACTOR", "58.8", "c".repeat(64), COOPERATIVE), organisation))
                .containsOnly(CheckResult.Outcome.PASSED);
        assertThat(FarmMachineryChecks.of(claim("TRACTOR", "58.8", HASH, null), organisation))
                .extracting(CheckResult::reasonCode)
                .contains(ReasonCode.OWNER_MISMATCH);
    }

    @Test
    void aVoidedCertificateIsNotValid() {
        FarmMachineryCertificate voided = certificate(FarmMachineryCertificate.OwnerKind.PERSON);
        voided.status = ScrapCertificateRecord.Status.VOIDED;
        assertThat(FarmMachineryChecks.of(claim("TRACTOR", "58.8", HASH, null), voided))
                .extracting(CheckResult::reasonCode)
                .contains(ReasonCode.CERTIFICATE_NOT_VALID);
    }
}
