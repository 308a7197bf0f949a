package cn.gov.lvliang.renewal.recycling.messaging;

import java.time.LocalDate;

/**
 * Data of {@code cn.gov.lvliang.recycling.vehicle.scrapped.v1} (version 1 as issued) and of {@code
 * cn.gov.lvliang.recycling.certificate.corrected.v1} (a later version). The owner appears only as a
 * keyed hash of the ID number (for matching by services that hold the hash key) and in masked form.
 * Fields after {@code owner} were added after the first release; consumers ignore what they do not
 * know.
 */
public record VehicleScrapped(
        String certificateNumber,
        String dismantlerCreditCode,
        String county,
        String vin,
        LocalDate firstRegistrationDate,
        LocalDate handoverDate,
        String powerType,
        Owner owner,
        String vehicleType,
        String vehicleUse,
        String makeAndModel,
        Integer kerbWeightKg,
        String engineNumber,
        String batteryPackCode,
        int version) {

    public record Owner(String idNumberHash, String idNumberMasked, String nameMasked) {}
}
