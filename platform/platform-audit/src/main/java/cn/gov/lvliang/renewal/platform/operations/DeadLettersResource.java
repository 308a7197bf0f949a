package cn.gov.lvliang.renewal.platform.operations;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.audit.OwnTransactions;
import cn.gov.lvliang.renewal.platform.events.DeadLetter;
import cn.gov.lvliang.renewal.platform.events.DeadLetters;
import cn.gov.lvliang.renewal.platform.events.ReplayReport;
import cn.gov.lvliang.renewal.platform.events.ReplayRequest;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A service's dead letters (死信) over HTTP: the records its consumers could not apply, listed and
 * replayed through the same handler. City administrator only. The one implementation; each
 * service subclasses it with only its {@code @Path} ({@code /api/<area>/dead-letters}) and
 * {@link Audited}. The logic is {@link DeadLetters}. Runbook: docs/runbooks/dead-letters.md.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters · 死信")
public abstract class DeadLettersResource {

    private final DeadLetters deadLetters;

    protected DeadLettersResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "listDeadLetters",
            summary = "Dead letters of a consumed topic · 死信列表",
            description = "This service's records on <topic>.dlq, oldest first, a page at a time: DLQ partition"
                    + " and offset, key, consumer, reason, time and the event's envelope (id, type, source,"
                    + " subject); never its data. 'applied' tells whether the event has been applied since;"
                    + " applied=false lists only what is left to replay.")
    public Page<DeadLetter> list(
            @QueryParam("topic")
                    @NotBlank
                    @Pattern(regexp = ReplayRequest.TOPIC_PATTERN, message = ReplayRequest.TOPIC_MESSAGE)
                    String topic,
            @QueryParam("applied") Boolean applied,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("" + Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return deadLetters.list(topic, applied, page, size);
    }

    @POST
    @Path("/replay")
    @OwnTransactions("each replayed event is applied in its own inbox transaction, as the stream applies it, and"
            + " a failing one may wait for its retries; no transaction is held open around them")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "replayDeadLetters",
            summary = "Replay dead letters · 重放死信",
            description = "Feeds one dead letter (partition and offset on <topic>.dlq), or every one not applied"
                    + " yet, through this service's consumer again. Idempotent: an event already applied changes"
                    + " nothing. A record that still fails goes back to the DLQ with the new reason. Nothing is"
                    + " published to the source topic.")
    public ReplayReport replay(@Valid @NotNull ReplayRequest request) {
        return deadLetters.replay(request.topic(), request.partition(), request.offset());
    }
}
