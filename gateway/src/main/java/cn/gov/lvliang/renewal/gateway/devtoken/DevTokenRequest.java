package cn.gov.lvliang.renewal.gateway.devtoken;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the dev token should say.
 *
 * @param role one of the suite's roles, such as {@code county-officer}
 * @param county a county code (县级行政区划代码), required for {@code county-officer}
 * @param department a department code, required for {@code department-officer}
 * @param enterprise a unified social credit code, required for enterprise roles
 * @param subject the token's subject; when omitted, {@code dev-<role>} followed by the scope's
 *     values (for example {@code dev-county-officer-141102}), so that two scopes are two people
 */
@Schema(name = "DevTokenRequest", description = "开发令牌申请 / what the dev token should say")
public record DevTokenRequest(
        @Schema(example = "county-officer", required = true) String role,
        @Schema(example = "141102") String county,
        String department,
        String enterprise,
        String subject) {}
