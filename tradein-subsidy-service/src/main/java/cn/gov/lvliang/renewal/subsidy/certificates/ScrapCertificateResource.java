package cn.gov.lvliang.renewal.subsidy.certificates;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Audited
@Path("/api/subsidies/scrap-certificates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scrap certificates · 报废机动车回收证明")
public class ScrapCertificateResource {

    private static final Set<String> CITY_WIDE = Set.of(Roles.CITY_ADMIN, Roles.AUDITOR, Roles.SYSTEM_CLIENT);

    private final Caller caller;

    public ScrapCertificateResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Path("/{certificateNumber}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.SYSTEM_CLIENT, Roles.COUNTY_OFFICER})
    @Operation(
            operationId = "getSubsidyScrapCertificate",
            summary = "Read a scrap certificate as the subsidy side knows it · 查询补贴侧的回收证明",
            description = "The read model built from recycling-service's vehicle.scrapped events, which car claims"
                    + " are verified against. Owner masked. A county officer sees its own county only; anything"
                    + " else answers 404.")
    @APIResponse(
            responseCode = "200",
            description = "Known",
            content = @Content(schema = @Schema(implementation = ScrapCertificateView.class)))
    @APIResponse(responseCode = "404", description = "Not (yet) received, or outside the caller's scope")
    public ScrapCertificateView get(@PathParam("certificateNumber") String certificateNumber) {
        ScrapCertificateRecord found;
        cn.gov.lvliang.renewal.subsidy.programmes.DepartmentScope.requireKnownCounty(caller);
        // a reviewer whose token names no county reviews city-wide
        if (caller.hasAnyRole(CITY_WIDE)
                || (caller.hasRole(Roles.REVIEWER) && caller.county().isEmpty())) {
            found = ScrapCertificateRecord.findById(certificateNumber);
        } else {
            found = ScrapCertificateRecord.find(
                            "certificateNumber = ?1 and county = ?2",
                            certificateNumber,
                            caller.county().orElse(""))
                    .firstResult();
        }
        if (found == null) {
            throw Problems.notFound("resource.scrap-certificate", certificateNumber);
        }
        return ScrapCertificateView.of(found);
    }
}
