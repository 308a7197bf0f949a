package cn.gov.lvliang.renewal.tasks.audit;

import cn.gov.lvliang.renewal.platform.audit.AuditTrail;
import cn.gov.lvliang.renewal.platform.audit.AuditVerifications;
import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.operations.AuditRecordsResource;
import jakarta.ws.rs.Path;

/** This service's audit trail (审计记录) at its own path; the one implementation is {@link AuditRecordsResource}. */
@Audited
@Path("/api/tasks/audit-records")
public class AuditResource extends AuditRecordsResource {

    public AuditResource(AuditTrail trail, AuditVerifications verifications) {
        super(trail, verifications);
    }
}
