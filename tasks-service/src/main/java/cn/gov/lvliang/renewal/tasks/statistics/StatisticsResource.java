package cn.gov.lvliang.renewal.tasks.statistics;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The statistics bureau's pull side (统计局接口): backfill, the SDMX export and snapshots. */
@Audited
@Path("/api/tasks/statistics")
@Tag(name = "Statistics feed · 统计数据")
@RolesAllowed({Roles.STATISTICS_BUREAU, Roles.CITY_ADMIN, Roles.AUDITOR})
public class StatisticsResource {

    /** Longest range of one export. */
    static final int MAX_MONTHS = 120;

    private final StatisticsHistory history;
    private final IndicatorObservations observations;
    private final IndicatorSnapshots snapshots;
    private final IndicatorRebuild rebuild;
    private final IndicatorService indicators;
    private final StatisticsConfig config;

    public StatisticsResource(
            StatisticsHistory history,
            IndicatorObservations observations,
            IndicatorSnapshots snapshots,
            IndicatorRebuild rebuild,
            IndicatorService indicators,
            StatisticsConfig config) {
        this.history = history;
        this.observations = observations;
        this.snapshots = snapshots;
        this.rebuild = rebuild;
        this.indicators = indicators;
        this.config = config;
    }

    @GET
    @Path("/events")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "backfillStatisticsEvents",
            summary = "Backfill the bureau's stream · 补数",
            description = "The events of `statistics.events` in stream order, as CloudEvents envelopes. Filters:"
                    + " `type` (a bureau type), `from` (inclusive) and `to` (exclusive) ISO-8601 instants on the"
                    + " event's `time`. Page on with `cursor` = the previous page's `nextCursor`: the cursor is"
                    + " stable (a position in the stream), so no event is skipped or repeated, and the last"
                    + " cursor returns new events later. `size` 1–500, default 100.")
    @APIResponse(responseCode = "200", description = "`{items, nextCursor, more}`")
    @APIResponse(responseCode = "400", description = "Bad cursor, time or size")
    public StatisticsHistory.Page events(
            @QueryParam("type") String type,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("cursor") String cursor,
            @QueryParam("size") Integer size) {
        long after = 0;
        if (cursor != null && !cursor.isBlank()) {
            after = BackfillCursor.decode(cursor.strip())
                    .orElseThrow(() -> Problems.invalidField("cursor", cursor, "field.wrong-type"));
        }
        int n = size == null ? 100 : size;
        if (n < 1 || n > config.maxPageSize()) {
            throw Problems.invalidField("size", n, "field.wrong-type");
        }
        String t = type == null || type.isBlank() ? null : type.strip();
        return history.page(after, t, instant("from", from), instant("to", to), n);
    }

    @GET
    @Path("/sdmx/data")
    @Produces({SdmxCsv.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "exportSdmxData",
            summary = "Indicators as SDMX-CSV 2.0 · 指标数据导出",
            description = "Every indicator × area × month of the range: columns STRUCTURE, STRUCTURE_ID, ACTION,"
                    + " INDICATOR, REF_AREA (GB/T 2260; 141100 = the city total), TIME_PERIOD (YYYY-MM), OBS_VALUE,"
                    + " UNIT_MEASURE, OBS_STATUS (A, or M when a manual value is missing). Media type"
                    + " `application/vnd.sdmx.data+csv; version=2.0.0`; `Accept: application/json` (or"
                    + " `format=json`) gives the same rows as JSON. Filters: `period` (one month), or `startPeriod`"
                    + " and `endPeriod`, default the current month; `area` (a county or 141100), default all.")
    @APIResponse(
            responseCode = "200",
            description = "The observations",
            content = {@Content(mediaType = SdmxCsv.MEDIA_TYPE), @Content(mediaType = MediaType.APPLICATION_JSON)})
    @APIResponse(responseCode = "400", description = "Bad period or area")
    public Response sdmx(
            @QueryParam("period") String period,
            @QueryParam("startPeriod") String startPeriod,
            @QueryParam("endPeriod") String endPeriod,
            @QueryParam("area") String area,
            @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        YearMonth from;
        YearMonth to;
        if (period != null && !period.isBlank()) {
            from = month("period", period);
            to = from;
        } else {
            YearMonth now = indicators.thisMonth();
            from = startPeriod == null || startPeriod.isBlank() ? now : month("startPeriod", startPeriod);
            to = endPeriod == null || endPeriod.isBlank()
                    ? (startPeriod == null ? now : from)
                    : month("endPeriod", endPeriod);
        }
        if (to.isBefore(from) || from.plusMonths(MAX_MONTHS).isBefore(to)) {
            throw Problems.invalidField("endPeriod", to.toString(), "field.bad-period-range", MAX_MONTHS);
        }
        String a = null;
        if (area != null && !area.isBlank()) {
            a = area.strip();
            if (!observations.areas().contains(a)) {
                throw Problems.invalidField("area", area, "field.unknown-area");
            }
        }
        var rows = observations.observations(from, to, a);
        boolean json = "json".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.contains(MediaType.APPLICATION_JSON));
        if (json) {
            return Response.ok(SdmxCsv.json(rows), MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        return Response.ok(SdmxCsv.write(rows).getBytes(StandardCharsets.UTF_8), SdmxCsv.MEDIA_TYPE)
                .build();
    }

    @POST
    @Path("/snapshots")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STATISTICS_BUREAU, Roles.CITY_ADMIN})
    @Operation(
            operationId = "publishSnapshots",
            summary = "Publish indicator snapshots now · 按需发布指标快照",
            description = "Publishes the snapshots of `period` (YYYY-MM, default the current month) on"
                    + " `statistics.indicator-snapshots`, with `closing` false.")
    @APIResponse(responseCode = "202", description = "Published (through the outbox)")
    @APIResponse(responseCode = "400", description = "Bad period")
    public Response publishSnapshots(@QueryParam("period") String period) {
        YearMonth m = period == null || period.isBlank() ? indicators.thisMonth() : month("period", period);
        return Response.accepted(snapshots.publish(m)).build();
    }

    @POST
    @Path("/month-closes/{period}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "closeMonth",
            summary = "Close a month · 月度关账",
            description = "What the scheduled run does on the 1st (`tasks.statistics.month-close-cron`): publishes"
                    + " the month's snapshots with `closing` true, once. A month already closed answers 200 and"
                    + " publishes nothing.")
    @APIResponse(responseCode = "201", description = "Closed now; snapshots published")
    @APIResponse(responseCode = "200", description = "Already closed")
    @APIResponse(responseCode = "400", description = "Bad period, or a month not yet ended")
    public Response closeMonth(@PathParam("period") String period) {
        YearMonth m = month("period", period);
        if (m.isAfter(snapshots.lastClosedMonth())) {
            throw Problems.invalidField("period", period, "field.month-not-ended");
        }
        return snapshots
                .close(m)
                .map(p -> Response.status(201).entity(p).build())
                .orElseGet(() -> Response.ok(Map.of("period", m.toString(), "alreadyClosed", true))
                        .build());
    }

    @POST
    @Path("/indicators/rebuild")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "rebuildIndicators",
            summary = "Rebuild the indicators from the event history, waiting for it · 指标重算（同步）",
            description = "Deletes every indicator value and replays the bureau's stream (statistics_event) in"
                    + " order through the code the live consumer runs: the export afterwards is identical."
                    + " Answers when it is done, which for a long history outlasts the gateway's timeout:"
                    + " use `POST /api/tasks/statistics/indicators/rebuilds` (a job with progress) instead.",
            deprecated = true)
    @APIResponse(responseCode = "200", description = "`{replayed}`: events replayed")
    public Map<String, Long> rebuildIndicators() {
        return Map.of("replayed", rebuild.rebuild(replayed -> {}));
    }

    private static YearMonth month(String field, String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField(field, text, "field.wrong-type");
        }
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField(field, text, "field.wrong-type");
        }
    }
}
