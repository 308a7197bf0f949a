package cn.gov.lvliang.renewal.subsidy.programmes;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.operations.DepartmentResponsibilities;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What each department reads in this service (部门职责范围): programme categories, starting from
 * the plan's defaults; the city administrator changes them (every change is in the audit trail). Who
 * reads what is the platform's {@link DepartmentResponsibilities} (decision 0042).
 */
@Audited
@Path("/api/subsidies/responsibilities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation · 组织机构")
public class ResponsibilityResource
        extends DepartmentResponsibilities<
                ResponsibilityResource.ResponsibilityView, ResponsibilityResource.ChangeResponsibility> {

    @Schema(name = "SubsidyResponsibility", description = "部门职责范围 / the programme categories a department reads")
    public record ResponsibilityView(
            @Schema(example = "swj") String department,

            @Schema(example = "[\"CAR_SCRAPPAGE\", \"HOME_APPLIANCE\"]")
            Set<ProgrammeCategory> categories) {}

    @Schema(name = "ChangeSubsidyResponsibility", description = "The categories the department reads from now on")
    public record ChangeResponsibility(@NotNull Set<@NotNull ProgrammeCategory> categories) {}

    public ResponsibilityResource(Caller caller) {
        super(caller);
    }

    @GET
    @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listSubsidyResponsibilities",
            summary = "List department responsibilities · 部门职责范围",
            description = "Per department of the organisation directory, the programme categories whose programmes,"
                    + " claims (masked) and budget accounts its officers read.")
    @APIResponse(
            responseCode = "200",
            description = "Every department with a responsibility",
            content = @Content(schema = @Schema(implementation = ResponsibilityView.class, type = SchemaType.ARRAY)))
    @Transactional
    public List<ResponsibilityView> list() {
        return List.copyOf(views(DepartmentResponsibility.listAll()).values());
    }

    @GET
    @Path("/{department}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DEPARTMENT_OFFICER})
    @Transactional
    @Operation(
            operationId = "getSubsidyResponsibility",
            summary = "A department's responsibility · 部门职责范围",
            description =
                    "The programme categories whose programmes, claims (masked) and budget accounts one department of the organisation directory reads (empty when none; code matched without regard to case). The city administrator and"
                            + " the auditor read any department's, a department officer only its own (another"
                            + " department: 404).")
    @APIResponse(
            responseCode = "200",
            description = "The department's responsibility",
            content = @Content(schema = @Schema(implementation = ResponsibilityView.class)))
    @APIResponse(responseCode = "404", description = "Unknown department, or another department's")
    public ResponsibilityView get(@PathParam("department") String department) {
        return read(department);
    }

    @PUT
    @Path("/{department}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Transactional
    @Operation(
            operationId = "changeSubsidyResponsibility",
            summary = "Change a department's responsibility · 调整部门职责范围",
            description = "Replaces the programme categories the department reads. The department must be in the"
                    + " organisation directory (code matched without regard to case).")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = ResponsibilityView.class)))
    @APIResponse(responseCode = "404", description = "Unknown department")
    public ResponsibilityView change(
            @PathParam("department") String department, @Valid @NotNull ChangeResponsibility request) {
        return update(department, request);
    }

    @Override
    protected ResponsibilityView of(String department) {
        return views(DepartmentResponsibility.list("department", department))
                .getOrDefault(department, new ResponsibilityView(department, new TreeSet<>()));
    }

    @Override
    protected ResponsibilityView replace(String code, ChangeResponsibility request) {
        DepartmentResponsibility.delete("department", code);
        for (ProgrammeCategory category : request.categories()) {
            DepartmentResponsibility r = new DepartmentResponsibility();
            r.department = code;
            r.category = category;
            r.persist();
        }
        return new ResponsibilityView(code, new TreeSet<>(request.categories()));
    }

    private static Map<String, ResponsibilityView> views(List<DepartmentResponsibility> rows) {
        Map<String, ResponsibilityView> all = new TreeMap<>();
        for (DepartmentResponsibility r : rows) {
            all.computeIfAbsent(r.department, d -> new ResponsibilityView(d, new TreeSet<>()))
                    .categories()
                    .add(r.category);
        }
        return all;
    }
}
