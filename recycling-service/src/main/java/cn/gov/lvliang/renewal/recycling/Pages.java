package cn.gov.lvliang.renewal.recycling;

import cn.gov.lvliang.renewal.platform.paging.Page;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/** Reads one {@link Page} of a Panache query. */
public final class Pages {

    private Pages() {}

    /** Reads one page of {@code query} and maps its entities to views. */
    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> view) {
        List<E> entities =
                query.page(io.quarkus.panache.common.Page.of(page, size)).list();
        return new Page<>(entities.stream().map(view).toList(), query.count(), page, size);
    }
}
