package cn.gov.lvliang.renewal.bench.scale;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Determinism of the generator: every row's values come from its own random stream, derived from
 * the seed, the row's index and a stream number (SplitMix64). A row is the same whichever load
 * round, batch or order produces it, so {@code --scale 1e5,1e6} loads rows 0–99,999 and then
 * 100,000–999,999 and ends with exactly the data {@code --scale 1e6} loads at once.
 */
final class Seeds {

    /** Streams, one per kind of row, so that two kinds with the same index do not share values. */
    static final int CLAIM = 1;

    static final int CERTIFICATE = 2;
    static final int EQUIPMENT = 3;
    static final int UNIT = 4;
    static final int STATISTICS = 5;
    static final int CLAIM_ID = 6;
    static final int EVENT_ID = 7;

    private Seeds() {}

    static long mix(long seed, long index, int stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1) + 0xBF58476D1CE4E5B9L * stream;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static SplittableRandom random(long seed, long index, int stream) {
        return new SplittableRandom(mix(seed, index, stream));
    }

    /** A version-4-shaped UUID, the same for the same seed, index and stream. */
    static UUID uuid(long seed, long index, int stream) {
        long high = mix(seed, index, stream);
        long low = mix(seed ^ 0x5DEECE66DL, index, stream);
        high = (high & ~0xF000L) | 0x4000L;
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
