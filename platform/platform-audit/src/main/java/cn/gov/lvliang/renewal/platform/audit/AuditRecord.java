package cn.gov.lvliang.renewal.platform.audit;

import java.time.Instant;

/**
 * One row of a service's audit trail (审计记录): who did what, to which resource, through which
 * client, when, and the request it belonged to, chained to the previous row by its hash.
 *
 * @param seq position in the trail, ascending
 * @param recordedAt when (microsecond precision, as stored)
 * @param actor the token's subject
 * @param roles the caller's roles, sorted, comma-separated
 * @param client the client the token was issued to ({@code azp}, {@code client_id}), or empty
 * @param operation HTTP method and path template, such as {@code POST /api/subsidies/claims}
 * @param resource the concrete path, such as {@code /api/subsidies/claims/LL-1/approval}
 * @param status the HTTP status answered
 * @param requestId the request id ({@code X-Request-Id})
 * @param previousHash the hash of the row before (64 zeros for the first)
 * @param hash SHA-256 over the previous hash and this row's canonical content
 */
public record AuditRecord(
        long seq,
        Instant recordedAt,
        String actor,
        String roles,
        String client,
        String operation,
        String resource,
        int status,
        String requestId,
        String previousHash,
        String hash) {}
