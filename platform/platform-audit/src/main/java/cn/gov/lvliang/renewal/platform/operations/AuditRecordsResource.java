package cn.gov.lvliang.renewal.platform.operations;

import cn.gov.lvliang.renewal.platform.audit.AuditRecord;
import cn.gov.lvliang.renewal.platform.audit.AuditTrail;
import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A service's audit trail (审计记录) over HTTP: every write and every read of unmasked personal
 * data, hash-chained. Auditors and the city administrator only. The one implementation; each
 * service subclasses it with only its {@code @Path} ({@code /api/<area>/audit-records}) and
 * {@link Audited}.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail · 审计")
public abstract class AuditRecordsResource {

    private final AuditTrail trail;

    protected AuditRecordsResource(AuditTrail trail) {
        this.trail = trail;
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
            summary = "Verify the hash chain · 审计链校验",
            description = "Walks the whole trail; reports the first row whose link to the one before is broken, and"
                    + " how many records are committed but not yet chained (pending, not yet tamper-evident).")
    public AuditTrail.Verification verify() {
        return trail.verify();
    }
}
