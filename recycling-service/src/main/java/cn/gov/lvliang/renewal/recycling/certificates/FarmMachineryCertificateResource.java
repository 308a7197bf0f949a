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

/** Farm-machinery scrap certificates (农机报废回收证明): issued by qualified farm-machinery dismantlers. */
@Audited
@Path("/api/recycling/farm-machinery-certificates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Farm-machinery scrap certificates · 农机报废回收证明")
@RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DEPARTMENT_OFFICER, Roles.COUNTY_OFFICER, Roles.DISMANTLER})
public class FarmMachineryCertificateResource
        extends CertificateResource<
                FarmMachineryCertificateView, FarmMachineryCertificateView.Version, CorrectFarmMachineryCertificate> {

    private final FarmMachineryCertificateService certificates;

    public FarmMachineryCertificateResource(FarmMachineryCertificateService certificates, Caller caller) {
        super(certificates, caller, "resource.farm-machinery-certificate");
        this.certificates = certificates;
    }

    @POST
    @RolesAllowed(Roles.DISMANTLER)
    @Operation(
            operationId = "issueFarmMachineryCertificate",
            summary = "Issue a farm-machinery scrap certificate · 签发农机报废回收证明",
            description = "A farm-machinery dismantler (农机回收拆解企业: registered with type FARM_MACHINERY_DISMANTLER"
                    + " and a qualification valid today, else 403) records a farm machine it took over for"
                    + " scrapping: machine type, power (kW), factory and engine numbers, make and model, handover"
                    + " date, county and the owner, a natural person (name and resident ID number, GB 11643;"
                    + " stored encrypted, the ID number also as a keyed hash, shown masked) or an organisation"
                    + " (credit code and name). Version 1, announced as farm-machinery.scrapped.v1 through the"
                    + " outbox.")
    @APIResponse(
            responseCode = "201",
            description = "Issued",
            content = @Content(schema = @Schema(implementation = FarmMachineryCertificateView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not the dismantler named, or not a farm-machinery dismantler with a valid qualification")
    @APIResponse(responseCode = "409", description = "The certificate number exists")
    public Response issue(@Valid @NotNull IssueFarmMachineryCertificate request) {
        FarmMachineryCertificateView issued = certificates.issue(request, caller);
        return created(FarmMachineryCertificateResource.class, issued.certificateNumber(), issued);
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
            operationId = "getFarmMachineryCertificate",
            summary = "Read a farm-machinery scrap certificate · 查询农机报废回收证明",
            description = "Owner masked. A dismantler reads its own certificates, a county officer those of its"
                    + " county, a department officer those of its responsibility (FARM_MACHINERY_CERTIFICATES, e.g."
                    + " 市农业农村局); outside the caller's scope 404.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = FarmMachineryCertificateView.class)))
    public FarmMachineryCertificateView get(@PathParam("certificateNumber") String certificateNumber) {
        return read(certificateNumber);
    }

    @GET
    @Operation(
            operationId = "listFarmMachineryCertificates",
            summary = "List farm-machinery scrap certificates · 农机报废回收证明列表",
            description = "Current versions, owner masked, filtered by county, machine type, factory number and"
                    + " status, within the caller's scope.")
    @APIResponse(responseCode = "200", description = "One page of certificates")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<FarmMachineryCertificateView> list(
            @QueryParam("county") @CountyCode String county,
            @QueryParam("machineType") MachineType machineType,
            @QueryParam("factoryNumber") String factoryNumber,
            @QueryParam("status") IssuedCertificate.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return certificates.list(county, machineType, factoryNumber, status, page, size, caller);
    }

    @GET
    @Path("/{certificateNumber}/versions")
    @Operation(
            operationId = "listFarmMachineryCertificateVersions",
            summary = "Version history · 农机证明版本历史",
            description = VERSIONS)
    @APIResponse(responseCode = "200", description = "The versions")
    public List<FarmMachineryCertificateView.Version> versions(
            @PathParam("certificateNumber") String certificateNumber) {
        return history(certificateNumber);
    }

    @POST
    @Path("/{certificateNumber}/corrections")
    @RolesAllowed(Roles.DISMANTLER)
    @Operation(
            operationId = "correctFarmMachineryCertificate",
            summary = "Correct a farm-machinery certificate · 更正农机报废回收证明",
            description = CORRECTION + " Announced as farm-machinery-certificate.corrected.v1.")
    @APIResponse(
            responseCode = "200",
            description = CORRECTED,
            content = @Content(schema = @Schema(implementation = FarmMachineryCertificateView.class)))
    @APIResponse(responseCode = "403", description = "Not the issuer, or not qualified")
    @APIResponse(responseCode = "404", description = NOT_THE_CALLERS)
    @APIResponse(responseCode = "409", description = NOT_CURRENT)
    public FarmMachineryCertificateView correct(
            @PathParam("certificateNumber") String certificateNumber,
            @Valid @NotNull CorrectFarmMachineryCertificate request) {
        return correction(certificateNumber, request);
    }

    @POST
    @Path("/{certificateNumber}/void")
    @RolesAllowed({Roles.DISMANTLER, Roles.CITY_ADMIN})
    @Operation(
            operationId = "voidFarmMachineryCertificate",
            summary = "Void a farm-machinery certificate · 作废农机报废回收证明",
            description = VOIDING + " Announced as farm-machinery-certificate.voided.v1.")
    @APIResponse(
            responseCode = "200",
            description = "Voided",
            content = @Content(schema = @Schema(implementation = FarmMachineryCertificateView.class)))
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "409", description = VOIDED_ALREADY)
    public FarmMachineryCertificateView voidCertificate(
            @PathParam("certificateNumber") String certificateNumber, @Valid @NotNull VoidScrapCertificate request) {
        return voiding(certificateNumber, request);
    }
}
