package cn.gov.lvliang.renewal.recycling.batteries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CustodyChainTest {

    private static final Instant T0 = Instant.parse("2024-08-01T09:00:00Z");

    private static List<CustodyChain.Link> links(int n) {
        List<CustodyChain.Link> links = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            links.add(new CustodyChain.Link("PACK", i, "E" + (i - 1), "E" + i, T0.plusSeconds(3600L * i), 90 - i));
        }
        return links;
    }

    private static List<String> signatures(String start, List<CustodyChain.Link> links) {
        List<String> signatures = new ArrayList<>();
        String previous = start;
        for (CustodyChain.Link link : links) {
            previous = CustodyChain.sign(previous, link);
            signatures.add(previous);
        }
        return signatures;
    }

    @Property
    void aChainSignedInOrderVerifies(@ForAll @IntRange(min = 0, max = 8) int n) {
        String start = CustodyChain.start("PACK", "LSVAU218XN2183294", "E0", T0);
        List<CustodyChain.Link> links = links(n);
        assertThat(CustodyChain.verify(start, links, signatures(start, links))).isTrue();
    }

    @Property
    void changingAnyLinkBreaksTheChain(
            @ForAll @IntRange(min = 1, max = 8) int n, @ForAll @IntRange(min = 0, max = 7) int which) {
        int index = which % n;
        String start = CustodyChain.start("PACK", "LSVAU218XN2183294", "E0", T0);
        List<CustodyChain.Link> links = links(n);
        List<String> signatures = signatures(start, links);
        CustodyChain.Link original = links.get(index);
        links.set(
                index,
                new CustodyChain.Link(
                        original.packCode(),
                        original.sequence(),
                        original.from(),
                        "INTRUDER",
                        original.handedOverAt(),
                        original.stateOfHealthPercent()));
        assertThat(CustodyChain.verify(start, links, signatures)).isFalse();
    }

    /** Dropping the last link leaves a valid prefix; the pack's stored head signature catches that. */
    @Property
    void droppingALinkBeforeTheLastBreaksTheChain(
            @ForAll @IntRange(min = 2, max = 8) int n, @ForAll @IntRange(min = 0, max = 7) int which) {
        int index = which % (n - 1);
        String start = CustodyChain.start("PACK", "LSVAU218XN2183294", "E0", T0);
        List<CustodyChain.Link> links = links(n);
        List<String> signatures = new ArrayList<>(signatures(start, links));
        links.remove(index);
        signatures.remove(index);
        assertThat(CustodyChain.verify(start, links, signatures)).isFalse();
    }
}
