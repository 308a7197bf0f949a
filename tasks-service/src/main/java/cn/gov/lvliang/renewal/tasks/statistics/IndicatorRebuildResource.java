package cn.gov.lvliang.renewal.tasks.statistics;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Indicator rebuilds as jobs (指标重算任务): request one, then follow its progress. */
@Audited
@Path("/api/tasks/statistics/indicators/rebuilds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics feed · 统计数据")
public class IndicatorRebuildResource {

    private final RebuildJobs jobs;
    private final Caller caller;

    public IndicatorRebuildResource(RebuildJobs jobs, Caller caller) {
        this.jobs = jobs;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "requestIndicatorRebuild",
            summary = "Rebuild the indicators from the event history, as a job · 指标重算（异步任务）",
            description = "Queues a job that deletes every indicator value and replays the bureau's stream"
                    + " (statistics_event) in order through the code the live consumer runs; the export"
                    + " afterwards is identical. Answers at once with the job and its `Location`; follow it with"
                    + " `GET …/rebuilds/{id}`. The live feed keeps applying events while the history is read and"
                    + " waits only for the last step. If a rebuild is already queued or running, that job is the"
                    + " answer.")
    @APIResponse(responseCode = "202", description = "Queued, or the rebuild already queued or running")
    public Response request() {
        RebuildJob job = jobs.request(caller.subject());
        return Response.accepted(job)
                .location(UriBuilder.fromResource(IndicatorRebuildResource.class)
                        .path(job.id().toString())
                        .build())
                .build();
    }

    @GET
    @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listIndicatorRebuilds",
            summary = "The latest indicator rebuilds · 指标重算任务列表",
            description = "The 20 latest jobs, newest first.")
    public List<RebuildJob> latest() {
        return jobs.latest(20);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "getIndicatorRebuild",
            summary = "One indicator rebuild and its progress · 指标重算任务进度",
            description = "State QUEUED → RUNNING → SUCCEEDED or FAILED (with `error`), the events in the"
                    + " history when it started and how many are replayed.")
    @APIResponse(responseCode = "200", description = "The job")
    public RebuildJob get(@PathParam("id") UUID id) {
        return jobs.find(id).orElseThrow(() -> Problems.notFound("resource.indicator-rebuild", id));
    }
}
