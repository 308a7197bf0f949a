package cn.gov.lvliang.renewal.equipment;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: {@code page} is 0-based. */
@Schema(description = "分页结果 / one page of results")
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
}
