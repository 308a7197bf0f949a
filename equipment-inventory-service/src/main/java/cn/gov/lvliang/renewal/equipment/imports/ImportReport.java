package cn.gov.lvliang.renewal.equipment.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of an import, with its row-level errors (the first ones; all in the XLSX report). */
@Schema(name = "ImportReport", description = "导入结果与逐行校验报告 / import outcome with row-level report")
public record ImportReport(
        UUID id,
        @Schema(example = "retirement") String list,
        @Schema(example = "XLSX") String format,

        @Schema(description = "REJECT_FILE or ACCEPT_VALID", example = "ACCEPT_VALID")
        String mode,

        @Schema(
                description = "COMPLETED (valid rows saved), REJECTED (nothing saved) or RUNNING",
                example = "COMPLETED")
        String status,

        @Schema(description = "数据行数 / data rows read", example = "5")
        int totalRows,

        @Schema(description = "导入成功的行 / rows saved", example = "3")
        int accepted,

        @Schema(description = "被拒绝的行 / rows refused", example = "2")
        int rejected,

        @Schema(description = "错误总数 / errors in all", example = "2")
        int errorCount,

        List<RowError> errors,

        @Schema(description = "errors lists only the first errors; the report has all")
        boolean errorsTruncated,

        @Schema(example = "/api/equipment/imports/6c1c…/report")
        String reportUrl,

        Instant createdAt,
        Instant finishedAt) {

    /** One rejected cell: spreadsheet row number (header = 1), column header, value and message. */
    @Schema(name = "ImportRowError", description = "行号、列、值、错误说明 / row, column, value, message")
    public record RowError(
            @Schema(example = "5") int row,
            @Schema(example = "统一社会信用代码") String column,
            @Schema(example = "91141100MA0K0000XB") String value,
            @Schema(example = "统一社会信用代码校验码不符合 GB 32100") String message) {}
}
