package cn.gov.lvliang.renewal.platform.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The last record of the audit chain a verification found intact (校验检查点): the incremental
 * verification re-checks this record and re-hashes only the records after it (decision 0051).
 *
 * @param seq the record's seq
 * @param hash the hash it had when it was verified
 * @param verifiedAt when
 * @param verifiedBy which run: a verification request (its request id and caller) or a full
 *     verification job (its id)
 */
@Schema(name = "AuditCheckpoint")
public record AuditCheckpoint(long seq, String hash, Instant verifiedAt, String verifiedBy) {}
