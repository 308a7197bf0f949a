package cn.gov.lvliang.renewal.recycling.publication;

import cn.gov.lvliang.renewal.recycling.enterprises.EnterpriseType;
import cn.gov.lvliang.renewal.recycling.enterprises.LicenceStatus;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A licensed enterprise as published (资质公示): business data only, never contacts or personal data. */
@Schema(name = "PublicEnterprise", description = "资质公示 / published enterprise and qualification")
public record PublicEnterpriseView(
        @Schema(example = "91141100MA0K0000XA") String creditCode,
        @Schema(example = "吕梁市某报废汽车回收拆解有限公司") String name,
        EnterpriseType type,
        @Schema(example = "141102") String county,
        @Schema(example = "离石区") String countyName,
        String licenceNumber,
        String licenceScope,
        LocalDate licenceValidFrom,
        LocalDate licenceValidTo,

        @Schema(description = "今日有效状态 / licence status today")
        LicenceStatus licenceStatus,

        @Schema(description = "经营的回收网点 / the enterprise's collection sites")
        List<PublicSiteView> sites) {}
