package cn.gov.lvliang.renewal.recycling.sites;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "change a site's status". */
@Schema(name = "ChangeSiteStatus", description = "变更网点状态 / change a site's status")
public record ChangeSiteStatus(
        @Schema(example = "SUSPENDED") @NotNull SiteStatus status,

        @Schema(description = "读取时的版本号 / the version read", example = "0") @NotNull @PositiveOrZero
        Integer version) {}
