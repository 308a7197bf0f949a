package cn.gov.lvliang.renewal.subsidy.notices;

import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 企业通知邮箱: where a dealer or retailer is told by email of its claims' progress. */
@Audited
@Path("/api/subsidies/enterprise-contact")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications · 通知")
public class EnterpriseContactResource {

    @Schema(name = "EnterpriseContact", description = "企业通知邮箱 / the enterprise's notification address")
    public record EnterpriseContact(
            @Schema(description = "统一社会信用代码 (from the token)", readOnly = true)
            String creditCode,

            @Schema(example = "subsidy@dealer.example.cn") @NotBlank @Email @Size(max = 254)
            String email) {}

    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;

    public EnterpriseContactResource(EntityManager em, Caller caller, Clock clock) {
        this.em = em;
        this.caller = caller;
        this.clock = clock;
    }

    @PUT
    @Transactional
    @RolesAllowed({Roles.DEALER, Roles.RETAILER})
    @Operation(
            operationId = "setEnterpriseContact",
            summary = "Set the enterprise's notification email · 设置企业通知邮箱",
            description = "A dealer or retailer gives the address its claims' notifications go to (submitted,"
                    + " returned, approved, rejected, paid), for its own enterprise (the token's). Without one,"
                    + " the enterprise gets no email; the applicant's SMS go out regardless.")
    @APIResponse(
            responseCode = "200",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = EnterpriseContact.class)))
    @APIResponse(responseCode = "400", description = "Not an email address")
    public EnterpriseContact set(@Valid @NotNull EnterpriseContact contact) {
        String creditCode = caller.enterprise().orElseThrow(() -> Problems.forbidden("forbidden", "detail.forbidden"));
        em.createNativeQuery("insert into enterprise_contact (credit_code, email, updated_at, updated_by)"
                        + " values (?1, ?2, ?3, ?4) on conflict (credit_code) do update set email = excluded.email,"
                        + " updated_at = excluded.updated_at, updated_by = excluded.updated_by")
                .setParameter(1, creditCode)
                .setParameter(2, contact.email().strip())
                .setParameter(3, Instant.now(clock))
                .setParameter(4, caller.subject())
                .executeUpdate();
        return new EnterpriseContact(creditCode, contact.email().strip());
    }
}
