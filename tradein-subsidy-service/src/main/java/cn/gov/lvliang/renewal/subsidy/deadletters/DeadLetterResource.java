package cn.gov.lvliang.renewal.subsidy.deadletters;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.events.DeadLetters;
import cn.gov.lvliang.renewal.platform.operations.DeadLettersResource;
import jakarta.ws.rs.Path;

/**
 * This service's dead letters (死信) at its own path; the one implementation is {@link
 * DeadLettersResource}. Runbook: docs/runbooks/dead-letters.md.
 */
@Audited
@Path("/api/subsidies/dead-letters")
public class DeadLetterResource extends DeadLettersResource {

    public DeadLetterResource(DeadLetters deadLetters) {
        super(deadLetters);
    }
}
