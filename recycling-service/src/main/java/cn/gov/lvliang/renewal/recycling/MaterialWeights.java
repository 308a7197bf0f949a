package cn.gov.lvliang.renewal.recycling;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 材料重量: a record's weight by material, in kilograms (three decimals), feeding the
 * recycled-material indicator. Used in requests, entities (embedded) and event data alike.
 */
@Embeddable
@Schema(name = "MaterialWeights", description = "按材料分的重量 (千克) / weight by material, kg")
public record MaterialWeights(
        @Schema(description = "钢铁 / steel", example = "21.5")
        @Column(name = "steel_kg", nullable = false)
        @NotNull
        @DecimalMin("0")
        @Digits(integer = 9, fraction = 3)
        BigDecimal steelKg,

        @Schema(description = "有色金属 / non-ferrous metals", example = "3.2")
        @Column(name = "non_ferrous_kg", nullable = false)
        @NotNull
        @DecimalMin("0")
        @Digits(integer = 9, fraction = 3)
        BigDecimal nonFerrousKg,

        @Schema(description = "塑料 / plastics", example = "8.4")
        @Column(name = "plastics_kg", nullable = false)
        @NotNull
        @DecimalMin("0")
        @Digits(integer = 9, fraction = 3)
        BigDecimal plasticsKg,

        @Schema(description = "玻璃 / glass", example = "0")
        @Column(name = "glass_kg", nullable = false)
        @NotNull
        @DecimalMin("0")
        @Digits(integer = 9, fraction = 3)
        BigDecimal glassKg,

        @Schema(description = "其他 / other", example = "1.9")
        @Column(name = "other_kg", nullable = false)
        @NotNull
        @DecimalMin("0")
        @Digits(integer = 9, fraction = 3)
        BigDecimal otherKg) {

    /** The materials' total. */
    @JsonIgnore
    public BigDecimal totalKg() {
        return steelKg.add(nonFerrousKg).add(plasticsKg).add(glassKg).add(otherKg);
    }
}
