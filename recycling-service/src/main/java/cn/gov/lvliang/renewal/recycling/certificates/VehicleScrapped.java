package cn.gov.lvliang.renewal.recycling.certificates;

import java.time.LocalDate;

/**
 * Data of {@code cn.gov.lvliang.recycling.vehicle.scrapped.v1}. The owner appears only as a keyed
 * hash of the ID number (for matching by services that hold the hash key) and in masked form.
 */
public record VehicleScrapped(
        String certificateNumber,
        String dismantlerCreditCode,
        String county,
        String vin,
        LocalDate firstRegistrationDate,
        LocalDate handoverDate,
        PowerType powerType,
        Owner owner) {

    public record Owner(String idNumberHash, String idNumberMasked, String nameMasked) {}
}
