package cn.gov.lvliang.renewal.recycling;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: {@code {"items":[...],"total":N,"page":p,"size":s}}; {@code page} is 0-based.
 *
 * @param <T> the item type
 */
@Schema(description = "分页结果 / one page of results")
public record ResultPage<T>(
        List<T> items,

        @Schema(description = "符合条件的总数 / total matching", example = "42")
        long total,

        @Schema(description = "页码 (从 0 开始) / 0-based page", example = "0")
        int page,

        @Schema(description = "每页条数 / page size", example = "20")
        int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /** Reads one page of {@code query} and maps its entities to views. */
    public static <E, T> ResultPage<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> view) {
        List<E> entities = query.page(Page.of(page, size)).list();
        return new ResultPage<>(entities.stream().map(view).toList(), query.count(), page, size);
    }
}
