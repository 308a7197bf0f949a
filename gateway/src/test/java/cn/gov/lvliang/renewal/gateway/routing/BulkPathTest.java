package cn.gov.lvliang.renewal.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Bulk path prefixes: literal, or with {@code *} for one path segment. */
class BulkPathTest {

    @Test
    void aLiteralPrefixMatchesWhatStartsWithIt() {
        Pattern imports = ReverseProxy.pathPrefix("/api/equipment/imports/");
        assertThat(imports.matcher("/api/equipment/imports/boilers").lookingAt())
                .isTrue();
        assertThat(imports.matcher("/api/equipment/units").lookingAt()).isFalse();
    }

    @Test
    void aStarIsOneSegment() {
        Pattern evidence = ReverseProxy.pathPrefix("/api/subsidies/claims/*/evidence");
        assertThat(evidence.matcher("/api/subsidies/claims/LL-141124-2026-000123/evidence")
                        .lookingAt())
                .isTrue();
        assertThat(evidence.matcher("/api/subsidies/claims/7f3a/evidence/91").lookingAt())
                .isTrue();
        assertThat(evidence.matcher("/api/subsidies/claims/7f3a/approve").lookingAt())
                .isFalse();
        assertThat(evidence.matcher("/api/subsidies/claims//evidence").lookingAt())
                .isFalse();
        assertThat(evidence.matcher("/api/subsidies/claims/a/b/evidence").lookingAt())
                .isFalse();
    }

    @Test
    void otherRegexCharactersAreLiteral() {
        assertThat(ReverseProxy.pathPrefix("/api/a.b/").matcher("/api/axb/").lookingAt())
                .isFalse();
    }
}
