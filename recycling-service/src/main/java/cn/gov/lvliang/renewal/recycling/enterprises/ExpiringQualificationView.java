package cn.gov.lvliang.renewal.recycling.enterprises;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 资质到期预警: a valid qualification that ends within the look-ahead window. */
@Schema(name = "ExpiringQualification", description = "资质到期预警 / qualification about to expire")
public record ExpiringQualificationView(
        String creditCode,
        String name,
        EnterpriseType type,
        String county,
        String licenceNumber,
        LocalDate validTo,

        @Schema(description = "剩余天数 (0 = 今日到期) / days left, 0 = expires today", example = "12")
        long daysLeft) {}
