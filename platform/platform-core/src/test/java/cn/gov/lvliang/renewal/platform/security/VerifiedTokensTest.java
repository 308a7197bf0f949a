package cn.gov.lvliang.renewal.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    static final long NOW = 1_800_000_000_000L;
    final VerifiedTokens tokens = new VerifiedTokens(3, Duration.ofMinutes(5));

    @Test
    void aRememberedTokenIsFoundByItsExactText() {
        JsonWebToken jwt = expiringAt(NOW + 3_600_000);
        tokens.remember("a.b.c", jwt, NOW);

        assertThat(tokens.find("a.b.c", NOW + 1_000)).isSameAs(jwt);
        assertThat(tokens.find("a.b.d", NOW + 1_000)).isNull();
        assertThat(tokens.find("unknown", NOW)).isNull();
    }

    @Test
    void isForgottenAtItsOwnExpiry() {
        tokens.remember("a.b.c", expiringAt(NOW + 60_000), NOW);

        assertThat(tokens.find("a.b.c", NOW + 59_999)).isNotNull();
        assertThat(tokens.find("a.b.c", NOW + 60_000)).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void isForgottenAfterTheRememberingPeriodEvenIfStillValid() {
        tokens.remember("a.b.c", expiringAt(NOW + 3_600_000), NOW);

        assertThat(tokens.find("a.b.c", NOW + Duration.ofMinutes(5).toMillis() - 1))
                .isNotNull();
        assertThat(tokens.find("a.b.c", NOW + Duration.ofMinutes(5).toMillis())).isNull();
    }

    @Test
    void anAlreadyExpiredTokenIsNotRemembered() {
        tokens.remember("a.b.c", expiringAt(NOW - 1), NOW);

        assertThat(tokens.size()).isZero();
    }

    @Test
    void memoryIsBounded() {
        for (int i = 0; i < 10; i++) {
            tokens.remember("token-" + i, expiringAt(NOW + 3_600_000), NOW);
            assertThat(tokens.size()).isBetween(1, 3);
        }
        assertThat(tokens.find("token-9", NOW)).isNotNull();
    }

    private static JsonWebToken expiringAt(long millis) {
        Map<String, Object> claims = Map.of("exp", millis / 1000, "sub", "someone");
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
