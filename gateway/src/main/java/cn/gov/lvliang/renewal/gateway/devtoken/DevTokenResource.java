package cn.gov.lvliang.renewal.gateway.devtoken;

import cn.gov.lvliang.renewal.platform.identifiers.AreaCode;
import cn.gov.lvliang.renewal.platform.identifiers.CreditCode;
import cn.gov.lvliang.renewal.platform.problem.Problem;
import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import cn.gov.lvliang.renewal.platform.problem.ProblemException.FieldViolation;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.platform.security.TokenMinter;
import io.quarkus.runtime.Startup;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /dev/token}: signs a token for any role and scope, for local work and tests only
 * (开发令牌). Outside the {@code dev}, {@code test} and {@code local} profiles it answers 404, and
 * no key is loaded.
 */
@Path("/dev/token")
@PermitAll
@Startup
@ApplicationScoped
@Tag(name = "Dev tokens · 开发令牌")
public class DevTokenResource {

    private final DevTokenConfig config;
    private final TokenMinter minter;

    public DevTokenResource(DevTokenConfig config) {
        this.config = config;
        this.minter = config.enabled()
                ? new TokenMinter(
                        readPrivateKey(config.privateKeyLocation()
                                .orElseThrow(() -> new IllegalStateException(
                                        "suite.dev-token.enabled=true needs suite.dev-token.private-key-location"))),
                        config.issuer()
                                .orElseThrow(() -> new IllegalStateException(
                                        "suite.dev-token.enabled=true needs suite.dev-token.issuer")),
                        config.lifetime())
                : null;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "issueDevToken",
            summary = "Sign a dev token (dev, test and local profiles only)",
            description = "role is one of the suite's roles; county-officer needs county, department-officer "
                    + "needs department, enterprise roles need enterprise (a credit code).")
    @APIResponse(responseCode = "200", description = "the token")
    @APIResponse(
            responseCode = "400",
            description = "invalid role or scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "dev tokens are disabled in this profile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DevToken issue(DevTokenRequest request) {
        if (minter == null) {
            throw new NotFoundException();
        }
        DevTokenRequest body = request == null ? new DevTokenRequest(null, null, null, null, null) : request;
        validate(body);
        Map<String, String> scope = new LinkedHashMap<>();
        putIfPresent(scope, Caller.COUNTY_CLAIM, body.county());
        putIfPresent(scope, Caller.DEPARTMENT_CLAIM, body.department());
        putIfPresent(scope, Caller.ENTERPRISE_CLAIM, body.enterprise());
        String subject = blank(body.subject())
                ? defaultSubject(body.role(), scope)
                : body.subject().trim();
        String token = minter.mint(subject, Set.of(body.role()), scope);
        return new DevToken(token, "Bearer", config.lifetime().toSeconds());
    }

    /** Rejects a role the suite does not know and a scope the role cannot work with. */
    static void validate(DevTokenRequest body) {
        List<FieldViolation> violations = new ArrayList<>();
        // Set.of(...).contains(null) throws, so an absent role is compared as "".
        String role = body.role() == null ? "" : body.role();
        if (blank(role)) {
            violations.add(new FieldViolation("role", null, "field.required"));
        } else if (!Roles.ALL.contains(role)) {
            violations.add(new FieldViolation("role", role, "field.role-unknown"));
        }
        if (Roles.COUNTY_OFFICER.equals(role) && blank(body.county())) {
            violations.add(new FieldViolation("county", null, "field.required"));
        } else if (!blank(body.county()) && !AreaCode.isCounty(body.county())) {
            violations.add(new FieldViolation("county", body.county(), "field.county-invalid"));
        }
        if (Roles.DEPARTMENT_OFFICER.equals(role) && blank(body.department())) {
            violations.add(new FieldViolation("department", null, "field.required"));
        }
        if (Roles.ENTERPRISE_ROLES.contains(role) && blank(body.enterprise())) {
            violations.add(new FieldViolation("enterprise", null, "field.required"));
        } else if (!blank(body.enterprise()) && !CreditCode.isValid(body.enterprise())) {
            violations.add(new FieldViolation("enterprise", body.enterprise(), "field.credit-code-invalid"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "detail.validation", violations);
        }
    }

    /**
     * {@code dev-<role>} followed by the scope's values, so that two county officers of two counties
     * are two people (maker-checker and audit records tell them apart).
     */
    static String defaultSubject(String role, Map<String, String> scope) {
        StringBuilder subject = new StringBuilder("dev-").append(role);
        scope.values().forEach(value -> subject.append('-').append(value));
        return subject.toString();
    }

    private static void putIfPresent(Map<String, String> scope, String claim, String value) {
        if (!blank(value)) {
            scope.put(claim, value.trim());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Reads a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) RSA key from a path or file: URI. */
    static PrivateKey readPrivateKey(String location) {
        java.nio.file.Path file = location.startsWith("file:")
                ? java.nio.file.Path.of(URI.create(location))
                : java.nio.file.Path.of(location);
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dev-token private key " + location, e);
        }
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalStateException(location + " is not a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(location + " does not hold an RSA private key", e);
        }
    }
}
