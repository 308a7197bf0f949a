package cn.gov.lvliang.renewal.recycling.publication;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.identifiers.CountyCode;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.recycling.enterprises.EnterpriseType;
import cn.gov.lvliang.renewal.recycling.enterprises.LicenceStatus;
import cn.gov.lvliang.renewal.recycling.sites.SiteLevel;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The two deliberately public listings (公示): licensed enterprises with their qualifications and
 * sites, and the collection network. No token needed; nothing personal is ever included.
 */
@Audited
@Path("/api/recycling/public")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public listings · 公示 (no token)")
@SecurityRequirements
public class PublicListingResource {

    private final PublicListings listings;

    public PublicListingResource(PublicListings listings) {
        this.listings = listings;
    }

    @GET
    @Path("/enterprises")
    @PermitAll
    @Operation(
            operationId = "listPublishedEnterprises",
            summary = "Published enterprises and qualifications · 企业资质公示",
            description = "Public, no token. Name, type, county, licence number, scope, validity and the licence"
                    + " status today (VALID, EXPIRED, SUSPENDED, REVOKED, NOT_YET_VALID), with the enterprise's"
                    + " collection sites. Never contacts or personal data.")
    @APIResponse(responseCode = "200", description = "One page of enterprises")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<PublicEnterpriseView> enterprises(
            @QueryParam("type") EnterpriseType type,
            @QueryParam("county") @CountyCode String county,
            @QueryParam("licenceStatus") LicenceStatus licenceStatus,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return listings.enterprises(type, county, licenceStatus, page, size);
    }

    @GET
    @Path("/sites")
    @PermitAll
    @Operation(
            operationId = "listPublishedSites",
            summary = "Published collection network · 回收网点公示",
            description = "Public, no token. Collection points (交投点), transfer stations (中转站) and sorting"
                    + " centres (分拣中心) that are not closed, filtered by county and level.")
    @APIResponse(responseCode = "200", description = "One page of sites")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<PublicSiteView> sites(
            @QueryParam("county") @CountyCode String county,
            @QueryParam("level") SiteLevel level,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return listings.sites(county, level, page, size);
    }
}
