package cn.gov.lvliang.renewal.recycling;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** recycling-service's own settings ({@code suite.recycling.*}). */
@ConfigMapping(prefix = "suite.recycling")
public interface RecyclingConfig {

    /**
     * A used car traded within this many days of its first registration is flagged as a
     * possible "zero-mileage used car" (零公里二手车), a known abuse pattern.
     */
    @WithDefault("30")
    int zeroMileageDays();

    /** Default look-ahead of the qualification-expiry warning list, in days. */
    @WithDefault("30")
    int expiryWarningDays();
}
