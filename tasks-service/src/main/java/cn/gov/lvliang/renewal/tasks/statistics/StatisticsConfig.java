package cn.gov.lvliang.renewal.tasks.statistics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The statistics feed's configuration. */
@ConfigMapping(prefix = "tasks.statistics")
public interface StatisticsConfig {

    /**
     * The bureau's pseudonym key, base64 of at least 32 random bytes. Only tasks-service holds it,
     * and it differs from the services' shared hash key, so a bureau pseudonym can neither be
     * reversed nor joined to the services' own hashes. No default outside dev and test.
     */
    String pseudonymKey();

    /** When months close (Quarkus cron, Beijing time), or {@code off}; read by {@link IndicatorSnapshots}. */
    String monthCloseCron();

    /** Largest page of the backfill API. */
    @WithDefault("500")
    int maxPageSize();
}
