package cn.gov.lvliang.renewal.recycling.usedcars;

import cn.gov.lvliang.renewal.platform.identifiers.ValidVin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "record a used-car trade". */
@Schema(name = "RecordUsedCarTrade", description = "登记二手车交易 / record a used-car trade")
public record RecordUsedCarTrade(
        @Schema(description = "VIN (GB 16735)", example = "LSVAU218XN2183294") @NotBlank @ValidVin
        String vin,

        @Schema(description = "交易日期 / trade date", example = "2024-09-12") @NotNull
        LocalDate tradeDate,

        @Schema(description = "成交价 (分) / price in fen", example = "8650000") @NotNull @Positive
        Long priceFen,

        @Schema(description = "初次登记日期 / first registration date", example = "2024-09-02") @NotNull
        LocalDate firstRegistrationDate,

        @Schema(description = "原登记地行政区划代码 / area code where the car was registered", example = "141102")
        @NotBlank
        @Pattern(regexp = "[1-8][0-9]{5}")
        String fromArea,

        @Schema(description = "转入地行政区划代码, 出口时不填 / area code it moves to; absent on export", example = "140105")
        @Pattern(regexp = "[1-8][0-9]{5}")
        String toArea,

        @Schema(description = "出口 / exported (task 45)", example = "false") @NotNull
        Boolean export,

        @Schema(description = "出口目的国 (ISO 3166-1 alpha-2) / destination country on export", example = "KZ")
        @Pattern(regexp = "[A-Z]{2}")
        String destinationCountry,

        @Schema(description = "表显里程 (公里) / odometer, km", example = "35") @PositiveOrZero
        Long odometerKm) {}
