package cn.gov.lvliang.renewal.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** Real RS256 tokens and smallrye-jwt's real parser, counting the full checks. */
class RememberingJwtParserTest {

    private static final String ISSUER = "https://issuer.test/realm";
    private static final KeyPair KEYS = rsa();
    private static final KeyPair OTHER_KEYS = rsa();

    private final AtomicInteger fullChecks = new AtomicInteger();
    private final DefaultJWTParser verifier = counting(new JWTAuthContextInfo(KEYS.getPublic(), ISSUER));
    private final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    private final RememberingJwtParser parser = new RememberingJwtParser(verifier, VerifiedTokens.standard(), now::get);

    @Test
    void aTokenCheckedOnceIsNotCheckedAgainWithinTheRememberingPeriod() throws ParseException {
        String token = mint(KEYS, Duration.ofHours(1));

        JsonWebToken first = parser.parse(token);
        now.addAndGet(Duration.ofMinutes(4).toMillis());
        JsonWebToken second = parser.parse(token);

        assertThat(fullChecks).hasValue(1);
        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("clerk-1");
        assertThat(second.getGroups()).containsExactly(Roles.COUNTY_OFFICER);
    }

    @Test
    void isCheckedInFullAgainAfterTheRememberingPeriod() throws ParseException {
        String token = mint(KEYS, Duration.ofHours(1));
        parser.parse(token);

        now.addAndGet(VerifiedTokens.REMEMBER_FOR.toMillis());
        parser.parse(token);

        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void isCheckedInFullAgainOnceItsOwnExpiryHasPassed() throws ParseException {
        String token = mint(KEYS, Duration.ofSeconds(90));
        parser.parse(token);

        now.addAndGet(Duration.ofSeconds(91).toMillis());
        // The memory no longer answers; the full check decides (here against the real clock,
        // where the token is still valid, so it passes: the point is that it ran).
        parser.parse(token);

        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void anAlteredCopyOfARememberedTokenIsCheckedInFullAndRefused() throws ParseException {
        String token = mint(KEYS, Duration.ofHours(1));
        parser.parse(token);
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String altered = parts[0] + "." + parts[1] + "."
                + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A')
                + parts[2].charAt(parts[2].length() - 1);

        assertThatThrownBy(() -> parser.parse(altered)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse(altered)).isInstanceOf(ParseException.class);
        assertThat(fullChecks).hasValue(3);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedEveryTime() {
        String forged = mint(OTHER_KEYS, Duration.ofHours(1));

        assertThatThrownBy(() -> parser.parse(forged)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse(forged)).isInstanceOf(ParseException.class);
        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void theOtherFormsAreNeverRemembered() throws ParseException {
        String token = mint(KEYS, Duration.ofHours(1));
        JWTAuthContextInfo context = new JWTAuthContextInfo(KEYS.getPublic(), ISSUER);

        parser.parse(token, context);
        parser.parse(token, context);

        assertThat(fullChecks).hasValue(2);
    }

    private DefaultJWTParser counting(JWTAuthContextInfo context) {
        return new DefaultJWTParser(context) {
            @Override
            public JsonWebToken parse(String token) throws ParseException {
                fullChecks.incrementAndGet();
                return super.parse(token);
            }

            @Override
            public JsonWebToken parse(String token, JWTAuthContextInfo info) throws ParseException {
                fullChecks.incrementAndGet();
                return super.parse(token, info);
            }
        };
    }

    private static String mint(KeyPair keys, Duration lifetime) {
        return new TokenMinter(keys.getPrivate(), ISSUER, lifetime)
                .mint("clerk-1", Set.of(Roles.COUNTY_OFFICER), Map.of("county", "141102"));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
