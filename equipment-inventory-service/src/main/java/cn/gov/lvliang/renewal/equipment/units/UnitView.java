package cn.gov.lvliang.renewal.equipment.units;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A project unit as the API shows it: the contact masked. */
@Schema(name = "ProjectUnit", description = "项目单位 / project unit (contact masked)")
public record UnitView(
        @Schema(example = "12") long id,
        @Schema(example = "91141100MA0K0000XA") String creditCode,
        @Schema(example = "吕梁某焦化有限公司") String name,
        @Schema(example = "141181") String county,
        @Schema(example = "coking") String sector,
        UnitType type,
        @Schema(example = "王*") String contactName,
        @Schema(example = "138****5678") String contactPhone,
        Instant updatedAt,
        int version) {}
