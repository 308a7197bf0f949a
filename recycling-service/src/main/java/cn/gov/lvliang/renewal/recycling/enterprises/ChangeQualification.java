package cn.gov.lvliang.renewal.recycling.enterprises;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "change a qualification": renewal, suspension, revocation or correction. */
@Schema(name = "ChangeQualification", description = "变更资质 / change a qualification")
public record ChangeQualification(
        @Schema(description = "新的资质 / the qualification as it now stands") @Valid @NotNull
        QualificationInput qualification,

        @Schema(description = "变更原因 / reason", example = "资质延续") @NotBlank @Size(max = 500)
        String reason,

        @Schema(description = "读取时的版本号 (乐观锁) / the version read; a stale one answers 409", example = "0")
        @NotNull
        @PositiveOrZero
        Integer version) {}
