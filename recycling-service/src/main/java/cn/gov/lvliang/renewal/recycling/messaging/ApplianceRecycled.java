package cn.gov.lvliang.renewal.recycling.messaging;

import cn.gov.lvliang.renewal.recycling.MaterialWeights;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Data of {@code cn.gov.lvliang.recycling.appliance.recycled.v1}. */
public record ApplianceRecycled(
        String recordId,
        String county,
        String category,
        int count,
        BigDecimal weightKg,
        String source,
        String claimId,
        LocalDate recordedOn,
        MaterialWeights materials) {}
