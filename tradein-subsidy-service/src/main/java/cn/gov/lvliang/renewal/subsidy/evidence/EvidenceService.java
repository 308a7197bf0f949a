package cn.gov.lvliang.renewal.subsidy.evidence;

import cn.gov.lvliang.renewal.platform.problem.BodyLimit;
import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.subsidy.claims.Claim;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimQueries;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimStatus;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.EvidenceView;
import cn.gov.lvliang.renewal.subsidy.evidence.EInvoiceReader.EInvoice;
import cn.gov.lvliang.renewal.subsidy.evidence.EvidenceViews.MissingObject;
import cn.gov.lvliang.renewal.subsidy.evidence.EvidenceViews.Reconciliation;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Use cases of evidence (申请材料): upload (measure, detect, seal, store, record), download
 * (scope, open, stream) and the reconcile check. A file is never held whole in memory: it goes
 * from the multipart upload's temporary file through the digest, the detector and the sealing in
 * buffers, and back out of the store a chunk at a time.
 */
@ApplicationScoped
public class EvidenceService {

    private static final Logger LOG = Logger.getLogger(EvidenceService.class);

    private final EvidenceConfig config;
    private final EvidenceStore store;
    private final SealedObjects sealing;
    private final TypeDetector detector;
    private final ClaimQueries claims;
    private final EvidenceRecords records;
    private final Clock clock;
    private final AtomicLong objectsWithoutMetadata = new AtomicLong();
    private final AtomicLong metadataWithoutObjects = new AtomicLong();

    public EvidenceService(
            EvidenceConfig config,
            EvidenceStore store,
            SealedObjects sealing,
            TypeDetector detector,
            ClaimQueries claims,
            EvidenceRecords records,
            Clock clock,
            MeterRegistry metrics) {
        this.config = config;
        this.store = store;
        this.sealing = sealing;
        this.detector = detector;
        this.claims = claims;
        this.records = records;
        this.clock = clock;
        metrics.gauge("subsidy.evidence.objects.without.metadata", objectsWithoutMetadata);
        metrics.gauge("subsidy.evidence.metadata.without.objects", metadataWithoutObjects);
    }

    /** The document made (created) or the claim's existing one with the same bytes. */
    /** {@code uploadedBy} of evidence the applicant uploaded without a token, for an appeal. */
    public static final String APPLICANT = "applicant";

    public record Uploaded(EvidenceView document, boolean created) {}

    /** A document and its plaintext, to be streamed and closed by the caller. */
    public record Download(EvidenceView document, InputStream content) {}

    /**
     * Uploads {@code file} as evidence of {@code kind} to the claim, as its filer.
     *
     * @param file the multipart upload's temporary file, or null when none was sent
     */
    public Uploaded upload(UUID claimId, String kind, Path file, Caller caller) {
        Claim claim = claims.fileableClaim(claimId, caller);
        EvidenceRecords.requireOpen(claim, "upload evidence");
        return store(claim, kind, file, caller.subject());
    }

    /**
     * Uploads new evidence for an appeal as the applicant (申请人补充复核材料), whose claim number and
     * ID number the caller has verified; the claim must be APPEALED.
     */
    public Uploaded uploadForAppeal(Claim claim, String kind, Path file) {
        if (claim.status != ClaimStatus.APPEALED) {
            throw Problems.conflict(
                    "claim-state", "detail.claim-state", claim.claimNumber, claim.status, "upload appeal evidence");
        }
        return store(claim, kind, file, APPLICANT);
    }

    private Uploaded store(Claim claim, String kind, Path file, String uploadedBy) {
        List<String> required = ClaimQueries.requiredEvidence(claim);
        if (kind == null || kind.isBlank()) {
            throw Problems.invalidField("kind", null, "field.required");
        }
        if (!required.contains(kind)) {
            throw Problems.invalidField("kind", kind, "field.evidence-kind", kind, String.join(", ", required));
        }
        if (file == null) {
            throw Problems.invalidField("file", null, "field.required-file");
        }
        try {
            Measured measured = measure(file);
            DocumentType type = detector.detect(file).orElseThrow(EvidenceService::unsupported);
            var existing = records.existing(claim.id, measured.sha256());
            if (existing.isPresent()) {
                return new Uploaded(existing.get(), false);
            }
            EInvoice invoice = type == DocumentType.E_INVOICE_XML ? readInvoice(file) : null;
            storeObject(measured.sha256(), file);
            return records.record(claim.id, kind, measured.sha256(), measured.size(), type, invoice, uploadedBy)
                    .map(view -> new Uploaded(view, true))
                    .orElseGet(() -> new Uploaded(
                            records.existing(claim.id, measured.sha256()).orElseThrow(), false));
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /** The document's plaintext, streamed from the store, when the caller may read the claim. */
    public Download download(UUID claimId, UUID evidenceId, Caller caller) {
        claims.readableClaim(claimId, caller);
        EvidenceDocument document = records.document(claimId, evidenceId);
        try {
            InputStream sealed = store.open(document.sha256);
            try {
                return new Download(EvidenceRecords.view(document), sealing.open(sealed, document.sha256));
            } catch (IOException | RuntimeException e) {
                sealed.close();
                throw e;
            }
        } catch (FileNotFoundException e) {
            LOG.errorf(
                    "evidence %s of claim %s has no object %s in %s",
                    evidenceId, claimId, document.sha256, store.name());
            throw unavailable(e);
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /** 材料对账: every stored object against every document; updates the two gauges. */
    public Reconciliation reconcile() {
        try {
            Set<String> objects = store.addresses();
            List<Object[]> documents = records.addresses();
            Set<String> referenced = new TreeSet<>();
            List<MissingObject> missing = new ArrayList<>();
            for (Object[] d : documents) {
                String sha256 = (String) d[0];
                referenced.add(sha256);
                if (!objects.contains(sha256)) {
                    missing.add(new MissingObject(sha256, (UUID) d[1], (UUID) d[2]));
                }
            }
            List<String> orphans = objects.stream()
                    .filter(sha256 -> !referenced.contains(sha256))
                    .sorted()
                    .toList();
            objectsWithoutMetadata.set(orphans.size());
            metadataWithoutObjects.set(missing.size());
            return new Reconciliation(
                    store.name(),
                    objects.size(),
                    documents.size(),
                    orphans,
                    missing,
                    orphans.isEmpty() && missing.isEmpty(),
                    Instant.now(clock));
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private record Measured(String sha256, long size) {}

    /** SHA-256 and size of the file, counted while reading: 413 as soon as it passes the limit. */
    private Measured measure(Path file) throws IOException {
        long max = config.maxFileSize().asLongValue();
        MessageDigest digest = sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                size += n;
                if (size > max) {
                    throw new ProblemException(
                            413,
                            "evidence-too-large",
                            "detail.evidence-too-large",
                            List.of(),
                            BodyLimit.human(max),
                            max);
                }
                digest.update(buffer, 0, n);
            }
        }
        return new Measured(HexFormat.of().formatHex(digest.digest()), size);
    }

    /** Seals the file into a temporary file and stores it, unless the store holds the bytes already. */
    private void storeObject(String sha256, Path file) throws IOException {
        if (store.contains(sha256)) {
            return; // content-addressed: the same bytes of another claim, or of a failed earlier try
        }
        Path sealed = Files.createTempFile("evidence-", ".sealed");
        try {
            try (InputStream in = Files.newInputStream(file);
                    OutputStream out = Files.newOutputStream(sealed)) {
                sealing.seal(in, out, sha256);
            }
            store.put(sha256, sealed);
        } finally {
            Files.deleteIfExists(sealed);
        }
    }

    private static EInvoice readInvoice(Path file) {
        try {
            return EInvoiceReader.read(file);
        } catch (IOException unreadable) {
            throw unsupported();
        }
    }

    private static ProblemException unsupported() {
        return new ProblemException(415, "evidence-type", "detail.evidence-type", List.of());
    }

    private static ProblemException unavailable(IOException e) {
        LOG.warnf(e, "evidence store failed");
        return new ProblemException(503, "evidence-unavailable", "detail.evidence-unavailable", List.of());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
