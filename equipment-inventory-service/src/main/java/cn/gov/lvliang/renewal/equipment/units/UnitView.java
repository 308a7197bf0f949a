package cn.gov.lvliang.renewal.equipment.units;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A project unit as the API shows it: the contact masked. */
@Schema(name = "ProjectUnit", description = "项目单位 / project unit (contact masked)")
public record UnitView(
        @Schema(example = "12") long id,

        @Schema(
                description = "统一社会信用代码, 自然人为单位编码 (ZR…) / credit code, or a person's unit code"
                        + " (what equipment records name as unitCreditCode)",
                example = "91141100MA0K0000XA")
        String creditCode,

        @Schema(description = "单位名称, 自然人为脱敏姓名 / name; a person's masked", example = "吕梁某焦化有限公司")
        String name,

        @Schema(description = "脱敏身份证号, 仅自然人 / masked ID number, PERSON only", example = "1411**********1233")
        String idNumber,

        @Schema(example = "141181") String county,
        @Schema(example = "coking") String sector,
        UnitType type,
        @Schema(example = "王*") String contactName,
        @Schema(example = "138****5678") String contactPhone,
        Instant updatedAt,
        int version) {}
