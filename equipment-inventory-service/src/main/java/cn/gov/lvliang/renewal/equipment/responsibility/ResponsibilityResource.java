package cn.gov.lvliang.renewal.equipment.responsibility;

import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.operations.DepartmentResponsibilities;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
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
 * What each department reads in the equipment registers (部门职责范围): industrial sectors and
 * equipment categories, starting from the plan's defaults; the city administrator changes them
 * (every change is in the audit trail). Who reads what is the platform's {@link
 * DepartmentResponsibilities} (decision 0042).
 */
@Audited
@Path("/api/equipment/responsibilities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation · 组织机构")
public class ResponsibilityResource
        extends DepartmentResponsibilities<
                ResponsibilityResource.ResponsibilityView, ResponsibilityResource.ChangeResponsibility> {

    @Schema(name = "EquipmentResponsibility", description = "部门职责范围 / the sectors and categories a department reads")
    public record ResponsibilityView(
            @Schema(example = "gxj") String department,
            @Schema(example = "[\"coal\", \"steel\"]") Set<String> sectors,
            @Schema(example = "[\"INDUSTRIAL_PRODUCTION\"]") Set<Category> categories) {}

    @Schema(name = "ChangeEquipmentResponsibility", description = "What the department reads from now on")
    public record ChangeResponsibility(
            @NotNull Set<@NotNull String> sectors, @NotNull Set<@NotNull Category> categories) {}

    private final EntityManager em;

    public ResponsibilityResource(EntityManager em, Caller caller) {
        super(caller);
        this.em = em;
    }

    @GET
    @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR})
    @Transactional
    @Operation(
            operationId = "listEquipmentResponsibilities",
            summary = "List department responsibilities · 部门职责范围",
            description = "Per department of the organisation directory, the industrial sectors (units and their"
                    + " equipment) and the equipment categories its officers read.")
    @APIResponse(
            responseCode = "200",
            description = "Every department with a responsibility",
            content = @Content(schema = @Schema(implementation = ResponsibilityView.class, type = SchemaType.ARRAY)))
    public List<ResponsibilityView> list() {
        return List.copyOf(views(null).values());
    }

    @GET
    @Path("/{department}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DEPARTMENT_OFFICER})
    @Transactional
    @Operation(
            operationId = "getEquipmentResponsibility",
            summary = "A department's responsibility · 部门职责范围",
            description = "The industrial sectors and equipment categories one department of the organisation"
                    + " directory reads (empty when none; code matched without regard to case). The city"
                    + " administrator and the auditor read any department's, a department officer only its own"
                    + " (another department: 404).")
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
            operationId = "changeEquipmentResponsibility",
            summary = "Change a department's responsibility · 调整部门职责范围",
            description = "Replaces the sectors and categories the department reads. The department must be in the"
                    + " organisation directory (code matched without regard to case); sectors are the codes of"
                    + " GET /api/equipment/sectors.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = ResponsibilityView.class)))
    @APIResponse(responseCode = "400", description = "Unknown sector")
    @APIResponse(responseCode = "404", description = "Unknown department")
    public ResponsibilityView change(
            @PathParam("department") String department, @Valid @NotNull ChangeResponsibility request) {
        return update(department, request);
    }

    @Override
    protected ResponsibilityView of(String department) {
        return views(department)
                .getOrDefault(department, new ResponsibilityView(department, new TreeSet<>(), new TreeSet<>()));
    }

    @Override
    protected ResponsibilityView replace(String code, ChangeResponsibility request) {
        for (String sector : request.sectors()) {
            if (em.createNativeQuery("select 1 from sector where code = ?1")
                    .setParameter(1, sector)
                    .getResultList()
                    .isEmpty()) {
                throw Problems.invalidField("sectors", sector, "field.unknown-sector");
            }
        }
        em.createNativeQuery("delete from department_scope where department = ?1")
                .setParameter(1, code)
                .executeUpdate();
        for (String sector : request.sectors()) {
            insert("insert into department_scope (department, sector_code) values (?1, ?2)", code, sector);
        }
        for (Category category : request.categories()) {
            insert("insert into department_scope (department, category) values (?1, ?2)", code, category.name());
        }
        return new ResponsibilityView(code, new TreeSet<>(request.sectors()), new TreeSet<>(request.categories()));
    }

    /** Every department's responsibility, or one department's ({@code department} not null), by code. */
    private Map<String, ResponsibilityView> views(String department) {
        Map<String, ResponsibilityView> all = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select department, sector_code, category from department_scope"
                        + " where cast(?1 as text) is null or department = ?1")
                .setParameter(1, department)
                .getResultList();
        for (Object[] row : rows) {
            ResponsibilityView view = all.computeIfAbsent(
                    (String) row[0], d -> new ResponsibilityView(d, new TreeSet<>(), new TreeSet<>()));
            if (row[1] != null) {
                view.sectors().add((String) row[1]);
            }
            if (row[2] != null) {
                view.categories().add(Category.valueOf((String) row[2]));
            }
        }
        return all;
    }

    private void insert(String sql, String department, String value) {
        em.createNativeQuery(sql)
                .setParameter(1, department)
                .setParameter(2, value)
                .executeUpdate();
    }
}
