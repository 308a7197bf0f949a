package cn.gov.lvliang.renewal.recycling.disposals;

import cn.gov.lvliang.renewal.platform.identifiers.ValidCreditCode;
import cn.gov.lvliang.renewal.recycling.MaterialWeights;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "close a disposal record with its outcome". */
@Schema(name = "CloseDisposal", description = "处置结果 / close a disposal with its outcome")
public record CloseDisposal(
        @Schema(example = "SCRAPPED") @NotNull DisposalOutcome outcome,

        @Schema(description = "处置企业 (已登记) / the enterprise that handled it", example = "91141100MA0K0000XA")
        @NotBlank
        @ValidCreditCode
        String handlerCreditCode,

        @Schema(description = "处置完成日期 / date", example = "2025-04-01") @NotNull
        LocalDate closedOn,

        @Schema(description = "按材料分的重量 (报废时) / weight by material, when scrapped") @Valid
        MaterialWeights materials) {}
