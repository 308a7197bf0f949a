package cn.gov.lvliang.renewal.recycling.sites;

import cn.gov.lvliang.renewal.platform.identifiers.CountyCode;
import cn.gov.lvliang.renewal.platform.identifiers.ValidCreditCode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "register a collection site". */
@Schema(name = "RegisterSite", description = "登记回收网点 / register a collection site")
public record RegisterSite(
        @Schema(example = "离石区滨河交投点") @NotBlank @Size(max = 128)
        String name,

        @Schema(description = "层级 / level", example = "COLLECTION_POINT") @NotNull
        SiteLevel level,

        @Schema(description = "运营企业 (已登记) / operating enterprise, registered", example = "91141100MA0K0000XA")
        @NotBlank
        @ValidCreditCode
        String operatorCreditCode,

        @Schema(example = "141102") @NotBlank @CountyCode String county,

        @Schema(example = "吕梁市离石区滨河北路 8 号") @NotBlank @Size(max = 200)
        String address,

        @Schema(description = "纬度 (WGS 84)", example = "37.518000")
        @NotNull
        @DecimalMin("-90")
        @DecimalMax("90")
        @Digits(integer = 3, fraction = 6)
        BigDecimal latitude,

        @Schema(description = "经度 (WGS 84)", example = "111.144000")
        @NotNull
        @DecimalMin("-180")
        @DecimalMax("180")
        @Digits(integer = 3, fraction = 6)
        BigDecimal longitude,

        @Schema(description = "日处理能力 (千克) / daily capacity, kg", example = "5000") @NotNull @PositiveOrZero
        Long dailyCapacityKg,

        @Schema(
                description = "上级网点: 交投点→中转站, 中转站→分拣中心; 分拣中心不填 / the next level up;"
                        + " required for points and stations, absent for centres",
                example = "3")
        Long parentSiteId) {}
