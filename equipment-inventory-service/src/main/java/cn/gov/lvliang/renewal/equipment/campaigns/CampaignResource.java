package cn.gov.lvliang.renewal.equipment.campaigns;

import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.sectors.Sector;
import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.identifiers.AreaCode;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.platform.time.SqlValues;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Survey campaigns (摸排): the city asks every county to survey the equipment of a sector or a
 * category by a deadline; each county reports its state and how many units it expects; the
 * completeness per county compares that with the units registered here.
 */
@Audited
@Path("/api/equipment/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Survey campaigns · 摸排")
@RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR, Roles.COUNTY_OFFICER, Roles.DEPARTMENT_OFFICER})
public class CampaignResource {

    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;
    private final CampaignList list;

    public CampaignResource(EntityManager em, Caller caller, Clock clock, CampaignList list) {
        this.em = em;
        this.caller = caller;
        this.clock = clock;
        this.list = list;
    }

    @Schema(name = "CampaignRequest", description = "发起摸排 / start a survey campaign")
    public record CampaignRequest(
            @Schema(example = "2024年重点行业设备现状摸排") @NotBlank @Size(max = 200)
            String title,

            @Schema(description = "重点领域 (or a category)", example = "coking")
            String sector,

            @Schema(description = "设备类别 (or a sector)") Category category,

            @Schema(description = "截止日期 / deadline", example = "2024-06-30") @NotNull
            LocalDate deadline) {}

    @Schema(name = "SubmissionUpdate", description = "县级报送 / a county's submission")
    public record SubmissionUpdate(
            @NotNull SubmissionState state,

            @Schema(description = "应报单位数 / units the county expects to report", example = "25")
            @PositiveOrZero
            @Max(100000)
            Integer expectedUnits,

            @Schema(example = "0") @NotNull Integer version) {}

    @Schema(name = "Campaign", description = "摸排任务及各县完成度 / campaign with per-county completeness")
    public record CampaignView(
            long id,
            String title,
            String sector,
            Category category,
            LocalDate deadline,
            boolean overdue,
            List<CountyView> counties,
            int version) {}

    @Schema(name = "CampaignCounty", description = "县级报送状态与完整度 / a county's state and completeness")
    public record CountyView(
            @Schema(example = "141181") String county,
            @Schema(example = "孝义市") String countyName,
            SubmissionState state,
            @Schema(example = "25") int expectedUnits,

            @Schema(description = "已登记单位数 in scope / units registered", example = "20")
            long registeredUnits,

            @Schema(description = "已登记设备数 / equipment registered", example = "340")
            long registeredEquipment,

            @Schema(description = "完整度 registered/expected (null when nothing expected)", example = "0.8000")
            BigDecimal completeness,

            Instant submittedAt,
            int version) {}

    @POST
    @Transactional
    @RolesAllowed({Roles.CITY_ADMIN, Roles.DEPARTMENT_OFFICER})
    @Operation(
            operationId = "startCampaign",
            summary = "Start a survey campaign · 发起摸排",
            description = "Scope: a sector, a category or both; every one of the 13 counties starts NOT_STARTED.")
    @APIResponse(
            responseCode = "201",
            description = "Started",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    public Response start(@Valid @NotNull CampaignRequest request) {
        if (request.sector() == null && request.category() == null) {
            throw Problems.invalidField("sector", null, "field.campaign-scope");
        }
        if (request.sector() != null && Sector.findById(request.sector()) == null) {
            throw Problems.invalidField("sector", request.sector(), "field.unknown-sector");
        }
        Instant now = Instant.now(clock);
        long id = ((Number) em.createNativeQuery("insert into survey_campaign (title, sector_code, category, deadline,"
                                + " created_at, created_by) values (?1, ?2, ?3, ?4, ?5, ?6) returning id")
                        .setParameter(1, request.title())
                        .setParameter(2, request.sector())
                        .setParameter(
                                3,
                                request.category() == null
                                        ? null
                                        : request.category().name())
                        .setParameter(4, request.deadline())
                        .setParameter(5, now)
                        .setParameter(6, caller.subject())
                        .getSingleResult())
                .longValue();
        for (String county : new TreeSet<>(AreaCode.COUNTIES.keySet())) {
            em.createNativeQuery(
                            "insert into survey_submission (campaign_id, county, state, updated_at) values (?1, ?2,"
                                    + " 'NOT_STARTED', ?3)")
                    .setParameter(1, id)
                    .setParameter(2, county)
                    .setParameter(3, now)
                    .executeUpdate();
        }
        return Response.status(201).entity(view(id)).build();
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(
            operationId = "listCampaigns",
            summary = "List survey campaigns · 摸排任务列表",
            description = "Newest first, each with how many of the 13 counties have submitted and been accepted;"
                    + " open=true keeps the campaigns whose deadline has not passed, open=false the others. Every"
                    + " county takes part in every campaign, so every role that reads one reads them all.")
    @APIResponse(responseCode = "200", description = "One page: items, total, page, size")
    public Page<CampaignList.CampaignSummary> list(
            @QueryParam("open") Boolean open,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return list.page(open, page, size);
    }

    @GET
    @Path("/{id}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(
            operationId = "getCampaign",
            summary = "A campaign with per-county completeness · 摸排进度",
            description = "Each county's submission state, the units it expects, the units and equipment registered"
                    + " here within the campaign's sector or category, and the completeness ratio.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    public CampaignView get(@PathParam("id") long id) {
        return view(id);
    }

    @PUT
    @Path("/{id}/counties/{county}")
    @Transactional
    @RolesAllowed({Roles.CITY_ADMIN, Roles.COUNTY_OFFICER})
    @Operation(
            operationId = "reportCountySubmission",
            summary = "Report a county's submission · 县级报送",
            description = "A county officer moves its own county NOT_STARTED → IN_PROGRESS → SUBMITTED (before the"
                    + " deadline); the city accepts (ACCEPTED) or reopens (IN_PROGRESS). Other moves are 409.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not allowed from this state, past the deadline, or stale version · 状态冲突")
    public CampaignView report(
            @PathParam("id") long id, @PathParam("county") String county, @Valid @NotNull SubmissionUpdate update) {
        boolean city = caller.hasRole(Roles.CITY_ADMIN);
        if (!city && !caller.county().map(county::equals).orElse(false)) {
            throw Problems.notFound("resource.campaign", id + "/" + county);
        }
        CampaignView campaign = view(id);
        CountyView current = campaign.counties().stream()
                .filter(c -> c.county().equals(county))
                .findFirst()
                .orElseThrow(() -> Problems.notFound("resource.campaign", id + "/" + county));
        if (current.version() != update.version()) {
            throw new OptimisticLockException("stale submission");
        }
        Set<SubmissionState> allowed = current.state().next();
        boolean cityOnly = update.state() == SubmissionState.ACCEPTED
                || (current.state() == SubmissionState.SUBMITTED && update.state() == SubmissionState.IN_PROGRESS);
        if (!allowed.contains(update.state()) || (cityOnly && !city)) {
            throw Problems.conflict(
                    "invalid-transition",
                    "detail.invalid-transition",
                    current.state().name(),
                    update.state().name());
        }
        if (!city && campaign.overdue()) {
            throw Problems.conflict("campaign-closed", "detail.campaign-closed", id);
        }
        Instant now = Instant.now(clock);
        // The version in the WHERE clause makes check and write one step: of two concurrent edits of
        // the same version, the second finds no row once the first commits, and gets 409.
        int updated = em.createNativeQuery("update survey_submission set state = ?1,"
                        + " expected_units = coalesce(?2, expected_units),"
                        + " submitted_at = case when ?1 = 'SUBMITTED' then ?3 else submitted_at end, updated_at = ?3,"
                        + " version = version + 1 where campaign_id = ?4 and county = ?5 and version = ?6")
                .setParameter(1, update.state().name())
                .setParameter(2, update.expectedUnits())
                .setParameter(3, now)
                .setParameter(4, id)
                .setParameter(5, county)
                .setParameter(6, update.version())
                .executeUpdate();
        if (updated != 1) {
            throw new OptimisticLockException("stale submission");
        }
        return view(id);
    }

    private CampaignView view(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> head = em.createNativeQuery("select title, sector_code, category, deadline, version from"
                        + " survey_campaign where id = ?1")
                .setParameter(1, id)
                .getResultList();
        if (head.isEmpty()) {
            throw Problems.notFound("resource.campaign", id);
        }
        Object[] h = head.get(0);
        String sector = (String) h[1];
        String category = (String) h[2];
        LocalDate deadline = SqlValues.localDate(h[3]);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select s.county, s.state, s.expected_units, s.submitted_at, s.version,"
                                + " (select count(distinct e.unit_id) from equipment e where e.county = s.county and"
                                + " (cast(?2 as text) is null or e.sector_code = ?2) and (cast(?3 as text) is null or e.category ="
                                + " ?3)), (select count(*) from equipment e where e.county = s.county and (cast(?2 as text) is"
                                + " null or e.sector_code = ?2) and (cast(?3 as text) is null or e.category = ?3)) from"
                                + " survey_submission s where s.campaign_id = ?1 order by s.county")
                .setParameter(1, id)
                .setParameter(2, sector)
                .setParameter(3, category)
                .getResultList();
        List<CountyView> counties = rows.stream()
                .map(r -> {
                    int expected = ((Number) r[2]).intValue();
                    long units = ((Number) r[5]).longValue();
                    return new CountyView(
                            (String) r[0],
                            AreaCode.countyName((String) r[0]).orElse(null),
                            SubmissionState.valueOf((String) r[1]),
                            expected,
                            units,
                            ((Number) r[6]).longValue(),
                            expected == 0
                                    ? null
                                    : BigDecimal.valueOf(Math.min(units, expected))
                                            .divide(BigDecimal.valueOf(expected), 4, RoundingMode.HALF_UP),
                            SqlValues.instant(r[3]),
                            ((Number) r[4]).intValue());
                })
                .toList();
        return new CampaignView(
                id,
                (String) h[0],
                sector,
                category == null ? null : Category.valueOf(category),
                deadline,
                LocalDate.now(clock).isAfter(deadline),
                counties,
                ((Number) h[4]).intValue());
    }
}
