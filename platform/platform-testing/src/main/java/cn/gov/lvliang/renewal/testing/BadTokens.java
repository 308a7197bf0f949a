package cn.gov.lvliang.renewal.testing;

import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.platform.security.TokenMinter;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens every module must reject with 401: each differs from a valid {@link TestTokens} token in
 * exactly one way. Keys are the case names used in test reports.
 */
public final class BadTokens {

    private BadTokens() {}

    /** Every bad token, by case name, all claiming the city administrator role. */
    public static Map<String, String> all() {
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(
                "expired",
                signed(claims(TestTokens.ISSUER, TokenMinter.AUDIENCE)
                        .issuedAt(now.minusSeconds(7200))
                        .expiresAt(now.minusSeconds(3600))));
        tokens.put(
                "not yet valid",
                signed(claims(TestTokens.ISSUER, TokenMinter.AUDIENCE)
                        .issuedAt(now)
                        .claim("nbf", now.plusSeconds(3600).getEpochSecond())
                        .expiresAt(now.plusSeconds(7200))));
        tokens.put("wrong issuer", signed(claims("https://evil.example", TokenMinter.AUDIENCE)));
        tokens.put("wrong audience", signed(claims(TestTokens.ISSUER, "another-suite")));
        tokens.put("tampered", tampered(TestTokens.token(Roles.COUNTY_OFFICER, Map.of("county", "141102"))));
        tokens.put("alg none", unsigned(payloadOf(TestTokens.cityAdmin())));
        tokens.put("HS256 signed with the public key", hs256WithPublicKey(payloadOf(TestTokens.cityAdmin())));
        return tokens;
    }

    private static JwtClaimsBuilder claims(String issuer, String audience) {
        Instant now = Instant.now();
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject("mallory")
                .upn("mallory")
                .groups(Set.of(Roles.CITY_ADMIN))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(1800));
    }

    private static String signed(JwtClaimsBuilder claims) {
        return claims.jws().keyId("dev").sign(TestKeys.SIGNING.getPrivate());
    }

    /** A validly signed county-officer token whose payload is swapped for a city-admin one. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"county-officer\"", "\"city-admin\"");
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    private static String unsigned(String payload) {
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
    }

    /** The classic key confusion: HMAC keyed with the verifier's public key (PEM text). */
    private static String hs256WithPublicKey(String payload) {
        String signingInput = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"dev\"}") + "." + payload;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestKeys.publicKeyPem().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String payloadOf(String token) {
        return token.split("\\.")[1];
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
