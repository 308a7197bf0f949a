package cn.gov.lvliang.renewal.tasks.organisation;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organisation directory: departments from the plan, counties and other implementing units. */
@Audited
@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation · 组织机构")
@RolesAllowed({
    Roles.CITY_ADMIN,
    Roles.AUDITOR,
    Roles.DEPARTMENT_OFFICER,
    Roles.COUNTY_OFFICER,
    Roles.STATISTICS_BUREAU,
    Roles.SYSTEM_CLIENT
})
public class DirectoryResource {

    private final DirectoryEvents events;
    private final Clock clock;

    public DirectoryResource(DirectoryEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Schema(name = "Department", description = "牵头单位 / lead department or co-operating company")
    public record DepartmentView(
            @Schema(example = "zjj") String code,
            @Schema(example = "市住建局") String name,

            @Schema(example = "市住建局", description = "the name as the document writes it")
            String sourceName,

            Department.Kind kind,
            int version) {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.code, d.name, d.sourceName, d.kind, d.version);
        }
    }

    @Schema(name = "RenameDepartment", description = "A new display name; the code stays")
    public record RenameDepartment(
            @NotBlank @Size(max = 100) @Schema(example = "吕梁市住房和城乡建设局")
            String name,

            @NotNull @Schema(example = "0") Integer version) {}

    @Schema(name = "NewDepartment", description = "A department the plan does not name, added by the city")
    public record NewDepartment(
            @NotBlank
            @Pattern(regexp = "[A-Za-z][A-Za-z0-9-]{1,29}")
            @Schema(example = "xfj", description = "stored lower-case; matched without regard to case")
            String code,

            @NotBlank @Size(max = 100) @Schema(example = "市信访局")
            String name,

            @NotNull Department.Kind kind) {}

    @Schema(name = "ImplementingUnit", description = "县（市、区）、吕梁新区或省级经开区 / implementing unit")
    public record UnitView(
            @Schema(example = "141124") String code,
            @Schema(example = "临县") String name,
            ImplementingUnit.Kind kind,
            boolean implementsEveryTask) {
        static UnitView of(ImplementingUnit u) {
            return new UnitView(u.code, u.name, u.kind, u.implementsEveryTask);
        }
    }

    @Schema(name = "NewImplementingUnit", description = "A development zone or other area added by the city")
    public record NewUnit(
            @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,20}") @Schema(example = "LLJKQ")
            String code,

            @NotBlank @Size(max = 100) @Schema(example = "某省级经济技术开发区")
            String name,

            @NotNull ImplementingUnit.Kind kind) {}

    @GET
    @Path("/departments")
    @Operation(
            operationId = "listDepartments",
            summary = "List departments · 牵头单位列表",
            description = "Created from the imported documents. The code is stable; it is what a department"
                    + " officer's token carries in its `department` claim.")
    @APIResponse(responseCode = "200", description = "All departments")
    public List<DepartmentView> departments() {
        return Department.<Department>listAll(Sort.by("code")).stream()
                .map(DepartmentView::of)
                .toList();
    }

    @POST
    @Path("/departments")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Transactional
    @Operation(
            operationId = "addDepartment",
            summary = "Add a department · 新增部门",
            description = "A department the imported plans do not name. Announced to the other services"
                    + " (organisation.department-changed.v1), whose read models then accept its code.")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = DepartmentView.class)))
    @APIResponse(responseCode = "409", description = "The code or name exists")
    public Response addDepartment(@Valid @NotNull NewDepartment request) {
        String code = CallerScope.canonicalDepartment(request.code());
        String name = request.name().strip();
        if (Department.findById(code) != null || Department.count("name = ?1 or sourceName = ?1", name) > 0) {
            throw Problems.conflict("department-exists", "detail.department-exists", code);
        }
        Department department = new Department();
        department.code = code;
        department.name = name;
        department.sourceName = name;
        department.kind = request.kind();
        department.createdAt = Instant.now(clock);
        department.persist();
        Department.flush();
        events.department(department, DirectoryEvents.Change.ADDED);
        return Response.status(201).entity(DepartmentView.of(department)).build();
    }

    @PATCH
    @Path("/departments/{code}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Transactional
    @Operation(
            operationId = "renameDepartment",
            summary = "Rename a department · 修改部门名称",
            description = "The code stays; a stale version is 409.")
    @APIResponse(
            responseCode = "200",
            description = "Renamed",
            content = @Content(schema = @Schema(implementation = DepartmentView.class)))
    @APIResponse(responseCode = "404", description = "Unknown department")
    @APIResponse(responseCode = "409", description = "Changed by someone else")
    public DepartmentView rename(@PathParam("code") String code, @Valid @NotNull RenameDepartment request) {
        Department department = Department.findById(CallerScope.canonicalDepartment(code));
        if (department == null) {
            throw Problems.notFound("resource.department", code);
        }
        if (department.version != request.version()) {
            throw new jakarta.persistence.OptimisticLockException("stale department " + code);
        }
        department.rename(request.name());
        Department.flush();
        events.department(department, DirectoryEvents.Change.RENAMED);
        return DepartmentView.of(department);
    }

    @GET
    @Path("/implementing-units")
    @Operation(
            operationId = "listImplementingUnits",
            summary = "List implementing units · 实施单位列表",
            description = "The 13 counties (GB/T 2260), which implement every task, plus 吕梁新区 and the"
                    + " development zones the city has added.")
    @APIResponse(responseCode = "200", description = "All units")
    public List<UnitView> units() {
        return ImplementingUnit.<ImplementingUnit>listAll(Sort.by("code")).stream()
                .map(UnitView::of)
                .toList();
    }

    @POST
    @Path("/implementing-units")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Transactional
    @Operation(
            operationId = "addImplementingUnit",
            summary = "Add an implementing unit · 新增实施单位",
            description = "A development zone or new district.")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "409", description = "The code or name exists")
    public Response addUnit(@Valid @NotNull NewUnit request) {
        if (ImplementingUnit.findById(request.code()) != null
                || ImplementingUnit.count("name", request.name().strip()) > 0) {
            throw Problems.conflict("unit-exists", "detail.unit-exists", request.code());
        }
        ImplementingUnit unit = new ImplementingUnit();
        unit.code = request.code();
        unit.name = request.name().strip();
        unit.kind = request.kind();
        unit.implementsEveryTask = false;
        unit.persist();
        events.unit(unit, DirectoryEvents.Change.ADDED);
        return Response.status(201).entity(UnitView.of(unit)).build();
    }
}
