package cn.gov.lvliang.renewal.recycling.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Data of {@code cn.gov.lvliang.recycling.farm-machinery.scrapped.v1} (version 1 as issued) and of
 * {@code cn.gov.lvliang.recycling.farm-machinery-certificate.corrected.v1} (a later version), as the
 * issue-21 contract fixes it. A person owner appears only as the keyed hash of the ID number (the
 * platform's {@code KeyedHash} with the suite's shared key, as in {@link VehicleScrapped}) and in
 * masked form; an organisation by its credit code.
 */
public record FarmMachineryScrapped(
        String certificateNumber,
        String dismantlerCreditCode,
        String county,
        String machineType,
        BigDecimal powerKw,
        String factoryNumber,
        String engineNumber,
        String makeAndModel,
        LocalDate handoverDate,
        Owner owner,
        int version) {

    /**
     * @param kind {@code PERSON} or {@code ORGANISATION}
     * @param idNumberHash PERSON only, else null
     * @param idNumberMasked PERSON only, else null
     * @param creditCode ORGANISATION only, else null
     */
    public record Owner(
            String kind, String idNumberHash, String idNumberMasked, String creditCode, String nameMasked) {}
}
