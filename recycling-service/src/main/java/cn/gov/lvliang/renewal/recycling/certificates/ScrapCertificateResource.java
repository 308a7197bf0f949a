package cn.gov.lvliang.renewal.recycling.certificates;

import cn.gov.lvliang.renewal.platform.problem.Problem;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/recycling/scrap-certificates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scrap certificates · 报废机动车回收证明")
public class ScrapCertificateResource {

    private final ScrapCertificateService certificates;
    private final Caller caller;

    public ScrapCertificateResource(ScrapCertificateService certificates, Caller caller) {
        this.certificates = certificates;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.DISMANTLER)
    @Operation(
            summary = "Issue a scrap certificate · 签发报废机动车回收证明",
            description = "A licensed dismantler records a vehicle it took over for scrapping. The VIN (GB 16735) and"
                    + " the owner's ID number (GB 11643) are checked; the ID number is stored encrypted and as a"
                    + " keyed hash. The certificate is announced as vehicle.scrapped.v1 through the outbox.")
    @APIResponse(
            responseCode = "201",
            description = "Issued",
            content = @Content(schema = @Schema(implementation = ScrapCertificateView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "401",
            description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a dismantler, or not the dismantler named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The certificate number exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issue(@Valid @NotNull IssueScrapCertificate request) {
        ScrapCertificateView issued = certificates.issue(request, caller);
        return Response.created(UriBuilder.fromResource(ScrapCertificateResource.class)
                        .path(issued.certificateNumber())
                        .build())
                .entity(issued)
                .build();
    }

    @GET
    @Path("/{certificateNumber}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR, Roles.COUNTY_OFFICER, Roles.DISMANTLER})
    @Operation(
            summary = "Read a scrap certificate · 查询报废机动车回收证明",
            description = "Owner masked. A dismantler reads its own certificates, a county officer those of its"
                    + " county; a certificate outside the caller's scope answers 404.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = ScrapCertificateView.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown, or outside the caller's scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScrapCertificateView get(@PathParam("certificateNumber") String certificateNumber) {
        return certificates
                .find(certificateNumber, caller)
                .orElseThrow(() -> Problems.notFound("resource.scrap-certificate", certificateNumber));
    }
}
