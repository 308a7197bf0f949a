package cn.gov.lvliang.renewal.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, the same in every service:
 * {@code {"items":[...],"total":N,"page":p,"size":s,"totalExact":true}}.
 *
 * @param items the page's items, in the list's order
 * @param total how many items match in all, or, when {@code totalExact} is false, how many were
 *     counted before counting stopped ({@link #COUNT_LIMIT})
 * @param page the 0-based page number
 * @param size the requested page size
 * @param totalExact whether {@code total} is the exact count
 * @param <T> the item type
 */
@Schema(description = "分页结果 / one page of results")
public record Page<T>(
        List<T> items,

        @Schema(description = "符合条件的总数 / total matching (at least this many when totalExact is false)", example = "42")
        long total,

        @Schema(description = "页码 (从 0 开始) / 0-based page", example = "0")
        int page,

        @Schema(description = "每页条数 / page size", example = "20")
        int size,

        @Schema(
                description = "总数是否精确 / whether total is exact: a list that counts its matches only up to"
                        + " COUNT_LIMIT (10,000) says false above it, \"10,000+\"",
                example = "true")
        boolean totalExact) {

    /** The page size when the caller names none. */
    public static final int DEFAULT_SIZE = 20;

    /** The largest page a caller may ask for. */
    public static final int MAX_SIZE = 200;

    /**
     * How far a list that grows with the programme counts its matches: counting every one of
     * millions of claims would make page 1 as slow as the table is large.
     */
    public static final int COUNT_LIMIT = 10_000;

    public Page {
        items = List.copyOf(items);
    }

    /** A page whose total is the exact count. */
    public Page(List<T> items, long total, int page, int size) {
        this(items, total, page, size, true);
    }

    /**
     * A page of a list counted up to {@link #COUNT_LIMIT}.
     *
     * @param counted the matches counted, stopping at {@code COUNT_LIMIT + 1}
     */
    public static <T> Page<T> countedUpToLimit(List<T> items, long counted, int page, int size) {
        boolean exact = counted <= COUNT_LIMIT;
        return new Page<>(items, exact ? counted : COUNT_LIMIT, page, size, exact);
    }

    /** The same page with each item mapped. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, page, size, totalExact);
    }
}
