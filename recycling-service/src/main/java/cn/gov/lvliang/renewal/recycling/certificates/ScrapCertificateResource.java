package cn.gov.lvliang.renewal.recycling.certificates;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.identifiers.CountyCode;
import cn.gov.lvliang.renewal.platform.paging.Page;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/recycling/scrap-certificates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scrap certificates · 报废机动车回收证明")
@RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DEPARTMENT_OFFICER, Roles.COUNTY_OFFICER, Roles.DISMANTLER})
public class ScrapCertificateResource
        extends CertificateResource<ScrapCertificateView, ScrapCertificateView.Version, CorrectScrapCertificate> {

    private final ScrapCertificateService certificates;

    public ScrapCertificateResource(ScrapCertificateService certificates, Caller caller) {
        super(certificates, caller, "resource.scrap-certificate");
        this.certificates = certificates;
    }

    @POST
    @RolesAllowed(Roles.DISMANTLER)
    @Operation(
            operationId = "issueScrapCertificate",
            summary = "Issue a scrap certificate · 签发报废机动车回收证明",
            description = "A licensed dismantler records a vehicle it took over for scrapping. Only an enterprise"
                    + " registered as a dismantler with a qualification valid today may issue (else 403). The VIN"
                    + " (GB 16735), plate and the owner's ID number (GB 11643) are checked; the owner's name, ID"
                    + " number, phone and address are stored encrypted, the ID number also as a keyed hash. The"
                    + " certificate is version 1 and is announced as vehicle.scrapped.v1 through the outbox.")
    @APIResponse(
            responseCode = "201",
            description = "Issued",
            content = @Content(schema = @Schema(implementation = ScrapCertificateView.class)))
    @APIResponse(
            responseCode = "403",
            description =
                    "Not a dismantler, not the dismantler named, or no valid (unexpired) dismantler qualification")
    @APIResponse(responseCode = "409", description = "The certificate number exists")
    public Response issue(@Valid @NotNull IssueScrapCertificate request) {
        ScrapCertificateView issued = certificates.issue(request, caller);
        return created(ScrapCertificateResource.class, issued.certificateNumber(), issued);
    }

    @GET
    @Path("/{certificateNumber}")
    @RolesAllowed({
        Roles.CITY_ADMIN,
        Roles.AUDITOR,
        Roles.DEPARTMENT_OFFICER,
        Roles.COUNTY_OFFICER,
        Roles.DISMANTLER,
        Roles.SYSTEM_CLIENT
    })
    @Operation(
            operationId = "getScrapCertificate",
            summary = "Read a scrap certificate · 查询报废机动车回收证明",
            description = "Owner masked. A dismantler reads its own certificates, a county officer those of its"
                    + " county; a certificate outside the caller's scope answers 404.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = ScrapCertificateView.class)))
    public ScrapCertificateView get(@PathParam("certificateNumber") String certificateNumber) {
        return read(certificateNumber);
    }

    @GET
    @Operation(
            operationId = "listScrapCertificates",
            summary = "List scrap certificates · 回收证明列表",
            description = "Current versions, owner masked, filtered by county, VIN and status. A dismantler sees its"
                    + " own, a county officer its county.")
    @APIResponse(responseCode = "200", description = "One page of certificates")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<ScrapCertificateView> list(
            @QueryParam("county") @CountyCode String county,
            @QueryParam("vin") String vin,
            @QueryParam("status") ScrapCertificate.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return certificates.list(county, vin, status, page, size, caller);
    }

    @GET
    @Path("/{certificateNumber}/versions")
    @Operation(
            operationId = "listScrapCertificateVersions",
            summary = "Version history · 证明版本历史",
            description = VERSIONS)
    @APIResponse(responseCode = "200", description = "The versions")
    public List<ScrapCertificateView.Version> versions(@PathParam("certificateNumber") String certificateNumber) {
        return history(certificateNumber);
    }

    @POST
    @Path("/{certificateNumber}/corrections")
    @RolesAllowed(Roles.DISMANTLER)
    @Operation(
            operationId = "correctScrapCertificate",
            summary = "Correct a certificate · 更正回收证明",
            description = CORRECTION + " Announced as certificate.corrected.v1.")
    @APIResponse(
            responseCode = "200",
            description = CORRECTED,
            content = @Content(schema = @Schema(implementation = ScrapCertificateView.class)))
    @APIResponse(responseCode = "403", description = "Not qualified")
    @APIResponse(responseCode = "404", description = NOT_THE_CALLERS)
    @APIResponse(responseCode = "409", description = NOT_CURRENT)
    public ScrapCertificateView correct(
            @PathParam("certificateNumber") String certificateNumber, @Valid @NotNull CorrectScrapCertificate request) {
        return correction(certificateNumber, request);
    }

    @POST
    @Path("/{certificateNumber}/void")
    @RolesAllowed({Roles.DISMANTLER, Roles.CITY_ADMIN})
    @Operation(
            operationId = "voidScrapCertificate",
            summary = "Void a certificate · 作废回收证明",
            description = VOIDING + " Announced as certificate.voided.v1.")
    @APIResponse(
            responseCode = "200",
            description = "Voided",
            content = @Content(schema = @Schema(implementation = ScrapCertificateView.class)))
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "409", description = VOIDED_ALREADY)
    public ScrapCertificateView voidCertificate(
            @PathParam("certificateNumber") String certificateNumber, @Valid @NotNull VoidScrapCertificate request) {
        return voiding(certificateNumber, request);
    }

    @PUT
    @Path("/{certificateNumber}/deregistration")
    @RolesAllowed({Roles.DISMANTLER, Roles.COUNTY_OFFICER, Roles.CITY_ADMIN, Roles.SYSTEM_CLIENT})
    @Operation(
            operationId = "recordDeregistration",
            summary = "Record the deregistration · 登记注销",
            description = "The traffic police deregistered (注销) the scrapped vehicle. The date may not precede the"
                    + " handover nor lie in the future. Announced as vehicle.deregistered.v1.")
    @APIResponse(
            responseCode = "200",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = ScrapCertificateView.class)))
    @APIResponse(responseCode = "400", description = "Impossible date")
    @APIResponse(responseCode = "409", description = "Deregistered already, or the certificate is voided")
    public ScrapCertificateView deregister(
            @PathParam("certificateNumber") String certificateNumber, @Valid @NotNull DeregisterVehicle request) {
        return certificates.deregister(certificateNumber, request, caller);
    }
}
