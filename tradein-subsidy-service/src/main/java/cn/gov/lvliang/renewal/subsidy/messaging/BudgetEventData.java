package cn.gov.lvliang.renewal.subsidy.messaging;

import java.time.Instant;

/**
 * Data of {@link SubsidyEvents#BUDGET_ALLOCATED}, {@link SubsidyEvents#BUDGET_LOW} and {@link
 * SubsidyEvents#BUDGET_EXHAUSTED}: one budget account (预算账户) after the change.
 *
 * @param fundingSource the budget ledger's funding source (CENTRAL, PROVINCIAL, CITY, …)
 * @param amountFen the amount allocated by this event; 0 on low and exhausted
 */
public record BudgetEventData(
        String programmeId,
        String county,
        String fundingSource,
        long amountFen,
        long allocatedFen,
        long reservedFen,
        long postedFen,
        long availableFen,
        Instant at) {}
