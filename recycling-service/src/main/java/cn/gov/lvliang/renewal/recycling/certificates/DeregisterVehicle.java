package cn.gov.lvliang.renewal.recycling.certificates;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of "record the deregistration (注销登记) of the scrapped vehicle". */
@Schema(name = "DeregisterVehicle", description = "注销登记 / the vehicle's deregistration with the traffic police")
public record DeregisterVehicle(
        @Schema(description = "注销日期 / date of deregistration", example = "2024-08-20") @NotNull
        LocalDate deregisteredOn) {}
