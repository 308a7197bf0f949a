package cn.gov.lvliang.renewal.subsidy.budget;

import cn.gov.lvliang.renewal.platform.identifiers.CountyCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response records of the budget ledger. */
public final class BudgetViews {

    private BudgetViews() {}

    @Schema(name = "Allocate", description = "拨付预算 / allocate money to a programme's accounts in a county")
    public record Allocate(
            @Schema(example = "HOME-APPLIANCE") @NotBlank String programmeId,

            @Schema(example = "141124") @NotBlank @CountyCode
            String county,

            @Schema(description = "资金来源; omitted: split by the programme's shares")
            FundingSource fundingSource,

            @Schema(description = "金额 (分) / amount in fen", example = "500000000")
            @NotNull
            @Positive
            @Max(100_000_000_000_000L)
            Long amountFen,

            @Schema(example = "2025 年第一批中央资金") @Size(max = 200)
            String note) {}

    @Schema(name = "BudgetAccount", description = "预算账户 / budget account; all amounts in fen")
    public record AccountView(
            long id,
            String programmeId,
            String county,
            FundingSource fundingSource,
            long allocatedFen,
            long reservedFen,
            long postedFen,
            long availableFen) {

        static AccountView of(BudgetAccount a) {
            return new AccountView(
                    a.id,
                    a.programmeId,
                    a.county,
                    a.fundingSource,
                    a.allocatedFen,
                    a.reservedFen,
                    a.postedFen,
                    a.availableFen());
        }
    }

    @Schema(name = "AccountReconciliation", description = "账户余额与分录推算值的核对 / balances against the journal")
    public record AccountReconciliation(
            AccountView account,
            long journalAllocatedFen,
            long journalReservedFen,
            long journalPostedFen,
            boolean agrees) {}

    @Schema(name = "Reconciliation", description = "预算核对结果 / ledger check")
    public record Reconciliation(boolean agrees, int accounts, List<AccountReconciliation> mismatches) {}
}
