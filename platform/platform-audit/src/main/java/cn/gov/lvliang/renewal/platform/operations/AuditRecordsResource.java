package cn.gov.lvliang.renewal.platform.operations;

import cn.gov.lvliang.renewal.platform.audit.AuditRecord;
import cn.gov.lvliang.renewal.platform.audit.AuditTrail;
import cn.gov.lvliang.renewal.platform.audit.AuditVerificationJob;
import cn.gov.lvliang.renewal.platform.audit.AuditVerifications;
import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.security.Principal;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.MDC;

/**
 * A service's audit trail (审计记录) over HTTP: every write and every read of unmasked personal
 * data, hash-chained, and its verification: incremental from the last checkpoint, or in full as a
 * job (decision 0051). Auditors and the city administrator only. The one implementation; each
 * service subclasses it with only its {@code @Path} ({@code /api/<area>/audit-records}) and
 * {@link Audited}.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail · 审计")
public abstract class AuditRecordsResource {

    private final AuditTrail trail;
    private final AuditVerifications verifications;

    protected AuditRecordsResource(AuditTrail trail, AuditVerifications verifications) {
        this.trail = trail;
        this.verifications = verifications;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.CITY_ADMIN})
    @Operation(
            operationId = "listAuditRecords",
            summary = "Audit records, newest first · 审计记录",
            description = "Who, when, which operation, which resource, which client and the request id. Filters:"
                    + " actor (exact), operation (contains), resource (path prefix). Records are hash-chained in the"
                    + " background: a write appears here within about a second.")
    public Page<AuditRecord> list(
            @QueryParam("actor") String actor,
            @QueryParam("operation") String operation,
            @QueryParam("resource") String resource,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return trail.find(actor, operation, resource, page, size);
    }

    @GET
    @Path("verification")
    @RolesAllowed({Roles.AUDITOR, Roles.CITY_ADMIN})
    @Operation(
            operationId = "verifyAuditChain",
            summary = "Verify the hash chain since the last checkpoint · 审计链校验（增量）",
            description = "Re-checks the checkpoint's record (the last one a verification found intact: it must"
                    + " still carry the hash it had) and re-hashes the records after it (fromSeq on), at most"
                    + " suite.audit.verify-max-rows per request (remaining tells what is left for the next one);"
                    + " when they hold, the checkpoint moves to the last one. Reports the first broken record,"
                    + " and how many records are committed but not yet chained (pending, not yet"
                    + " tamper-evident). A rewrite of records before the checkpoint that recomputes every later"
                    + " hash is not seen here: the full verification (POST …/verifications) re-hashes from the"
                    + " first record (decision 0051).")
    public AuditTrail.Verification verify(@Context SecurityContext security) {
        return trail.verify("request " + MDC.get("requestId") + " by " + subject(security));
    }

    @POST
    @Path("verifications")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "requestAuditChainVerification",
            summary = "Verify the whole chain from the first record, as a job · 审计链全量校验（异步任务）",
            description = "Queues a job that re-hashes every record from the first one, in batches, on any instance"
                    + " of the service. Answers at once with the job and its `Location`; follow it with"
                    + " `GET …/verifications/{id}`. If a verification is already queued or running, that job is"
                    + " the answer. When the chain holds, the checkpoint moves to its last record; when it is"
                    + " broken, the checkpoint is removed, so that GET …/verification starts again at the first"
                    + " record and reports the break too.")
    @APIResponse(
            responseCode = "202",
            description = "Queued, or the verification already queued or running",
            headers = @Header(name = "Location", description = "The job", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = AuditVerificationJob.class)))
    public Response requestVerification(@Context SecurityContext security, @Context UriInfo uri) {
        AuditVerificationJob job = verifications.request(subject(security));
        return Response.accepted(job)
                .location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
                .build();
    }

    @GET
    @Path("verifications/{id}")
    @RolesAllowed({Roles.AUDITOR, Roles.CITY_ADMIN})
    @Operation(
            operationId = "getAuditChainVerification",
            summary = "One full verification and its progress · 审计链全量校验进度",
            description = "State QUEUED → RUNNING → FINISHED (with its result: intact, or the first broken record"
                    + " and why) or FAILED (with `error`: the run could not finish, for example its instance"
                    + " stopped); the records in the chain when it started (total), how many are re-hashed"
                    + " (checked) and the percentage.")
    public AuditVerificationJob verification(@PathParam("id") UUID id) {
        return verifications.find(id).orElseThrow(() -> Problems.notFound("resource.audit-verification", id));
    }

    /** The token's subject, as the audit record names the actor. */
    private static String subject(SecurityContext security) {
        Principal principal = security.getUserPrincipal();
        if (principal instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return principal == null ? "unknown" : principal.getName();
    }
}
