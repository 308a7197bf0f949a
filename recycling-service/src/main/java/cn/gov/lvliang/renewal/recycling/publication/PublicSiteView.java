package cn.gov.lvliang.renewal.recycling.publication;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A collection site as published: where it is and what it takes. */
@Schema(name = "PublicSite", description = "回收网点公示 / published collection site")
public record PublicSiteView(
        @Schema(example = "12") long id,
        @Schema(example = "离石区滨河交投点") String name,
        @Schema(example = "COLLECTION_POINT") String level,
        @Schema(example = "141102") String county,
        @Schema(example = "吕梁市离石区滨河北路 8 号") String address,
        @Schema(example = "37.518") BigDecimal latitude,
        @Schema(example = "111.144") BigDecimal longitude,

        @Schema(description = "日处理能力 (千克) / daily capacity in kg", example = "5000")
        long dailyCapacityKg,

        @Schema(example = "OPERATING") String status,

        @Schema(description = "运营企业 / operating enterprise", example = "91141100MA0K0000XA")
        String operatorCreditCode,

        @Schema(description = "上级网点 / the site it delivers to", example = "3")
        Long parentSiteId) {}
