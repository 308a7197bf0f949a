package cn.gov.lvliang.renewal.bench;

import cn.gov.lvliang.renewal.bench.scale.Units;
import cn.gov.lvliang.renewal.platform.identifiers.ResidentIdNumber;
import cn.gov.lvliang.renewal.platform.identifiers.Vin;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request bodies of the load: each one new, with valid identifiers (check characters included),
 * derived from a sequence number so that no two requests of a run share an ID number, invoice,
 * serial number, delivery address or certificate number.
 */
public final class Bodies {

    /** The 13 counties of Lüliang (GB/T 2260). */
    static final List<String> COUNTIES = List.of(
            "141102", "141121", "141122", "141123", "141124", "141125", "141126", "141127", "141128", "141129",
            "141130", "141181", "141182");

    private static final String VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

    private final List<String> sellers = new ArrayList<>();
    private final String dismantler;

    Bodies(String dismantler) {
        this.dismantler = dismantler;
        for (int i = 0; i < 200; i++) {
            sellers.add(creditCode(i));
        }
    }

    /** A deterministic, valid unified social credit code registered in Lüliang ({@link Units#creditCode}). */
    public static String creditCode(long n) {
        return Units.creditCode(n);
    }

    /** A resident ID number unique for every {@code n} below 16.8 million. */
    static String residentId(long n) {
        String first17 = String.format(
                "141102%04d%02d%02d%03d",
                1950 + (n / 336_000) % 50, 1 + (n / 28_000) % 12, 1 + (n / 1000) % 28, n % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    static String vin() {
        StringBuilder body = new StringBuilder("LSV");
        while (body.length() < 17) {
            body.append(VIN_CHARS.charAt(ThreadLocalRandom.current().nextInt(VIN_CHARS.length())));
        }
        body.setCharAt(8, '0');
        body.setCharAt(8, Vin.checkDigit(body.toString()));
        return body.toString();
    }

    /**
     * A home-appliance claim filed by a county clerk: grade 1, 5,000 yuan, bought 2025-03-01; every
     * applicant with a phone and bank account of their own (one phone for all made every claim's
     * shared-phone check count every claim before it, and flagged it).
     */
    String claim(long n, String county) {
        String seller = sellers.get((int) (n % sellers.size()));
        return "{\"programmeId\":\"HOME-APPLIANCE\",\"county\":\"" + county + "\",\"sellerCreditCode\":\"" + seller
                + "\",\"applicant\":{\"name\":\"张三\",\"idNumber\":\"" + residentId(n)
                + "\",\"phone\":\"138" + String.format("%08d", n % 100_000_000) + "\",\"bankAccount\":\"62220202"
                + String.format("%011d", n)
                + "\"},\"purchaseDate\":\"2025-03-01\",\"appliance\":{\"productCategory\":\"AIR_CONDITIONER\","
                + "\"model\":\"KFR-35GW/N" + (n % 20) + "\",\"serialNumber\":\"BSN" + n + "\",\"invoiceNumber\":\"BINV"
                + n + "\",\"priceFen\":500000,\"efficiencyGrade\":1,\"deliveryAddress\":\"吕梁市离石区压测路" + n
                + "号\"}}";
    }

    /** A scrap certificate (报废机动车回收证明) issued by the registered dismantler. */
    String certificate(String number) {
        return "{\"certificateNumber\":\"" + number + "\",\"dismantlerCreditCode\":\"" + dismantler
                + "\",\"county\":\"141124\",\"vin\":\"" + vin() + "\",\"ownerName\":\"李四\",\"ownerIdNumber\":\""
                + residentId(ThreadLocalRandom.current().nextLong(16_000_000))
                + "\",\"ownerPhone\":\"13912345678\",\"ownerAddress\":\"吕梁市临县城庄镇某村 2 号\",\"plate\":\"晋J2B345\","
                + "\"firstRegistrationDate\":\"2011-03-15\",\"handoverDate\":\"2024-09-01\",\"powerType\":\"FUEL\","
                + "\"vehicleType\":\"小型普通客车\",\"vehicleUse\":\"非营运\",\"makeAndModel\":\"大众 SVW7182\","
                + "\"kerbWeightKg\":1320,\"engineNumber\":\"CEA654321\"}";
    }
}
