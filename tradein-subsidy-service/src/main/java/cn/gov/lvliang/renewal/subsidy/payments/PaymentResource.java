package cn.gov.lvliang.renewal.subsidy.payments;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.audit.AuditedRead;
import cn.gov.lvliang.renewal.platform.identifiers.CountyCode;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.payments.PaymentViews.BatchSummary;
import cn.gov.lvliang.renewal.subsidy.payments.PaymentViews.BatchView;
import cn.gov.lvliang.renewal.subsidy.payments.PaymentViews.CreateBatch;
import cn.gov.lvliang.renewal.subsidy.payments.PaymentViews.CreateTopUps;
import cn.gov.lvliang.renewal.subsidy.payments.PaymentViews.Results;
import cn.gov.lvliang.renewal.subsidy.payments.PaymentViews.TopUpView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/subsidies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payments · 资金拨付")
@RolesAllowed({Roles.CITY_ADMIN, Roles.COUNTY_OFFICER, Roles.DEPARTMENT_OFFICER, Roles.AUDITOR, Roles.SYSTEM_CLIENT})
public class PaymentResource {

    private final PaymentService payments;
    private final Caller caller;

    public PaymentResource(PaymentService payments, Caller caller) {
        this.payments = payments;
        this.caller = caller;
    }

    @POST
    @Path("/payment-batches")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.COUNTY_OFFICER})
    @Operation(
            operationId = "createPaymentBatch",
            summary = "Create a payment batch · 生成拨付批次",
            description = "Groups every approved claim not yet in a batch, and every reserved top-up, of a programme"
                    + " in a county. A county officer batches its own county only.")
    @APIResponse(
            responseCode = "201",
            description = "The batch",
            content = @Content(schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "403", description = "Another county")
    @APIResponse(responseCode = "422", description = "Nothing to pay")
    public Response create(@Valid @NotNull CreateBatch request) {
        return Response.status(201)
                .entity(payments.create(request.programmeId(), request.county(), caller))
                .build();
    }

    @GET
    @Path("/payment-batches")
    @Operation(
            operationId = "listPaymentBatches",
            summary = "List payment batches · 拨付批次列表",
            description = "Newest first, with each batch's total and how many of its items are paid, failed or still"
                    + " pending. A county officer sees its own county's batches only, a department officer (市财政局) those"
                    + " of the programmes it is responsible for; the filters narrow further.")
    @APIResponse(responseCode = "200", description = "One page of batches: items, total, page, size")
    @APIResponse(responseCode = "400", description = "Invalid paging or filter")
    public Page<BatchSummary> list(
            @QueryParam("programmeId") @Size(max = 40) String programmeId,
            @QueryParam("county") @CountyCode String county,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return payments.list(programmeId, county, page, size, caller);
    }

    @GET
    @Path("/payment-batches/{id}")
    @Operation(
            operationId = "getPaymentBatch",
            summary = "Read a payment batch · 查询拨付批次",
            description = "Its items and their results.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = BatchView.class)))
    public BatchView get(@PathParam("id") UUID id) {
        return payments.get(id, caller);
    }

    @GET
    @Path("/payment-batches/{id}/treasury.csv")
    @AuditedRead
    @Produces("text/csv")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.COUNTY_OFFICER, Roles.SYSTEM_CLIENT})
    @Operation(
            operationId = "exportTreasuryFile",
            summary = "Export the treasury file · 导出国库支付文件",
            description = "CSV (UTF-8 with BOM, Chinese headers) for the treasury or bank: item number, batch, claim,"
                    + " kind, payee, account, amount in yuan, purpose. It holds the payee's name and account in full,"
                    + " as the bank needs them; nothing of it is stored.")
    @APIResponse(
            responseCode = "200",
            description = "The file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response treasuryCsv(@PathParam("id") UUID id) {
        return Response.ok(payments.treasuryCsv(id, caller))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"treasury-" + id + ".csv\"")
                .build();
    }

    @POST
    @Path("/payment-batches/{id}/results")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.COUNTY_OFFICER, Roles.SYSTEM_CLIENT})
    @Operation(
            operationId = "recordPaymentResults",
            summary = "Record payment results · 登记支付结果",
            description = "Per item: PAID posts the reservation and marks the claim paid (claim.paid); FAILED either"
                    + " keeps the reservation for a retry in a later batch, or releases it and returns the claim for"
                    + " correction (PAYMENT_FAILED). Recording the same result again changes nothing; a different"
                    + " result for a recorded item is refused.")
    @APIResponse(
            responseCode = "200",
            description = "The batch after recording",
            content = @Content(schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "400", description = "Unknown item")
    @APIResponse(responseCode = "409", description = "A different result is recorded for an item")
    public BatchView record(@PathParam("id") UUID id, @Valid @NotNull Results results) {
        return payments.record(id, results.results(), caller);
    }

    @POST
    @Path("/top-ups")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(
            operationId = "computeTopUps",
            summary = "Compute retroactive top-ups · 计算补差",
            description = "After a rule version raised amounts retroactively (as in July 2024), compares every paid"
                    + " claim of the programme with the version now in force for its purchase date and creates a"
                    + " top-up for the difference, reserving it in the budget (or queueing it when funds are short;"
                    + " the next allocation to the programme and county reserves queued top-ups, oldest first, after"
                    + " the claims queued there). Reserved top-ups go into the next payment batch. Running it again"
                    + " creates nothing new.")
    @APIResponse(
            responseCode = "200",
            description = "The top-ups created",
            content = @Content(schema = @Schema(implementation = TopUpView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "Unknown programme")
    public List<TopUpView> topUps(@Valid @NotNull CreateTopUps request) {
        return payments.computeTopUps(request.programmeId(), caller);
    }
}
