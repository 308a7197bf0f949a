package cn.gov.lvliang.renewal.recycling.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * The part of {@value #TYPE} (equipment-inventory-service, topic {@code equipment.events}) this
 * service reads. Other fields are ignored; {@code disposal}
 * (the planned way of disposal) is kept as given, text or structure.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EquipmentRetired(
        @NotBlank String equipmentId,
        @NotBlank String unitCreditCode,
        @NotBlank String county,
        @NotBlank String name,
        String category,
        @NotNull LocalDate retiredOn,
        JsonNode disposal) {

    public static final String TYPE = "cn.gov.lvliang.equipment.equipment.retired.v1";
}
