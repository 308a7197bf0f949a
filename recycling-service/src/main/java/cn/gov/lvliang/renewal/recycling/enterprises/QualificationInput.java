package cn.gov.lvliang.renewal.recycling.enterprises;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 资质: a licence as registered or changed. */
@Schema(name = "QualificationInput", description = "资质 / qualification (licence)")
public record QualificationInput(
        @Schema(description = "资质证书编号 / licence number", example = "晋报废回收(吕梁)字0001号") @NotBlank @Size(max = 64)
        String licenceNumber,

        @Schema(description = "经营范围 / licensed scope", example = "报废机动车回收拆解") @NotBlank @Size(max = 500)
        String scope,

        @Schema(description = "有效期起 / valid from", example = "2024-01-01") @NotNull
        LocalDate validFrom,

        @Schema(description = "有效期至 / valid to", example = "2028-12-31") @NotNull
        LocalDate validTo,

        @Schema(description = "资质状态 / recorded status (expiry is derived from the dates)", example = "VALID") @NotNull
        QualificationStatus status) {}
