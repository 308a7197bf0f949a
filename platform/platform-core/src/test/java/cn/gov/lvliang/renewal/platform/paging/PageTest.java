package cn.gov.lvliang.renewal.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void aCountUpToTheLimitIsExact() {
        Page<String> page = Page.countedUpToLimit(List.of("a"), Page.COUNT_LIMIT, 0, 20);
        assertThat(page.total()).isEqualTo(Page.COUNT_LIMIT);
        assertThat(page.totalExact()).isTrue();
    }

    @Test
    void aCountThatReachedTheLimitSaysSoAndStopsThere() {
        Page<String> page = Page.countedUpToLimit(List.of("a"), Page.COUNT_LIMIT + 1L, 3, 20);
        assertThat(page.total()).isEqualTo(Page.COUNT_LIMIT);
        assertThat(page.totalExact()).isFalse();
        assertThat(page.map(String::length).totalExact()).isFalse();
        assertThat(page.page()).isEqualTo(3);
    }

    @Test
    void aPageWithoutACountLimitIsExact() {
        assertThat(new Page<>(List.of(), 0, 0, 20).totalExact()).isTrue();
    }
}
