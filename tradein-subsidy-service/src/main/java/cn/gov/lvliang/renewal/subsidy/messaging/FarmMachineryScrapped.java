package cn.gov.lvliang.renewal.subsidy.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The data of {@value #TYPE} and {@value #CORRECTED} (农机报废回收证明, the issue-21 contract,
 * decision 0039): a qualified farm-machinery dismantler issued, or corrected, the certificate. The
 * owner is a person (keyed hash of the ID number, as on vehicle.scrapped.v1) or an organisation
 * (credit code).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FarmMachineryScrapped(
        @NotBlank String certificateNumber,
        @NotBlank String dismantlerCreditCode,
        @NotBlank @Pattern(regexp = "\\d{6}") String county,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String machineType,
        @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal powerKw,
        @NotBlank String factoryNumber,
        String engineNumber,
        @NotBlank String makeAndModel,
        @NotNull LocalDate handoverDate,
        @NotNull @Valid Owner owner,
        @NotNull @Min(1) Integer version) {

    public static final String TYPE = "cn.gov.lvliang.recycling.farm-machinery.scrapped.v1";
    public static final String CORRECTED = "cn.gov.lvliang.recycling.farm-machinery-certificate.corrected.v1";

    /** The certificate's owner: {@code PERSON} with the ID number's keyed hash, or {@code ORGANISATION}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Owner(
            @NotBlank @Pattern(regexp = "PERSON|ORGANISATION")
            String kind,

            @Pattern(regexp = "[0-9a-f]{64}") String idNumberHash,
            String idNumberMasked,
            @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}") String creditCode,
            @NotBlank String nameMasked) {

        /** Whether the fields of the owner's kind are there. */
        public boolean complete() {
            return "PERSON".equals(kind) ? idNumberHash != null && idNumberMasked != null : creditCode != null;
        }
    }
}
