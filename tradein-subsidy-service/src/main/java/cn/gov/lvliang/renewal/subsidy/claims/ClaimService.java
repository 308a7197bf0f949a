package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.audit.RequestAudit;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.pii.Masking;
import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.budget.BudgetLedger;
import cn.gov.lvliang.renewal.subsidy.certificates.CertificateChanged;
import cn.gov.lvliang.renewal.subsidy.certificates.CertificatesChanged;
import cn.gov.lvliang.renewal.subsidy.certificates.ScrapCertificateRecord;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.ApplicantView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.CheckView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.ClaimView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.Corrections;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.CreateClaim;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceKindView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceState;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.ItemView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.Resubmission;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.Review;
import cn.gov.lvliang.renewal.subsidy.programmes.Jurisdiction;
import cn.gov.lvliang.renewal.subsidy.programmes.Programme;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeCategory;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleBook;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleParameters;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleVersion;
import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Use cases of claims: filing with automatic verification, review, withdrawal, resubmission. */
@ApplicationScoped
public class ClaimService {

    static final String APPLICANT_ID = "claim.applicant_id";
    static final String APPLICANT_NAME = "claim.applicant_name";
    /** The field the applicant's phone is encrypted under (also read by notices). */
    public static final String APPLICANT_PHONE = "claim.applicant_phone";

    static final String BANK_ACCOUNT = "claim.bank_account";
    static final String DELIVERY_ADDRESS = "claim.delivery_address";
    /** Domain separation of the claimant pseudonym from the matching hash of the ID number. */
    private static final String PSEUDONYM_PREFIX = "subsidy-claimant:";
    /** Domain separation of the phone's search hash. */
    private static final String PHONE_HASH_PREFIX = "subsidy-phone:";
    /** Domain separation of the bank account's matching hash. */
    private static final String BANK_ACCOUNT_HASH_PREFIX = "subsidy-bank-account:";

    /** Domain separation of an organisation applicant's credit code from ID numbers (decision 0039). */
    private static final String ORGANISATION_PREFIX = "organisation:";

    private static final int FIRST_RUN = 1;

    private final PiiProtection pii;
    private final RuleBook rules;
    private final ClaimVerifier verifier;
    private final ClaimEvents events;
    private final BudgetLedger ledger;
    private final IdempotencyKeys keys;
    private final EntityManager em;
    private final RequestAudit requestAudit;
    private final ClaimEvidence evidence;
    private final Clock clock;

    public ClaimService(
            PiiProtection pii,
            RuleBook rules,
            ClaimVerifier verifier,
            ClaimEvents events,
            BudgetLedger ledger,
            IdempotencyKeys keys,
            EntityManager em,
            RequestAudit requestAudit,
            ClaimEvidence evidence,
            Clock clock) {
        this.pii = pii;
        this.rules = rules;
        this.verifier = verifier;
        this.events = events;
        this.ledger = ledger;
        this.keys = keys;
        this.em = em;
        this.requestAudit = requestAudit;
        this.evidence = evidence;
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
        String role = filerRole(request, caller);
        Programme programme = openProgramme(request.programmeId());
        requireJurisdiction(programme, request.county());
        LocalDate purchaseDate = request.purchaseDate();
        if (purchaseDate.isAfter(LocalDate.now(clock.withZone(ClaimVerifier.CHINA)))) {
            throw Problems.invalidField("purchaseDate", purchaseDate, "field.date-in-future");
        }
        requireItems(request, programme.category);
        requireApplicant(request.applicant(), programme.category);
        RuleVersion version = rules.inForce(programme.id, purchaseDate)
                .orElseThrow(() -> Problems.unprocessable(
                        "no-rule-in-force", "detail.no-rule-in-force", programme.id, purchaseDate));
        RuleParameters parameters = rules.parameters(version);

        if (programme.category.hasItemList()) {
            HomeItemClaims.requireCatalogued(request.renovation(), parameters, programme.id);
        }

        Claim claim = newClaim(request, caller, role, programme, version);
        claim.limitGroup = parameters.limits().limitGroup();
        claim.deregistrationRequired =
                parameters.truck() != null && parameters.truck().deregistrationBeforePayment();
        List<ClaimHomeItem> homeItems = programme.category.hasItemList()
                ? HomeItemClaims.fill(claim, request.renovation(), parameters)
                : List.of();
        if (homeItems.isEmpty()) {
            compute(claim, parameters);
        }
        claim.persist();
        em.flush();
        ClaimHomeItem.persist(homeItems);
        em.flush();
        events.submitted(claim);

        claim.startVerification("system", clock);
        List<ClaimCheck> checks = runChecks(claim, parameters, FIRST_RUN);
        em.flush();
        // a new claim has no checks but these: no need to read them back
        ClaimView view = view(claim, checks);
        keys.completeIfClaimed(idempotency, 201, view);
        // The endpoint takes its Idempotency-Key in transactions of its own (@OwnTransactions), so
        // the audit interceptor leaves it alone: the filing is recorded here, in its transaction.
        requestAudit.recordInCurrentTransaction(201);
        return view;
    }

    /** The programme a claim is filed under: 400 when unknown, 422 when closed (停止受理). */
    private static Programme openProgramme(String programmeId) {
        Programme programme = Programme.findById(programmeId);
        if (programme == null) {
            throw Problems.invalidField("programmeId", programmeId, "field.unknown-programme");
        }
        if (programme.closed()) {
            throw Problems.unprocessable(
                    "programme-closed", "detail.programme-closed", programme.id, programme.closedAt);
        }
        return programme;
    }

    /**
     * 受理范围: a county programme takes its county's claims only, a city programme its counties';
     * 422 with a field error on {@code county} otherwise.
     */
    private static void requireJurisdiction(Programme programme, String county) {
        if (!Jurisdiction.covers(programme.jurisdiction, county)) {
            throw new ProblemException(
                    422,
                    "outside-jurisdiction",
                    "detail.outside-jurisdiction",
                    List.of(new ProblemException.FieldViolation(
                            "county", county, "field.outside-jurisdiction", programme.jurisdiction)),
                    programme.id,
                    programme.jurisdiction,
                    county);
        }
    }

    /** A new, submitted claim with the request's applicant and item, under {@code version}. */
    private Claim newClaim(CreateClaim request, Caller caller, String role, Programme programme, RuleVersion version) {
        Claim claim = Claim.submitted(caller.subject(), clock);
        claim.programmeId = programme.id;
        claim.category = programme.category;
        claim.ruleVersionId = version.id;
        claim.ruleVersion = version.version;
        claim.collectionRequired = version.collectionRequired;
        claim.county = request.county();
        claim.sellerCreditCode = request.sellerCreditCode();
        claim.filedByRole = role;
        claim.purchaseDate = request.purchaseDate();
        applicant(claim, request.applicant());
        if (request.appliance() != null) {
            appliance(claim, request.appliance());
        } else if (request.car() != null) {
            car(claim, request.car());
        } else if (request.truck() != null) {
            truck(claim, request.truck());
        } else if (request.farmMachinery() != null) {
            farmMachinery(claim, request.farmMachinery());
        }
        return claim;
    }

    /** 老旧营运柴油货车 (decision 0039): the truck's VIN is the old VIN; scrapped only, no invoice and price 0. */
    private static void truck(Claim claim, ClaimViews.TruckItem truck) {
        claim.oldVin = truck.vin();
        claim.truckEmissionStandard = truck.emissionStandard();
        claim.truckClass = truck.vehicleClass();
        claim.operatingLicenceNumber = truck.operatingLicenceNumber();
        claim.scrapCertificateNumber = truck.scrapCertificateNumber();
        claim.newTruck = truck.newTruck();
        claim.newVin = truck.newVin();
        claim.invoiceNumber = truck.invoiceNumber();
        claim.priceFen = truck.priceFen() == null ? 0 : truck.priceFen();
    }

    /** 农机报废更新 (decision 0039): the machine as the farm-machinery certificate names it; price 0. */
    private static void farmMachinery(Claim claim, ClaimViews.FarmMachineryItem machine) {
        claim.scrapCertificateNumber = machine.certificateNumber();
        claim.machineType = machine.machineType();
        claim.machinePowerKw = machine.powerKw();
        claim.priceFen = 0;
    }

    /** The applicant's personal data: encrypted, keyed hashes to match on, masked forms to show. */
    private void applicant(Claim claim, ClaimViews.Applicant applicant) {
        String idNumber = applicant.idNumber();
        if (applicant.creditCode() != null) {
            // an organisation (decision 0039): its keyed hash, domain-separated from ID numbers'
            claim.applicantCreditCode = applicant.creditCode();
            claim.applicantIdMasked = applicant.creditCode();
            claim.applicantIdEncrypted = pii.encrypt(applicant.creditCode(), APPLICANT_ID);
            idNumber = ORGANISATION_PREFIX + applicant.creditCode();
        } else {
            claim.applicantIdMasked = Masking.idNumber(idNumber);
            claim.applicantIdEncrypted = pii.encrypt(idNumber, APPLICANT_ID);
        }
        claim.applicantIdHash = pii.hash(idNumber);
        claim.applicantNameEncrypted = pii.encrypt(applicant.name(), APPLICANT_NAME);
        claim.applicantNameMasked = Masking.name(applicant.name());
        if (applicant.phone() != null) {
            setPhone(claim, applicant.phone());
        }
        setBankAccount(claim, applicant.bankAccount());
        claim.claimantPseudonym = pii.hash(PSEUDONYM_PREFIX + idNumber);
    }

    private void setPhone(Claim claim, String phone) {
        claim.applicantPhoneEncrypted = pii.encrypt(phone, APPLICANT_PHONE);
        claim.applicantPhoneHash = phoneHash(pii, phone);
    }

    private void setBankAccount(Claim claim, String bankAccount) {
        claim.bankAccountEncrypted = pii.encrypt(bankAccount, BANK_ACCOUNT);
        claim.bankAccountMasked = Masking.phone(bankAccount);
        claim.bankAccountHash = bankAccountHash(pii, bankAccount);
    }

    /** The keyed hash claims paying into one bank account are matched by (decision 0038). */
    static String bankAccountHash(PiiProtection pii, String bankAccount) {
        return pii.hash(BANK_ACCOUNT_HASH_PREFIX + bankAccount);
    }

    /** The keyed hash a phone is searched by; domain-separated from the ID number's hash. */
    static String phoneHash(PiiProtection pii, String phone) {
        return pii.hash(PHONE_HASH_PREFIX + phone);
    }

    private void appliance(Claim claim, ClaimViews.ApplianceItem item) {
        claim.productCategory = item.productCategory();
        claim.model = item.model();
        claim.serialNumber = item.serialNumber();
        claim.invoiceNumber = item.invoiceNumber();
        claim.priceFen = item.priceFen();
        claim.efficiencyGrade = item.efficiencyGrade();
        String address = item.deliveryAddress().strip();
        claim.deliveryAddressHash = pii.hash(address);
        claim.deliveryAddressEncrypted = pii.encrypt(address, DELIVERY_ADDRESS);
    }

    private static void car(Claim claim, ClaimViews.CarItem car) {
        claim.scrapCertificateNumber = car.scrapCertificateNumber();
        claim.oldVin = car.oldVin();
        claim.newVin = car.newVin();
        claim.newCarPowerType = car.newCarPowerType();
        claim.newCarDisplacementMl = car.newCarDisplacementMl();
        claim.invoiceNumber = car.invoiceNumber();
        claim.priceFen = car.priceFen();
    }

    private static void compute(Claim claim, RuleParameters parameters) {
        SubsidyCalculator.Result result = claim.amountUnder(parameters);
        if (result instanceof SubsidyCalculator.Amount amount) {
            claim.amountFen = amount.amountFen();
            claim.computation = "rule v" + claim.ruleVersion + ": " + amount.formula();
        } else {
            SubsidyCalculator.NotEligible no = (SubsidyCalculator.NotEligible) result;
            claim.amountFen = 0;
            claim.computation = "rule v" + claim.ruleVersion + ": not eligible (" + no.reason() + ")";
        }
    }

    /** Runs the checks as the claim's next run, records them, and moves the claim accordingly. */
    private void runChecks(Claim claim, RuleParameters parameters) {
        Integer last = ClaimCheck.find("select max(run) from ClaimCheck where claimId = ?1", claim.id)
                .project(Integer.class)
                .firstResult();
        runChecks(claim, parameters, last == null ? FIRST_RUN : last + 1);
    }

    /** Runs the checks as run {@code run}, records them, moves the claim accordingly, and returns the records. */
    private List<ClaimCheck> runChecks(Claim claim, RuleParameters parameters, int run) {
        List<CheckResult> results = verifier.verify(claim, parameters);
        Instant now = Instant.now(clock);
        List<ClaimCheck> checks = new ArrayList<>();
        for (CheckResult result : results) {
            ClaimCheck check = new ClaimCheck();
            check.claimId = claim.id;
            check.run = run;
            check.code = result.code();
            check.outcome = result.outcome();
            check.reasonCode = result.reasonCode();
            check.evidence = result.evidence();
            check.checkedAt = now;
            check.persist();
            checks.add(check);
        }
        CheckResult failed = results.stream()
                .filter(r -> r.outcome() == CheckResult.Outcome.FAILED)
                .findFirst()
                .orElse(null);
        if (failed != null) {
            claim.rejectedByCheck(failed.reasonCode(), failed.code() + ": " + failed.evidence(), clock);
            releaseUses(claim);
            audit(claim);
            events.rejected(claim);
        } else if (results.stream().anyMatch(r -> r.outcome() == CheckResult.Outcome.WAITING)) {
            claim.waitForCertificate();
            audit(claim);
        } else {
            claim.verified(
                    results.stream()
                            .filter(r -> r.outcome() == CheckResult.Outcome.FLAGGED)
                            .map(CheckResult::code)
                            .toList(),
                    clock);
            audit(claim);
            events.verified(claim);
        }
        return checks;
    }

    /** 审核通过: reserves the amount in the budget, or queues / refuses as the programme says. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public ClaimView approve(UUID id, Review review, Caller caller) {
        Claim claim = reviewable(id, caller, review);
        if (claim.status != ClaimStatus.PENDING_REVIEW) {
            throw Problems.conflict("claim-state", "detail.claim-state", id, claim.status, "approve");
        }
        // read before the budget row is locked, which the reservation holds until commit
        Evidence evidenceNow = evidenceOf(claim);
        requireEvidence(claim, evidenceNow.completeness());
        Programme programme = Programme.findById(claim.programmeId);
        if (ledger.reserve(
                programme, claim.county, BudgetLedger.Purpose.claim(claim.id), claim.amountFen, caller.subject())) {
            claim.approve(caller.subject(), clock);
            audit(claim);
            events.approved(claim);
        } else if (programme.whenExhausted == Programme.WhenExhausted.QUEUE) {
            claim.queueForFunds(caller.subject(), clock);
            audit(claim);
        } else {
            // The claim stays pending review; the budget.exhausted announcement is kept.
            throw Problems.conflict("budget-exhausted", "detail.budget-exhausted", claim.programmeId, claim.county);
        }
        em.flush();
        return view(claim, checksOf(claim), evidenceNow);
    }

    /**
     * 材料齐全: every kind of evidence the claim's rule version requires is uploaded or waived;
     * otherwise 409 naming the missing kinds.
     */
    private static void requireEvidence(Claim claim, List<EvidenceKindView> completeness) {
        List<String> missing = completeness.stream()
                .filter(k -> k.state() == EvidenceState.MISSING)
                .map(EvidenceKindView::kind)
                .toList();
        if (!missing.isEmpty()) {
            throw Problems.conflict(
                    "evidence-missing", "detail.evidence-missing", claim.id, String.join(", ", missing));
        }
    }

    /** The kinds of evidence the claim's rule version requires (申请材料清单). */
    public List<String> requiredEvidence(Claim claim) {
        RuleVersion version = RuleVersion.findById(claim.ruleVersionId);
        return version.evidenceRequired == null ? List.of() : List.of(version.evidenceRequired);
    }

    /** The claim, when the caller may read it; 404 otherwise (evidence downloads). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Claim readableClaim(UUID id, Caller caller) {
        return scoped(id, ClaimScope.readable(caller));
    }

    /** The claim, when the caller may act on it as its filer; 404 otherwise (evidence uploads). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Claim fileableClaim(UUID id, Caller caller) {
        return scoped(id, ClaimScope.fileable(caller));
    }

    /** The claim, when the caller may review it and did not file it (evidence waivers). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Claim reviewableClaim(UUID id, Caller caller) {
        Claim claim = scoped(id, ClaimScope.reviewable(caller));
        claim.requireReviewerIsNotSubmitter(caller.subject());
        return claim;
    }

    /**
     * Records a check made after verification (the e-invoice cross-check, the nightly cross-claim
     * sweep) in the claim's latest verification run; a flagged check raises its flag on the claim.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEvidenceCheck(Claim claim, CheckResult result) {
        Integer last = ClaimCheck.find("select max(run) from ClaimCheck where claimId = ?1", claim.id)
                .project(Integer.class)
                .firstResult();
        ClaimCheck check = new ClaimCheck();
        check.claimId = claim.id;
        check.run = last == null ? FIRST_RUN : last;
        check.code = result.code();
        check.outcome = result.outcome();
        check.reasonCode = result.reasonCode();
        check.evidence = result.evidence();
        check.checkedAt = Instant.now(clock);
        check.persist();
        if (result.outcome() == CheckResult.Outcome.FLAGGED) {
            claim.raiseFlag(result.code());
        }
    }

    /**
     * 复核成立: an upheld appeal sends the claim back to review. The automatic checks run again as a
     * new run (the rejection gave back its certificate, invoice and serial number, which are claimed
     * again here); the claim then waits for a reviewer, or is rejected again by a failing check.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void verifyAgain(Claim claim, String actor) {
        claim.startVerification(actor, clock);
        runChecks(claim, rules.parameters(RuleVersion.findById(claim.ruleVersionId)));
    }

    /** Writes the claim's pending state changes to its audit trail (claim_transition). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordTransitions(Claim claim) {
        audit(claim);
    }

    /** Funds queued claims, first approved first, when money arrives. */
    void onFundsAllocated(@Observes BudgetLedger.FundsAllocated allocated) {
        List<Claim> queued = Claim.list(
                "programmeId = ?1 and county = ?2 and status = ?3 order by reviewedAt, id",
                allocated.programmeId(),
                allocated.county(),
                ClaimStatus.QUEUED);
        Programme programme = Programme.findById(allocated.programmeId());
        for (Claim claim : queued) {
            if (!ledger.reserve(
                    programme, claim.county, BudgetLedger.Purpose.claim(claim.id), claim.amountFen, "system")) {
                return;
            }
            claim.approve(claim.reviewedBy, clock);
            audit(claim);
            events.approved(claim);
        }
    }

    @Transactional
    public ClaimView reject(UUID id, Review review, Caller caller) {
        Claim claim = reviewable(id, caller, review);
        claim.reject(caller.subject(), review.reasonCode(), review.note(), clock);
        releaseUses(claim);
        audit(claim);
        events.rejected(claim);
        return flushed(claim);
    }

    @Transactional
    public ClaimView returnForCorrection(UUID id, Review review, Caller caller) {
        Claim claim = reviewable(id, caller, review);
        claim.returnForCorrection(caller.subject(), review.reasonCode(), review.note(), clock);
        audit(claim);
        events.returned(claim);
        return flushed(claim);
    }

    @Transactional
    public ClaimView withdraw(UUID id, Review review, Caller caller) {
        Claim claim = scoped(id, ClaimScope.fileable(caller));
        stale(claim, review);
        boolean approved = claim.status == ClaimStatus.APPROVED;
        claim.withdraw(caller.subject(), clock);
        if (approved) {
            ledger.release(BudgetLedger.Purpose.claim(claim.id), caller.subject());
        }
        releaseUses(claim);
        audit(claim);
        return flushed(claim);
    }

    /** 补正后重新提交: the corrections are applied and the checks run again. */
    @Transactional
    public ClaimView resubmit(UUID id, Resubmission resubmission, Caller caller) {
        Claim claim = scoped(id, ClaimScope.fileable(caller));
        stale(claim, new Review(resubmission.version(), null, null));
        claim.resubmit(caller.subject(), clock);
        if (resubmission.corrections() != null) {
            correct(claim, resubmission.corrections());
        }
        RuleVersion version = RuleVersion.findById(claim.ruleVersionId);
        claim.startVerification("system", clock);
        runChecks(claim, rules.parameters(version));
        return flushed(claim);
    }

    /**
     * Applies the corrections of a returned claim. A new invoice number gives up the old one's use,
     * so that the uniqueness check runs on the new number.
     */
    private void correct(Claim claim, Corrections corrections) {
        if (corrections.phone() != null) {
            setPhone(claim, corrections.phone());
        }
        if (corrections.bankAccount() != null) {
            setBankAccount(claim, corrections.bankAccount());
        }
        if (corrections.deliveryAddress() != null) {
            if (claim.productCategory == null) {
                throw Problems.invalidField("corrections.deliveryAddress", null, "field.appliance-only");
            }
            String address = corrections.deliveryAddress().strip();
            claim.deliveryAddressHash = pii.hash(address);
            claim.deliveryAddressEncrypted = pii.encrypt(address, DELIVERY_ADDRESS);
        }
        if (corrections.invoiceNumber() != null && claim.category.hasItemList()) {
            // each item has its invoice: withdraw and file anew (decision 0040)
            throw Problems.invalidField("corrections.invoiceNumber", null, "field.not-for-category", claim.category);
        }
        if (corrections.invoiceNumber() != null && !corrections.invoiceNumber().equals(claim.invoiceNumber)) {
            em.createNativeQuery("delete from claim_unique_use where claim_id = ?1 and kind = 'INVOICE'")
                    .setParameter(1, claim.id)
                    .executeUpdate();
            claim.invoiceNumber = corrections.invoiceNumber();
        }
    }

    /**
     * Certificates arrived, were corrected or voided (one poll of recycling-service's stream): verify
     * again the claims that wait for them or use them. One query finds the claims of every
     * certificate of the poll; the changes are then applied in their order, each to the claims of its
     * certificate that are still waiting, under review or queued.
     */
    void onCertificatesChanged(@Observes CertificatesChanged changed) {
        Set<ClaimStatus> open = EnumSet.of(ClaimStatus.VERIFYING, ClaimStatus.PENDING_REVIEW, ClaimStatus.QUEUED);
        List<Claim> affected =
                Claim.list("scrapCertificateNumber in ?1 and status in ?2", changed.certificateNumbers(), open);
        if (affected.isEmpty()) {
            return;
        }
        for (CertificateChanged change : changed.changes()) {
            for (Claim claim : affected) {
                if (!change.certificateNumber().equals(claim.scrapCertificateNumber) || !open.contains(claim.status)) {
                    continue;
                }
                if (claim.status == ClaimStatus.VERIFYING) {
                    runChecks(claim, rules.parameters(RuleVersion.findById(claim.ruleVersionId)));
                } else if (change.status() == ScrapCertificateRecord.Status.VOIDED) {
                    claim.rejectedByCheck(
                            ReasonCode.CERTIFICATE_NOT_VALID,
                            "CERTIFICATE_VALID: certificate " + change.certificateNumber() + " was voided",
                            clock);
                    releaseUses(claim);
                    audit(claim);
                    events.rejected(claim);
                }
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClaimView get(UUID id, Caller caller) {
        return view(scoped(id, ClaimScope.readable(caller)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClaimView> list(
            Caller caller,
            ClaimStatus status,
            String programmeId,
            String county,
            Boolean overdue,
            RiskLevel riskLevel,
            int page,
            int size) {
        ClaimScope scope = ClaimScope.readable(caller);
        StringBuilder query = new StringBuilder(scope.condition());
        Map<String, Object> parameters = new java.util.HashMap<>(scope.parameters());
        if (status != null) {
            query.append(" and status = :status");
            parameters.put("status", status);
        }
        if (programmeId != null) {
            query.append(" and programmeId = :programme");
            parameters.put("programme", programmeId);
        }
        if (county != null) {
            query.append(" and county = :county");
            parameters.put("county", county);
        }
        if (riskLevel != null) {
            query.append(" and riskLevel = :riskLevel");
            parameters.put("riskLevel", riskLevel);
        }
        if (Boolean.TRUE.equals(overdue)) {
            query.append(" and ((status = 'SUBMITTED' and acceptDue < :now)"
                    + " or (status in ('VERIFYING', 'PENDING_REVIEW', 'QUEUED') and reviewDue < :now)"
                    + " or (status = 'APPROVED' and payDue < :now))");
            parameters.put("now", Instant.now(clock));
        }
        return listed(query.toString(), parameters, page, size);
    }

    /** One page of the claims matching {@code condition}, newest first, as listings show them. */
    Page<ClaimView> listed(String condition, Map<String, Object> parameters, int page, int size) {
        var found = Claim.<Claim>find(condition + " order by submittedAt desc, id", parameters);
        long total = found.count();
        List<ClaimView> items =
                found.page(page, size).list().stream().map(c -> view(c, false)).toList();
        return new Page<>(items, total, page, size);
    }

    /** A claim the caller may review, at the version the reviewer read. */
    private Claim reviewable(UUID id, Caller caller, Review review) {
        Claim claim = scoped(id, ClaimScope.reviewable(caller));
        stale(claim, review);
        claim.requireReviewerIsNotSubmitter(caller.subject());
        return claim;
    }

    private static void stale(Claim claim, Review review) {
        if (review.version() != claim.version) {
            throw new ProblemException(409, "stale-version", "detail.stale-version", List.of());
        }
    }

    private static Claim scoped(UUID id, ClaimScope scope) {
        Claim claim = Claim.<Claim>find("id = :id and " + scope.condition(), scope.with("id", id))
                .firstResult();
        if (claim == null) {
            throw Problems.notFound("resource.claim", id);
        }
        return claim;
    }

    private String filerRole(CreateClaim request, Caller caller) {
        if (caller.hasAnyRole(Set.of(Roles.DEALER, Roles.RETAILER))) {
            if (!caller.enterprise().map(request.sellerCreditCode()::equals).orElse(false)) {
                throw Problems.forbidden(
                        "not-your-enterprise", "detail.not-your-enterprise", request.sellerCreditCode());
            }
            return caller.hasRole(Roles.DEALER) ? Roles.DEALER : Roles.RETAILER;
        }
        if (caller.hasRole(Roles.COUNTY_OFFICER)) {
            if (!caller.county().map(request.county()::equals).orElse(false)) {
                throw Problems.forbidden("not-your-county", "detail.not-your-county", request.county());
            }
            return Roles.COUNTY_OFFICER;
        }
        throw Problems.forbidden("forbidden", "detail.forbidden");
    }

    private static void requireItems(CreateClaim request, ProgrammeCategory category) {
        if (request.truck() != null && category != ProgrammeCategory.OLD_DIESEL_TRUCK) {
            throw Problems.invalidField("truck", null, "field.not-for-category", category);
        }
        if (request.farmMachinery() != null && category != ProgrammeCategory.FARM_MACHINERY_SCRAPPAGE) {
            throw Problems.invalidField("farmMachinery", null, "field.not-for-category", category);
        }
        if (request.renovation() != null && !category.hasItemList()) {
            throw Problems.invalidField("renovation", null, "field.not-for-category", category);
        }
        if (category.isCar()) {
            if (request.car() == null) {
                throw Problems.invalidField("car", null, "field.required");
            }
            if (request.appliance() != null) {
                throw Problems.invalidField("appliance", null, "field.not-for-category", category);
            }
            if (category == ProgrammeCategory.CAR_SCRAPPAGE && request.car().scrapCertificateNumber() == null) {
                throw Problems.invalidField("car.scrapCertificateNumber", null, "field.required");
            }
        } else if (category.isProduct()) {
            if (request.appliance() == null) {
                throw Problems.invalidField("appliance", null, "field.required");
            }
            if (request.car() != null) {
                throw Problems.invalidField("car", null, "field.not-for-category", category);
            }
        } else if (category == ProgrammeCategory.OLD_DIESEL_TRUCK) {
            requireOnly(request, "truck", request.truck(), category);
            requireNewTruck(request.truck());
        } else if (category == ProgrammeCategory.FARM_MACHINERY_SCRAPPAGE) {
            requireOnly(request, "farmMachinery", request.farmMachinery(), category);
        } else if (category.hasItemList()) {
            if (request.renovation() == null) {
                throw Problems.invalidField("renovation", null, "field.required");
            }
            if (request.appliance() != null || request.car() != null) {
                throw Problems.invalidField(
                        request.car() != null ? "car" : "appliance", null, "field.not-for-category", category);
            }
        } else {
            throw Problems.unprocessable("category-not-open", "detail.category-not-open", category);
        }
    }

    /**
     * A person gives an ID number; an organisation (a cooperative, a company) its credit code instead,
     * for farm machinery only (decision 0039).
     */
    private static void requireApplicant(ClaimViews.Applicant applicant, ProgrammeCategory category) {
        if (applicant.creditCode() == null) {
            if (applicant.idNumber() == null) {
                throw Problems.invalidField("applicant.idNumber", null, "field.required");
            }
            return;
        }
        if (category != ProgrammeCategory.FARM_MACHINERY_SCRAPPAGE) {
            throw Problems.invalidField(
                    "applicant.creditCode", applicant.creditCode(), "field.not-for-category", category);
        }
        if (applicant.idNumber() != null) {
            throw Problems.invalidField("applicant.idNumber", null, "field.id-or-credit-code");
        }
    }

    /** The request gives the section {@code name} of its category and no other. */
    private static void requireOnly(CreateClaim request, String name, Object section, ProgrammeCategory category) {
        if (section == null) {
            throw Problems.invalidField(name, null, "field.required");
        }
        Map<String, Object> others = new java.util.LinkedHashMap<>();
        others.put("appliance", request.appliance());
        others.put("car", request.car());
        others.put("truck", request.truck());
        others.put("farmMachinery", request.farmMachinery());
        others.remove(name);
        for (Map.Entry<String, Object> other : others.entrySet()) {
            if (other.getValue() != null) {
                throw Problems.invalidField(other.getKey(), null, "field.not-for-category", category);
            }
        }
    }

    /** A new truck has its VIN, invoice and price; a truck scrapped only has none of them. */
    private static void requireNewTruck(ClaimViews.TruckItem truck) {
        boolean bought = truck.newTruck() != ClaimViews.NewTruck.NONE;
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("truck.newVin", truck.newVin());
        fields.put("truck.invoiceNumber", truck.invoiceNumber());
        fields.put("truck.priceFen", truck.priceFen());
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (bought && field.getValue() == null) {
                throw Problems.invalidField(field.getKey(), null, "field.required");
            }
            if (!bought && field.getValue() != null) {
                throw Problems.invalidField(field.getKey(), field.getValue(), "field.only-with-new-truck");
            }
        }
    }

    private void releaseUses(Claim claim) {
        em.createNativeQuery("delete from claim_unique_use where claim_id = ?1")
                .setParameter(1, claim.id)
                .executeUpdate();
    }

    private static void audit(Claim claim) {
        for (ClaimTransition t : claim.drainTransitions()) {
            t.persist();
        }
    }

    ClaimView view(Claim claim) {
        return view(claim, true);
    }

    private ClaimView flushed(Claim claim) {
        em.flush();
        return view(claim, true);
    }

    private ClaimView view(Claim c, List<ClaimCheck> records) {
        return view(c, records, evidenceOf(c));
    }

    private ClaimView view(Claim c, boolean withChecks) {
        if (!withChecks) {
            return view(c, List.of(), new Evidence(List.of(), List.of()));
        }
        return view(c, checksOf(c), evidenceOf(c));
    }

    private static List<ClaimCheck> checksOf(Claim c) {
        return ClaimCheck.list("claimId = ?1 order by run, id", c.id);
    }

    /** A claim's evidence documents and its completeness per required kind. */
    private record Evidence(List<EvidenceView> documents, List<EvidenceKindView> completeness) {}

    private Evidence evidenceOf(Claim c) {
        return new Evidence(evidence.documents(c.id), evidence.completeness(c.id, requiredEvidence(c)));
    }

    /**
     * The claim as the API shows it, with {@code records}, its checks in run and id order, and its
     * evidence (empty in listings).
     */
    private ClaimView view(Claim c, List<ClaimCheck> records, Evidence evidenceNow) {
        List<CheckView> checks = new ArrayList<>();
        for (ClaimCheck k : records) {
            checks.add(new CheckView(k.run, k.code, k.outcome, k.reasonCode, k.evidence, k.checkedAt));
        }
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
