package cn.gov.lvliang.renewal.recycling.certificates;

import cn.gov.lvliang.renewal.platform.identifiers.CountyCode;
import cn.gov.lvliang.renewal.platform.identifiers.ValidCreditCode;
import cn.gov.lvliang.renewal.platform.identifiers.ValidPlateNumber;
import cn.gov.lvliang.renewal.platform.identifiers.ValidResidentIdNumber;
import cn.gov.lvliang.renewal.platform.identifiers.ValidVin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "issue a scrap certificate": the number, the dismantler and the content (flat). */
@Schema(name = "IssueScrapCertificate", description = "签发报废机动车回收证明 / issue a scrap certificate")
public record IssueScrapCertificate(
        @Schema(description = "证明编号 / certificate number", example = "LL-2024-000123")
        @NotBlank
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{5,31}")
        String certificateNumber,

        @Schema(
                description = "拆解企业统一社会信用代码 / dismantler's credit code; must match the token's enterprise",
                example = "91141100MA0K0000XA")
        @NotBlank
        @ValidCreditCode
        String dismantlerCreditCode,

        @Schema(description = "县级行政区划代码 / county area code", example = "141124") @NotBlank @CountyCode
        String county,

        @Schema(description = "车辆识别代号 (GB 16735) / VIN", example = "LSVAU218XN2183294") @NotBlank @ValidVin
        String vin,

        @Schema(description = "机动车所有人姓名 / owner's name", example = "张三") @NotBlank @Size(max = 64)
        String ownerName,

        @Schema(description = "所有人居民身份证号码 (GB 11643) / owner's ID number", example = "141124198001011233")
        @NotBlank
        @ValidResidentIdNumber
        String ownerIdNumber,

        @Schema(description = "所有人联系电话 / owner's phone", example = "13812345678")
        @NotBlank
        @Pattern(regexp = ScrapCertificateContent.PHONE)
        String ownerPhone,

        @Schema(description = "所有人住址 / owner's address", example = "吕梁市临县某街 1 号") @NotBlank @Size(max = 200)
        String ownerAddress,

        @Schema(description = "号牌号码 / plate", example = "晋J12345") @NotBlank @ValidPlateNumber
        String plate,

        @Schema(description = "初次登记日期 / first registration date", example = "2010-05-01") @NotNull
        LocalDate firstRegistrationDate,

        @Schema(description = "交车日期 / handover date", example = "2024-08-01") @NotNull
        LocalDate handoverDate,

        @Schema(description = "动力类型 / power type") @NotNull PowerType powerType,

        @Schema(description = "车辆类型 / vehicle type", example = "小型普通客车") @NotBlank @Size(max = 32)
        String vehicleType,

        @Schema(description = "使用性质 / use", example = "非营运") @NotBlank @Size(max = 32)
        String vehicleUse,

        @Schema(description = "厂牌型号 / make and model", example = "大众 SVW7182") @NotBlank @Size(max = 64)
        String makeAndModel,

        @Schema(description = "整备质量 (千克) / kerb weight, kg", example = "1320") @NotNull @Positive @Max(100_000)
        Integer kerbWeightKg,

        @Schema(description = "发动机号 / engine number", example = "CEA123456")
        @NotBlank
        @Size(max = 32)
        @Pattern(regexp = "[A-Z0-9-]+")
        String engineNumber,

        @Schema(
                description = "动力蓄电池包编码 (GB/T 34014, 新能源车) / traction-battery pack code, NEVs",
                example = "03HPB0DA0001CN7E20240001")
        @Pattern(regexp = ScrapCertificateContent.PACK_CODE)
        String batteryPackCode) {

    ScrapCertificateContent content() {
        return new ScrapCertificateContent(
                county,
                vin,
                ownerName,
                ownerIdNumber,
                ownerPhone,
                ownerAddress,
                plate,
                firstRegistrationDate,
                handoverDate,
                powerType,
                vehicleType,
                vehicleUse,
                makeAndModel,
                kerbWeightKg,
                engineNumber,
                batteryPackCode);
    }
}
