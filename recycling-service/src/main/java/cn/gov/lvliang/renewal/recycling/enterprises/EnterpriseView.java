package cn.gov.lvliang.renewal.recycling.enterprises;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An enterprise as authorised callers see it: the contact person masked. */
@Schema(name = "Enterprise", description = "回收企业 / licensed enterprise (contact masked)")
public record EnterpriseView(
        @Schema(example = "91141100MA0K0000XA") String creditCode,
        @Schema(example = "吕梁市某报废汽车回收拆解有限公司") String name,
        EnterpriseType type,
        @Schema(example = "141102") String county,
        String address,
        Contact contact,
        Qualification qualification,
        Instant registeredAt,

        @Schema(description = "版本号 (乐观锁) / version for optimistic locking", example = "0")
        int version) {

    /** 联系人 (masked). */
    public record Contact(
            @Schema(example = "李*") String name,
            @Schema(example = "138****5678") String phone) {}

    /** 资质, with the status effective today. */
    public record Qualification(
            String licenceNumber,
            String scope,
            LocalDate validFrom,
            LocalDate validTo,
            @Schema(description = "登记状态 / recorded status") QualificationStatus recordedStatus,

            @Schema(description = "今日有效状态 / effective status today")
            LicenceStatus licenceStatus) {}
}
