package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeCategory;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleParameters;
import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A subsidy claim (补贴申请). Its state changes only through the methods below, which enforce the
 * moves of {@link ClaimStatus}, maker-checker, reason codes and the deadline timers.
 */
@Entity
@Table(name = "claim")
public class Claim extends PanacheEntityBase {

    /** 受理时限: accept within 3 days. */
    public static final Duration ACCEPT_WITHIN = Duration.ofDays(3);
    /** 审核时限: review within 15 days of acceptance. */
    public static final Duration REVIEW_WITHIN = Duration.ofDays(15);
    /** 支付时限: pay within 30 days of approval. */
    public static final Duration PAY_WITHIN = Duration.ofDays(30);

    @Id
    public UUID id;

    /**
     * 受理编号, such as {@code LL-141124-2026-000123}: given by the database when the claim is
     * inserted (trigger of V13, decision 0028), per county and year of filing.
     */
    @Generated
    @Column(name = "claim_number", insertable = false, updatable = false)
    public String claimNumber;

    @Column(name = "programme_id", nullable = false)
    public String programmeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProgrammeCategory category;

    @Column(name = "rule_version_id", nullable = false)
    public Long ruleVersionId;

    @Column(name = "rule_version", nullable = false)
    public int ruleVersion;

    @Column(nullable = false)
    public String county;

    @Column(name = "seller_credit_code", nullable = false)
    public String sellerCreditCode;

    @Column(name = "filed_by_role", nullable = false)
    public String filedByRole;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "applicant_id_hash", nullable = false)
    public String applicantIdHash;

    @Column(name = "applicant_id_encrypted", nullable = false)
    public String applicantIdEncrypted;

    @Column(name = "applicant_id_masked", nullable = false)
    public String applicantIdMasked;

    /** 统一社会信用代码 of an organisation applicant (V19, decision 0039); null for a person. */
    @Column(name = "applicant_credit_code")
    public String applicantCreditCode;

    @Column(name = "applicant_name_encrypted", nullable = false)
    public String applicantNameEncrypted;

    @Column(name = "applicant_name_masked", nullable = false)
    public String applicantNameMasked;

    @Column(name = "applicant_phone_encrypted")
    public String applicantPhoneEncrypted;

    /** Keyed hash of the phone, to search by (ApplicantData.phoneHash); null when no phone was given. */
    @Column(name = "applicant_phone_hash")
    public String applicantPhoneHash;

    @Column(name = "bank_account_encrypted", nullable = false)
    public String bankAccountEncrypted;

    @Column(name = "bank_account_masked", nullable = false)
    public String bankAccountMasked;

    /** Keyed hash of the bank account, to match claims paying into one account (ApplicantData.bankAccountHash). */
    @Column(name = "bank_account_hash")
    public String bankAccountHash;

    @Column(name = "delivery_address_hash")
    public String deliveryAddressHash;

    @Column(name = "delivery_address_encrypted")
    public String deliveryAddressEncrypted;

    /** The claimant in events: a keyed hash unrelated to the matching hash. */
    @Column(name = "claimant_pseudonym", nullable = false)
    public String claimantPseudonym;

    @Column(name = "purchase_date", nullable = false)
    public LocalDate purchaseDate;

    @Column(name = "product_category")
    public String productCategory;

    public String model;

    @Column(name = "serial_number")
    public String serialNumber;

    @Column(name = "invoice_number", nullable = false)
    public String invoiceNumber;

    @Column(name = "price_fen", nullable = false)
    public long priceFen;

    @Column(name = "efficiency_grade")
    public Integer efficiencyGrade;

    @Column(name = "scrap_certificate_number")
    public String scrapCertificateNumber;

    @Column(name = "old_vin")
    public String oldVin;

    @Column(name = "new_vin")
    public String newVin;

    @Column(name = "new_car_power_type")
    public String newCarPowerType;

    @Column(name = "new_car_displacement_ml")
    public Integer newCarDisplacementMl;

    /** 老旧营运柴油货车 (V17, decision 0039): the truck's emission standard; its VIN is {@link #oldVin}. */
    @Enumerated(EnumType.STRING)
    @Column(name = "truck_emission_standard")
    public ClaimViews.EmissionStandard truckEmissionStandard;

    @Enumerated(EnumType.STRING)
    @Column(name = "truck_class")
    public ClaimViews.TruckClass truckClass;

    /** 道路运输证号. */
    @Column(name = "operating_licence_number")
    public String operatingLicenceNumber;

    /** What replaces the truck; a new truck's VIN is {@link #newVin}. */
    @Enumerated(EnumType.STRING)
    @Column(name = "new_truck")
    public ClaimViews.NewTruck newTruck;

    /** The rule version's truck.deregistrationBeforePayment, fixed when the claim is filed. */
    @Column(name = "deregistration_required", nullable = false)
    public boolean deregistrationRequired;

    /** 农机报废更新 (V17): the machine type and power; its certificate is {@link #scrapCertificateNumber}. */
    @Column(name = "machine_type")
    public String machineType;

    @Column(name = "machine_power_kw")
    public java.math.BigDecimal machinePowerKw;

    /** The limit group of the rule version filed under (限额组, V16), if it names one. */
    @Column(name = "limit_group")
    public String limitGroup;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    @Column(nullable = false)
    public String computation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClaimStatus status;

    @Column(name = "waiting_for_certificate", nullable = false)
    public boolean waitingForCertificate;

    /** The rule version in force asks for the old item to be collected before payment (换新+回收). */
    @Column(name = "collection_required", nullable = false)
    public boolean collectionRequired;

    /** When recycling-service recorded the collection of the old item, if it has. */
    @Column(name = "old_item_collected_on")
    public LocalDate oldItemCollectedOn;

    /** recycling-service's record of that collection. */
    @Column(name = "collection_record_id")
    public String collectionRecordId;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code")
    public ReasonCode reasonCode;

    @Column(name = "reason_note")
    public String reasonNote;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] flags = new String[0];

    /** 风险等级 of the flags ({@link RiskSummary}), kept with them so that listings filter by it (V16). */
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level", nullable = false)
    public RiskLevel riskLevel = RiskLevel.LOW;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "accept_due", nullable = false)
    public Instant acceptDue;

    @Column(name = "review_due")
    public Instant reviewDue;

    @Column(name = "pay_due")
    public Instant payDue;

    @Column(name = "payment_batch_id")
    public UUID paymentBatchId;

    @Column(name = "paid_amount_fen", nullable = false)
    public long paidAmountFen;

    @Version
    public long version;

    /** State changes not yet written to the audit trail; drained by the service. */
    @Transient
    final List<ClaimTransition> pendingTransitions = new ArrayList<>();

    /** A new claim, submitted now by {@code submitter}. */
    public static Claim submitted(String submitter, Clock clock) {
        Claim claim = new Claim();
        claim.id = UUID.randomUUID();
        claim.status = ClaimStatus.SUBMITTED;
        claim.submittedBy = submitter;
        claim.submittedAt = Instant.now(clock);
        claim.acceptDue = claim.submittedAt.plus(ACCEPT_WITHIN);
        claim.record(null, ClaimStatus.SUBMITTED, submitter, null, null, claim.submittedAt);
        return claim;
    }

    /** 受理: the automatic checks start. */
    public void startVerification(String actor, Clock clock) {
        Instant now = Instant.now(clock);
        move(ClaimStatus.VERIFYING, actor, null, null, now);
        acceptedAt = now;
        reviewDue = now.plus(REVIEW_WITHIN);
    }

    /**
     * recycling-service collected the old item. The first record counts; later ones for the same
     * claim change nothing, whatever the claim's state.
     *
     * @return whether this changed the claim
     */
    public boolean oldItemCollected(String recordId, LocalDate collectedOn) {
        if (oldItemCollectedOn != null) {
            return false;
        }
        oldItemCollectedOn = collectedOn;
        collectionRecordId = recordId;
        return true;
    }

    /**
     * What this claim earns under {@code rule}: by the truck table for old diesel trucks, by the
     * power bands for farm machinery, by the price (and the new car) otherwise.
     */
    public SubsidyCalculator.Result amountUnder(RuleParameters rule) {
        return switch (category) {
            case OLD_DIESEL_TRUCK ->
                SubsidyCalculator.truck(
                        rule,
                        new SubsidyCalculator.TruckPurchase(
                                truckClass.name(), truckEmissionStandard.name(), newTruck.name()));
            case FARM_MACHINERY_SCRAPPAGE ->
                SubsidyCalculator.farmMachine(rule, new SubsidyCalculator.MachinePurchase(machineType, machinePowerKw));
            default ->
                SubsidyCalculator.compute(
                        rule,
                        new SubsidyCalculator.Purchase(
                                priceFen, efficiencyGrade, productCategory, newCarPowerType, newCarDisplacementMl));
        };
    }

    /** A check waits for data that has not arrived (a scrap certificate). */
    public void waitForCertificate() {
        requireStatus(ClaimStatus.VERIFYING, "wait");
        waitingForCertificate = true;
    }

    /** All checks passed (flags allowed): the claim waits for a reviewer. */
    public void verified(List<String> raisedFlags, Clock clock) {
        move(ClaimStatus.PENDING_REVIEW, "system", null, null, Instant.now(clock));
        waitingForCertificate = false;
        flags = raisedFlags.toArray(String[]::new);
        riskLevel = RiskSummary.of(flagList()).level();
    }

    /** A check failed. */
    public void rejectedByCheck(ReasonCode reason, String evidence, Clock clock) {
        move(ClaimStatus.REJECTED, "system", reason, evidence, Instant.now(clock));
        waitingForCertificate = false;
        reasonCode = reason;
        reasonNote = evidence;
    }

    /** 审核通过, with the budget reserved. */
    public void approve(String reviewer, Clock clock) {
        makerChecker(reviewer);
        Instant now = Instant.now(clock);
        move(ClaimStatus.APPROVED, reviewer, null, null, now);
        reviewedBy = reviewer;
        reviewedAt = reviewedAt == null ? now : reviewedAt;
        approvedAt = now;
        payDue = now.plus(PAY_WITHIN);
    }

    /** 审核通过, but the budget cannot cover it yet: the claim queues for funds. */
    public void queueForFunds(String reviewer, Clock clock) {
        makerChecker(reviewer);
        Instant now = Instant.now(clock);
        move(ClaimStatus.QUEUED, reviewer, ReasonCode.BUDGET_EXHAUSTED, null, now);
        reviewedBy = reviewer;
        reviewedAt = now;
    }

    /** 驳回, always with a reason. */
    public void reject(String reviewer, ReasonCode reason, String note, Clock clock) {
        makerChecker(reviewer);
        requireReason(reason, note);
        Instant now = Instant.now(clock);
        move(ClaimStatus.REJECTED, reviewer, reason, note, now);
        reviewedBy = reviewer;
        reviewedAt = now;
        reasonCode = reason;
        reasonNote = note;
    }

    /** 退回补正, always with a reason. */
    public void returnForCorrection(String reviewer, ReasonCode reason, String note, Clock clock) {
        makerChecker(reviewer);
        requireReason(reason, note);
        Instant now = Instant.now(clock);
        move(ClaimStatus.RETURNED, reviewer, reason, note, now);
        reviewedBy = reviewer;
        reviewedAt = now;
        reasonCode = reason;
        reasonNote = note;
    }

    /** 撤回 by the filer; an approved claim only while it is not in a payment batch. */
    public void withdraw(String actor, Clock clock) {
        if (paymentBatchId != null) {
            throw Problems.conflict("claim-state", "detail.claim-state", id, status, "withdraw (in a payment batch)");
        }
        move(ClaimStatus.WITHDRAWN, actor, null, null, Instant.now(clock));
    }

    /** 重新提交 after a return: the checks run again. */
    public void resubmit(String actor, Clock clock) {
        Instant now = Instant.now(clock);
        move(ClaimStatus.SUBMITTED, actor, null, null, now);
        submittedAt = now;
        acceptDue = now.plus(ACCEPT_WITHIN);
        reasonCode = null;
        reasonNote = null;
        reviewedBy = null;
        reviewedAt = null;
        approvedAt = null;
        payDue = null;
        paymentBatchId = null;
    }

    /** Put into a payment batch. */
    public void batched(UUID batchId) {
        requireStatus(ClaimStatus.APPROVED, "batch");
        if (paymentBatchId != null) {
            throw Problems.conflict("claim-state", "detail.claim-state", id, status, "batch");
        }
        paymentBatchId = batchId;
    }

    /** 支付成功. */
    public void paid(long amount, Clock clock) {
        Instant now = Instant.now(clock);
        move(ClaimStatus.PAID, "treasury", null, null, now);
        paidAt = now;
        paidAmountFen += amount;
    }

    /** A top-up of a paid claim was paid. */
    public void toppedUp(long amount) {
        requireStatus(ClaimStatus.PAID, "top-up");
        paidAmountFen += amount;
    }

    /** 支付失败: retried in a later batch, or returned for correction (its reservation released). */
    public void paymentFailed(boolean retry, String reason, Clock clock) {
        requireStatus(ClaimStatus.APPROVED, "payment-failed");
        paymentBatchId = null;
        if (!retry) {
            Instant now = Instant.now(clock);
            move(ClaimStatus.RETURNED, "treasury", ReasonCode.PAYMENT_FAILED, reason, now);
            reasonCode = ReasonCode.PAYMENT_FAILED;
            reasonNote = reason;
            approvedAt = null;
            payDue = null;
        }
    }

    /** 超时: the deadline of the current stage has passed. */
    public boolean overdue(Instant now) {
        Instant due = switch (status) {
            case SUBMITTED -> acceptDue;
            case VERIFYING, PENDING_REVIEW, QUEUED -> reviewDue;
            case APPROVED -> payDue;
            default -> null;
        };
        return due != null && now.isAfter(due);
    }

    /** A check made after verification (on the evidence) raised {@code flag}; raised once. */
    public void raiseFlag(String flag) {
        if (!flagList().contains(flag)) {
            String[] raised =
                    Arrays.copyOf(flagList().toArray(String[]::new), flagList().size() + 1);
            raised[raised.length - 1] = flag;
            flags = raised;
            riskLevel = RiskSummary.of(flagList()).level();
        }
    }

    public List<String> flagList() {
        return flags == null ? List.of() : Arrays.asList(flags);
    }

    /** Maker-checker (审核与申报分离): the reviewer is never the one who filed the claim. */
    public void requireReviewerIsNotSubmitter(String reviewer) {
        makerChecker(reviewer);
    }

    private void makerChecker(String reviewer) {
        if (reviewer == null || reviewer.equals(submittedBy)) {
            throw Problems.forbidden("maker-checker", "detail.maker-checker", id);
        }
    }

    private static void requireReason(ReasonCode reason, String note) {
        if (reason == null) {
            throw Problems.invalidField("reasonCode", null, "field.required");
        }
        if (reason == ReasonCode.OTHER && (note == null || note.isBlank())) {
            throw Problems.invalidField("note", null, "field.note-required-for-other");
        }
    }

    private void requireStatus(ClaimStatus expected, String action) {
        if (status != expected) {
            throw Problems.conflict("claim-state", "detail.claim-state", id, status, action);
        }
    }

    private void move(ClaimStatus next, String actor, ReasonCode reason, String note, Instant at) {
        if (!status.canMoveTo(next)) {
            throw Problems.conflict("claim-state", "detail.claim-state", id, status, next);
        }
        ClaimStatus from = status;
        status = next;
        record(from, next, actor, reason, note, at);
    }

    private void record(ClaimStatus from, ClaimStatus to, String actor, ReasonCode reason, String note, Instant at) {
        ClaimTransition t = new ClaimTransition();
        t.claimId = id;
        t.fromStatus = from;
        t.toStatus = to;
        t.actor = actor;
        t.reasonCode = reason;
        t.note = note;
        t.at = at;
        pendingTransitions.add(t);
    }

    /** 申请复核: a rejected claim is appealed; it waits for a reviewer's decision. */
    public void appeal(String actor, String reason, Clock clock) {
        move(ClaimStatus.APPEALED, actor, null, reason, Instant.now(clock));
    }

    /**
     * 复核驳回: the appeal is dismissed, the rejection stands for good (the reason code of the
     * rejection is kept).
     */
    public void appealDismissed(String reviewer, String note, Clock clock) {
        requireStatus(ClaimStatus.APPEALED, "dismiss-appeal");
        makerChecker(reviewer);
        move(ClaimStatus.REJECTED, reviewer, reasonCode, note, Instant.now(clock));
    }

    /** The audit records of the changes since the last call. */
    public List<ClaimTransition> drainTransitions() {
        List<ClaimTransition> drained = List.copyOf(pendingTransitions);
        pendingTransitions.clear();
        return drained;
    }
}
