package cn.gov.lvliang.renewal.console.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SessionTest {

    static String token(String claims) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".signature";
    }

    @Test
    void readsRolesScopeAndExpiryFromTheTokensClaims() {
        Session session = Session.fromToken(token(
                "{\"sub\":\"clerk-1\",\"groups\":[\"county-officer\"],\"county\":\"141124\",\"exp\":2000000000}"));
        assertThat(session.subject()).isEqualTo("clerk-1");
        assertThat(session.roles()).containsExactly("county-officer");
        assertThat(session.county()).isEqualTo("141124");
        assertThat(session.scope()).isEqualTo("141124");
        assertThat(session.countyOfficer()).isTrue();
        assertThat(session.equipment()).isTrue();
        assertThat(session.leadership()).isFalse();
        assertThat(session.expired(Instant.ofEpochSecond(1_999_999_999))).isFalse();
        assertThat(session.expired(Instant.ofEpochSecond(2_000_000_000))).isTrue();
    }

    @Test
    void leadershipIsTheCityAdminTheStatisticsBureauAndAuditors() {
        for (String role : new String[] {"city-admin", "statistics-bureau", "auditor"}) {
            assertThat(Session.fromToken(token("{\"sub\":\"x\",\"groups\":[\"" + role + "\"],\"exp\":2000000000}"))
                            .leadership())
                    .as(role)
                    .isTrue();
        }
        assertThat(Session.fromToken(token("{\"sub\":\"x\",\"groups\":[\"reviewer\"],\"exp\":2000000000}"))
                        .leadership())
                .isFalse();
    }

    @Test
    void somethingThatIsNotAJwtIsRefused() {
        assertThatThrownBy(() -> Session.fromToken("not-a-token")).isInstanceOf(IllegalArgumentException.class);
    }
}
