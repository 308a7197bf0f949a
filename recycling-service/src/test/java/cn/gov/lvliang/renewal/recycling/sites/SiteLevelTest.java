package cn.gov.lvliang.renewal.recycling.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class SiteLevelTest {

    @Property
    void everyChainOfParentsEndsAtTheSortingCentreWithoutRepeatingALevel(@ForAll SiteLevel start) {
        Set<SiteLevel> seen = new HashSet<>();
        Optional<SiteLevel> level = Optional.of(start);
        SiteLevel last = start;
        while (level.isPresent()) {
            assertThat(seen.add(level.get())).isTrue();
            last = level.get();
            level = level.get().parentLevel();
        }
        assertThat(last).isEqualTo(SiteLevel.SORTING_CENTRE);
    }

    @Property
    void aLevelsParentIsTheNextLevelUp(@ForAll SiteLevel level) {
        level.parentLevel().ifPresent(parent -> assertThat(parent.ordinal()).isEqualTo(level.ordinal() + 1));
    }
}
