package cn.gov.lvliang.renewal.recycling.datawipes;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/recycling/data-wipe-certificates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Data wipes · 二手电子产品数据清除")
@RolesAllowed({Roles.CITY_ADMIN, Roles.DEPARTMENT_OFFICER, Roles.AUDITOR, Roles.COUNTY_OFFICER, Roles.RECYCLER})
public class DataWipeResource {

    private final DataWipeService wipes;
    private final Caller caller;

    public DataWipeResource(DataWipeService wipes, Caller caller) {
        this.wipes = wipes;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.RECYCLER)
    @Operation(
            operationId = "certifyDataWipe",
            summary = "Certify a data wipe · 出具数据清除证明",
            description = "A licensed second-hand electronics enterprise records that a device's data was wiped:"
                    + " device identifier, method, operator (stored encrypted), time and verification result.")
    @APIResponse(
            responseCode = "201",
            description = "Issued",
            content = @Content(schema = @Schema(implementation = DataWipeCertificateView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, a time in the future")
    @APIResponse(responseCode = "403", description = "The caller's enterprise is not registered or not licensed")
    public Response issue(@Valid @NotNull IssueDataWipeCertificate request) {
        DataWipeCertificateView c = wipes.issue(request, caller);
        return Response.created(UriBuilder.fromResource(DataWipeResource.class)
                        .path(c.certificateId())
                        .build())
                .entity(c)
                .build();
    }

    @GET
    @Path("/{certificateId}")
    @Operation(
            operationId = "getDataWipeCertificate",
            summary = "Read a data-wipe certificate · 查询数据清除证明",
            description = "Operator masked.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = DataWipeCertificateView.class)))
    public DataWipeCertificateView get(@PathParam("certificateId") String certificateId) {
        return wipes.find(certificateId, caller)
                .orElseThrow(() -> Problems.notFound("resource.data-wipe", certificateId));
    }

    @GET
    @Operation(
            operationId = "listDataWipeCertificates",
            summary = "List data-wipe certificates · 数据清除证明列表",
            description = "Filters by device and result.")
    @APIResponse(responseCode = "200", description = "One page of certificates")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    public Page<DataWipeCertificateView> list(
            @QueryParam("deviceId") String deviceId,
            @QueryParam("verificationResult") DataWipeCertificate.Verification verificationResult,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return wipes.list(deviceId, verificationResult, page, size, caller);
    }
}
