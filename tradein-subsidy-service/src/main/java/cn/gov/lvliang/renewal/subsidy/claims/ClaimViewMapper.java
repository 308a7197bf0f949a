package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.subsidy.certificates.ScrapCertificateRecord;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.ApplicantView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.CheckView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.ClaimView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceKindView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.ItemView;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeCategory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/**
 * A claim as the API shows it ({@link ClaimView}): masked applicant, item, amount, state, risk,
 * deadlines, and, for a single claim, its checks and evidence (申请材料) with their completeness.
 */
@ApplicationScoped
public class ClaimViewMapper {

    /** A claim's evidence documents and its completeness per required kind. */
    record Evidence(List<EvidenceView> documents, List<EvidenceKindView> completeness) {}

    private static final Evidence NONE = new Evidence(List.of(), List.of());

    private final ClaimEvidence evidence;
    private final Clock clock;

    public ClaimViewMapper(ClaimEvidence evidence, Clock clock) {
        this.evidence = evidence;
        this.clock = clock;
    }

    /** The claim with every check and its evidence, as a single claim is shown. */
    ClaimView view(Claim claim) {
        return view(claim, checksOf(claim), evidenceOf(claim));
    }

    /**
     * A claim just filed, with {@code checks} (not read back): it has no evidence yet, since its id
     * was made in this transaction, so none is read.
     */
    ClaimView filed(Claim claim, List<ClaimCheck> checks) {
        return view(claim, checks, new Evidence(List.of(), evidence.nothingYet(ClaimQueries.requiredEvidence(claim))));
    }

    /** The claim as listings show it: without checks and evidence. */
    ClaimView listed(Claim claim) {
        return view(claim, List.of(), NONE);
    }

    /** The claim's checks in run and id order. */
    static List<ClaimCheck> checksOf(Claim claim) {
        return ClaimCheck.list("claimId = ?1 order by run, id", claim.id);
    }

    Evidence evidenceOf(Claim claim) {
        return new Evidence(
                evidence.documents(claim.id), evidence.completeness(claim.id, ClaimQueries.requiredEvidence(claim)));
    }

    /**
     * The claim as the API shows it, with {@code records}, its checks in run and id order, and its
     * evidence (empty in listings).
     */
    ClaimView view(Claim c, List<ClaimCheck> records, Evidence evidenceNow) {
        List<CheckView> checks = records.stream()
                .map(k -> new CheckView(k.run, k.code, k.outcome, k.reasonCode, k.evidence, k.checkedAt))
                .toList();
        return new ClaimView(
                c.id,
                c.claimNumber,
                c.programmeId,
                c.category,
                c.ruleVersion,
                c.county,
                c.sellerCreditCode,
                new ApplicantView(
                        c.applicantNameMasked,
                        c.applicantCreditCode == null ? c.applicantIdMasked : null,
                        c.bankAccountMasked,
                        c.applicantCreditCode),
                c.purchaseDate,
                new ItemView(
                        c.productCategory,
                        c.model,
                        c.serialNumber,
                        c.invoiceNumber,
                        c.priceFen,
                        c.efficiencyGrade,
                        c.scrapCertificateNumber,
                        c.oldVin,
                        c.newVin,
                        c.newCarPowerType,
                        c.newCarDisplacementMl,
                        HomeItemClaims.views(c)),
                c.amountFen,
                c.computation,
                c.status,
                c.waitingForCertificate,
                c.collectionRequired,
                c.oldItemCollectedOn,
                c.reasonCode,
                c.reasonNote,
                c.flagList(),
                RiskSummary.of(c.flagList()),
                c.overdue(Instant.now(clock)),
                c.submittedAt,
                c.acceptDue,
                c.reviewDue,
                c.payDue,
                c.reviewedBy,
                c.approvedAt,
                c.paidAt,
                c.paidAmountFen,
                checks,
                evidenceNow.documents(),
                evidenceNow.completeness(),
                c.version,
                truckView(c),
                c.machineType == null
                        ? null
                        : new ClaimViews.FarmMachineryView(c.scrapCertificateNumber, c.machineType, c.machinePowerKw));
    }

    /** A truck claim's truck, with the deregistration its payment waits for (decision 0039). */
    private static ClaimViews.TruckView truckView(Claim c) {
        if (c.category != ProgrammeCategory.OLD_DIESEL_TRUCK) {
            return null;
        }
        ScrapCertificateRecord certificate = ScrapCertificateRecord.findById(c.scrapCertificateNumber);
        LocalDate deregisteredOn = certificate == null ? null : certificate.deregisteredOn;
        boolean open = !EnumSet.of(ClaimStatus.REJECTED, ClaimStatus.WITHDRAWN, ClaimStatus.PAID)
                .contains(c.status);
        return new ClaimViews.TruckView(
                c.oldVin,
                c.truckEmissionStandard,
                c.truckClass,
                c.operatingLicenceNumber,
                c.newTruck,
                c.deregistrationRequired,
                deregisteredOn,
                open && c.deregistrationRequired && deregisteredOn == null);
    }
}
