package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.identifiers.ValidResidentIdNumber;
import cn.gov.lvliang.renewal.platform.identifiers.ValidVin;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.ClaimView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 申请查询: claim search by vehicle, invoice, certificate or applicant. */
@Audited
@Path("/api/subsidies/claims/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims · 补贴申请")
public class ClaimSearchResource {

    /** The applicant's ID number and phone travel in headers, so that no URL or access log holds them. */
    static final String ID_NUMBER_HEADER = "Applicant-Id-Number";

    static final String PHONE_HEADER = "Applicant-Phone";

    private final ClaimSearch search;
    private final Caller caller;

    public ClaimSearchResource(ClaimSearch search, Caller caller) {
        this.search = search;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({
        Roles.CITY_ADMIN,
        Roles.AUDITOR,
        Roles.REVIEWER,
        Roles.COUNTY_OFFICER,
        Roles.DEALER,
        Roles.RETAILER,
        Roles.SYSTEM_CLIENT
    })
    @Operation(
            operationId = "searchClaims",
            summary = "Search claims · 申请查询",
            description = "By the old or new car's VIN, the invoice number, the scrap-certificate number, or the"
                    + " applicant's ID number or phone (given in the Applicant-Id-Number / Applicant-Phone headers,"
                    + " never in the URL, and matched through their keyed hashes). Several criteria must all match;"
                    + " at least one is required. Within the caller's scope, as the claim list: a claim outside it"
                    + " is simply not found. Applicants are shown masked.")
    @Parameter(
            name = ID_NUMBER_HEADER,
            in = ParameterIn.HEADER,
            description = "申请人身份证号码 / the applicant's ID number",
            example = "141124198001011233")
    @Parameter(
            name = PHONE_HEADER,
            in = ParameterIn.HEADER,
            description = "申请人手机号码 / the applicant's phone",
            example = "13812345678")
    @APIResponse(responseCode = "200", description = "A page of matching claims (without check details), newest first")
    @APIResponse(responseCode = "400", description = "No criterion, or a malformed one")
    public Page<ClaimView> search(
            @Parameter(description = "旧车或新车车辆识别代号 / old or new VIN") @QueryParam("vin") @ValidVin String vin,
            @Parameter(description = "发票号码 / invoice number") @QueryParam("invoiceNumber") @Size(min = 1, max = 40)
                    String invoiceNumber,
            @Parameter(description = "报废机动车回收证明编号 / scrap-certificate number")
                    @QueryParam("certificateNumber")
                    @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{5,31}")
                    String certificateNumber,
            @HeaderParam(ID_NUMBER_HEADER) @ValidResidentIdNumber String idNumber,
            @HeaderParam(PHONE_HEADER) @Pattern(regexp = "1\\d{10}") String phone,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return search.search(
                new ClaimSearch.Criteria(vin, invoiceNumber, certificateNumber, idNumber, phone), caller, page, size);
    }
}
