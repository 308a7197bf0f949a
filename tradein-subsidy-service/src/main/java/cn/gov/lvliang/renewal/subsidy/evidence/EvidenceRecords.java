package cn.gov.lvliang.renewal.subsidy.evidence;

import cn.gov.lvliang.renewal.platform.audit.RequestAudit;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.subsidy.claims.Claim;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimEvidence;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimQueries;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimStatus;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimVerification;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceKindView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceView;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.WaiverView;
import cn.gov.lvliang.renewal.subsidy.evidence.EInvoiceReader.EInvoice;
import cn.gov.lvliang.renewal.subsidy.evidence.EvidenceViews.Waiver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The evidence metadata of claims: documents and waivers, each written in a transaction with its audit record. */
@ApplicationScoped
public class EvidenceRecords implements ClaimEvidence {

    /** While a claim may still gain evidence: filed and not yet decided, or returned for correction. */
    static final Set<ClaimStatus> OPEN = EnumSet.of(
            ClaimStatus.SUBMITTED,
            ClaimStatus.PENDING_REVIEW,
            ClaimStatus.QUEUED,
            ClaimStatus.RETURNED,
            ClaimStatus.APPEALED);

    private final ClaimQueries claims;
    private final ClaimVerification verification;
    private final RequestAudit requestAudit;
    private final EntityManager em;
    private final Clock clock;

    public EvidenceRecords(
            ClaimQueries claims,
            ClaimVerification verification,
            RequestAudit requestAudit,
            EntityManager em,
            Clock clock) {
        this.claims = claims;
        this.verification = verification;
        this.requestAudit = requestAudit;
        this.em = em;
        this.clock = clock;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EvidenceView> documents(UUID claimId) {
        return EvidenceDocument.<EvidenceDocument>list("claimId = ?1 order by uploadedAt, id", claimId).stream()
                .map(EvidenceRecords::view)
                .toList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EvidenceKindView> completeness(UUID claimId, List<String> required) {
        Map<String, Integer> counts = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select d.kind, count(d) from EvidenceDocument d where d.claimId = ?1 group by d.kind",
                        Object[].class)
                .setParameter(1, claimId)
                .getResultList()) {
            counts.put((String) row[0], ((Long) row[1]).intValue());
        }
        Map<String, WaiverView> waivers = new HashMap<>();
        for (EvidenceWaiver w : EvidenceWaiver.<EvidenceWaiver>list("claimId = ?1", claimId)) {
            waivers.put(w.kind, new WaiverView(w.reasonCode.name(), w.note, w.waivedBy, w.waivedAt));
        }
        return Completeness.of(required, counts, waivers);
    }

    @Override
    public List<EvidenceKindView> nothingYet(List<String> required) {
        return Completeness.of(required, Map.of(), Map.of());
    }

    /** The claim's document holding these bytes, if it has one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EvidenceView> existing(UUID claimId, String sha256) {
        return EvidenceDocument.<EvidenceDocument>find("claimId = ?1 and sha256 = ?2", claimId, sha256)
                .firstResultOptional()
                .map(EvidenceRecords::view);
    }

    /** (sha256, document id, claim id) of every document, for the reconcile check. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Object[]> addresses() {
        return em.createQuery("select d.sha256, d.id, d.claimId from EvidenceDocument d", Object[].class)
                .getResultList();
    }

    /** The claim's document {@code evidenceId}; 404 when the claim has no such document. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EvidenceDocument document(UUID claimId, UUID evidenceId) {
        return EvidenceDocument.<EvidenceDocument>find("id = ?1 and claimId = ?2", evidenceId, claimId)
                .firstResultOptional()
                .orElseThrow(() -> Problems.notFound("resource.evidence", evidenceId));
    }

    /**
     * Records an uploaded document whose object is stored, with its audit record, and cross-checks
     * an XML e-invoice against the claim. The claim row is locked, so that its state cannot change
     * meanwhile and two uploads of the same bytes make one document.
     *
     * @param invoice the e-invoice read from the file, or null when it is not one
     */
    @Transactional
    public Optional<EvidenceView> record(
            UUID claimId,
            String kind,
            String sha256,
            long size,
            DocumentType type,
            EInvoice invoice,
            String uploadedBy) {
        Claim claim = em.find(Claim.class, claimId, LockModeType.PESSIMISTIC_WRITE);
        requireOpen(claim, "upload evidence");
        Optional<EvidenceView> existing = existing(claimId, sha256);
        if (existing.isPresent()) {
            return Optional.empty();
        }
        EvidenceDocument document = new EvidenceDocument();
        document.id = UUID.randomUUID();
        document.claimId = claimId;
        document.kind = kind;
        document.sha256 = sha256;
        document.sizeBytes = size;
        document.detectedType = type;
        document.uploadedBy = uploadedBy;
        document.uploadedAt = Instant.now(clock);
        document.persist();
        if (invoice != null) {
            verification.recordEvidenceCheck(
                    claim,
                    InvoiceCrossCheck.compare(
                            invoice, claim.invoiceNumber, claim.sellerCreditCode, claim.priceFen, claim.purchaseDate));
        }
        em.flush();
        requestAudit.recordInCurrentTransaction(201);
        return Optional.of(view(document));
    }

    /** 免予提交: a reviewer waives one required kind; a claim has at most one kind waived. */
    @Transactional
    public void waive(UUID claimId, Waiver waiver, Caller caller) {
        Claim claim = claims.reviewableClaim(claimId, caller);
        em.lock(claim, LockModeType.PESSIMISTIC_WRITE);
        requireOpen(claim, "waive evidence");
        List<String> required = ClaimQueries.requiredEvidence(claim);
        if (!required.contains(waiver.kind())) {
            throw Problems.invalidField(
                    "kind", waiver.kind(), "field.evidence-kind", waiver.kind(), String.join(", ", required));
        }
        if (waiver.reasonCode() == WaiverReason.OTHER
                && (waiver.note() == null || waiver.note().isBlank())) {
            throw Problems.invalidField("note", null, "field.note-required-for-other");
        }
        Optional<EvidenceWaiver> taken =
                EvidenceWaiver.<EvidenceWaiver>find("claimId = ?1", claimId).firstResultOptional();
        if (taken.isPresent()) {
            throw Problems.conflict("waiver-taken", "detail.waiver-taken", claimId, taken.get().kind);
        }
        EvidenceWaiver row = new EvidenceWaiver();
        row.claimId = claimId;
        row.kind = waiver.kind();
        row.reasonCode = waiver.reasonCode();
        row.note = waiver.note();
        row.waivedBy = caller.subject();
        row.waivedAt = Instant.now(clock);
        row.persist();
    }

    static void requireOpen(Claim claim, String action) {
        if (!OPEN.contains(claim.status)) {
            throw Problems.conflict("claim-state", "detail.claim-state", claim.id, claim.status, action);
        }
    }

    static EvidenceView view(EvidenceDocument d) {
        return new EvidenceView(
                d.id,
                d.kind,
                d.sizeBytes,
                d.detectedType.name(),
                d.detectedType.mediaType(),
                d.sha256,
                d.uploadedBy,
                d.uploadedAt);
    }
}
