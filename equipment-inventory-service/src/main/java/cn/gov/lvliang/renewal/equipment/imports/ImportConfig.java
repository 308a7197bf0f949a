package cn.gov.lvliang.renewal.equipment.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the bulk import ({@code equipment.import.*}). */
@ConfigMapping(prefix = "equipment.import")
public interface ImportConfig {

    /** Data rows accepted in one file; a longer file is refused. */
    @WithDefault("200000")
    int maxRows();

    /** Columns read per row; cells beyond are ignored. */
    @WithDefault("100")
    int maxColumns();

    /** Total uncompressed size of an XLSX's parts (zip-bomb guard). */
    @WithDefault("1073741824")
    long maxUncompressedBytes();

    /** Largest compression ratio of one XLSX part above 1 MiB (zip-bomb guard). */
    @WithDefault("200")
    int maxCompressionRatio();

    /** Rows written per batch (one COPY and one upsert each). */
    @WithDefault("2000")
    int batchSize();

    /** Row errors returned in the JSON response; all are in the downloadable report. */
    @WithDefault("1000")
    int maxErrorsInResponse();
}
