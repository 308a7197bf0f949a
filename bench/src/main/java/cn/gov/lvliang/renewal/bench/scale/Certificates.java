package cn.gov.lvliang.renewal.bench.scale;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * Scrap certificates (报废机动车回收证明) of recycling-service and of tradein-subsidy-service's read
 * model, pure Java. Certificate {@code k} belongs to the person who files scrappage claim {@link
 * Claims#claimOfCertificate(long)}, for the old car's VIN that claim names: the claim's checks
 * (VIN_MATCH, OWNER_MATCH, REGISTRATION_CUTOFF) hold. Certificates beyond the claims loaded are
 * cars scrapped by people who have not (yet) claimed.
 */
public final class Certificates {

    private static final LocalDate FIRST_HANDOVER = LocalDate.of(2024, 3, 1);
    private static final String PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private static final String[] MAKES = {"大众 SVW7182", "捷达 FV7160", "桑塔纳 SVW7180", "长安 SC7164", "五菱 LZW6376"};

    /** One certificate as issued (version 1). */
    record Certificate(
            long index,
            String number,
            String dismantler,
            long owner,
            String county,
            String vin,
            String plate,
            String powerType,
            LocalDate firstRegistration,
            LocalDate handover,
            String makeAndModel,
            int kerbWeightKg,
            String engineNumber) {}

    private Certificates() {}

    static String number(long k) {
        return String.format("LL-SC-%09d", k);
    }

    static String vin(long seed, long k) {
        return certificate(seed, k).vin();
    }

    static LocalDate firstRegistration(long seed, long k) {
        return certificate(seed, k).firstRegistration();
    }

    static String powerType(long seed, long k) {
        return certificate(seed, k).powerType();
    }

    /** The dismantlers (拆解企业) that issue the certificates: 20 licensed enterprises. */
    static String dismantler(int n) {
        return Units.creditCode(700_000 + n);
    }

    public static Certificate certificate(long seed, long k) {
        SplittableRandom r = Seeds.random(seed, k, Seeds.CERTIFICATE);
        String vin = Claims.vin(r, "LSV");
        long owner = Claims.personOf(Claims.claimOfCertificate(k));
        int kind = r.nextInt(100);
        String power = kind < 85 ? "FUEL" : kind < 95 ? "DIESEL" : "NEV";
        // Every registration is on or before the earliest cut-off of its power type (2011-06-30
        // fuel, 2013-06-30 diesel, 2018-04-30 NEV), so the scrappage checks pass for any rule year.
        LocalDate registered = power.equals("NEV")
                ? LocalDate.of(2014, 1, 1).plusDays(r.nextInt(1_580))
                : LocalDate.of(2003, 1, 1).plusDays(r.nextInt(3_100));
        LocalDate handover = FIRST_HANDOVER.plusDays(
                r.nextInt((int) ChronoUnit.DAYS.between(FIRST_HANDOVER, Claims.LAST_PURCHASE.minusDays(15))));
        StringBuilder plate = new StringBuilder("晋J");
        for (int c = 0; c < 5; c++) {
            plate.append(PLATE_CHARS.charAt(r.nextInt(PLATE_CHARS.length())));
        }
        return new Certificate(
                k,
                number(k),
                dismantler(r.nextInt(20)),
                owner,
                People.county(owner),
                vin,
                plate.toString(),
                power,
                registered,
                handover,
                MAKES[r.nextInt(MAKES.length)],
                900 + r.nextInt(900),
                "E"
                        + Long.toString(Seeds.mix(seed, k, Seeds.CERTIFICATE) & 0xFFFFFFFFL, 36)
                                .toUpperCase());
    }

    /** When the certificate was issued: the day after the handover, during working hours. */
    static java.time.Instant issuedAt(Certificate c) {
        return c.handover()
                .plusDays(1)
                .atTime(LocalTime.of(10, 0))
                .atZone(Claims.CHINA)
                .toInstant()
                .plusSeconds(c.index() % 20_000);
    }
}
