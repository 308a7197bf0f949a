package cn.gov.lvliang.renewal.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, the same in every service: {@code {"items":[...],"total":N,"page":p,"size":s}}.
 *
 * @param items the page's items, in the list's order
 * @param total how many items match in all
 * @param page the 0-based page number
 * @param size the requested page size
 * @param <T> the item type
 */
@Schema(description = "分页结果 / one page of results")
public record Page<T>(
        List<T> items,

        @Schema(description = "符合条件的总数 / total matching", example = "42")
        long total,

        @Schema(description = "页码 (从 0 开始) / 0-based page", example = "0")
        int page,

        @Schema(description = "每页条数 / page size", example = "20")
        int size) {

    /** The page size when the caller names none. */
    public static final int DEFAULT_SIZE = 20;

    /** The largest page a caller may ask for. */
    public static final int MAX_SIZE = 200;

    public Page {
        items = List.copyOf(items);
    }

    /** The same page with each item mapped. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, page, size);
    }
}
