package cn.gov.lvliang.renewal.tasks.statistics;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The backfill API's cursor (游标): opaque to clients, it names the last event returned by its
 * position in the bureau's stream ({@code statistics_event.seq}, which only grows and is assigned
 * in commit order). Paging on from a cursor never skips or repeats an event, even while new
 * events arrive.
 */
public final class BackfillCursor {

    private static final String PREFIX = "s1:";

    private BackfillCursor() {}

    public static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the position, or empty when the text is not a cursor */
    public static Optional<Long> decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                return Optional.empty();
            }
            long seq = Long.parseLong(text.substring(PREFIX.length()));
            return seq < 0 ? Optional.empty() : Optional.of(seq);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
