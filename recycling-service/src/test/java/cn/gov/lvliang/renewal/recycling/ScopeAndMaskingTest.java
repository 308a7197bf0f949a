package cn.gov.lvliang.renewal.recycling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class ScopeAndMaskingTest {

    @Example
    void filtersAreAddedWithTheirOwnParametersAndNullMeansNoFilter() {
        Scope.Query query = new Scope("county = :scopeCounty", Map.of("scopeCounty", "141102"))
                .query()
                .eq("type", "DISMANTLER")
                .eq("status", null)
                .where("validTo <= :p", 7);
        assertThat(query.where()).isEqualTo("(county = :scopeCounty) and type = :p1 and validTo <= :p2");
        assertThat(query.parameters())
                .containsEntry("scopeCounty", "141102")
                .containsEntry("p1", "DISMANTLER")
                .containsEntry("p2", 7)
                .hasSize(3);
    }

    @Property
    void aMaskedAddressNeverShowsMoreThanSixCharacters(@ForAll @StringLength(min = 0, max = 60) String address) {
        String masked = Addresses.mask(address);
        int visible = (int) masked.codePoints().filter(c -> c != '*').count();
        assertThat(visible).isLessThanOrEqualTo(6);
        if (address.codePointCount(0, address.length()) > 6) {
            assertThat(masked).startsWith(address.substring(0, address.offsetByCodePoints(0, 6)));
        }
    }
}
