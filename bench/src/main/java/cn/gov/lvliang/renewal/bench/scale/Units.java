package cn.gov.lvliang.renewal.bench.scale;

import cn.gov.lvliang.renewal.platform.identifiers.CreditCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Project units (项目单位) and their equipment records (设备) of equipment-inventory-service, pure
 * Java. Equipment record {@code e} belongs to unit {@code e / 100}, so every unit has 100 records
 * and a load round that adds records adds their units first.
 */
public final class Units {

    /** Equipment records per project unit. */
    static final int EQUIPMENT_PER_UNIT = 100;

    static final List<String> SECTORS = List.of(
            "coal",
            "coking",
            "steel",
            "non-ferrous",
            "chemical",
            "building-materials",
            "power",
            "non-coal-mining",
            "baijiu",
            "equipment-manufacturing",
            "clean-energy",
            "new-materials",
            "solid-waste-utilisation",
            "pharmaceutical",
            "machinery");

    /** Category and a name for it, weighted towards industry as the registers are. */
    private static final String[][] CATEGORIES = {
        {"INDUSTRIAL_PRODUCTION", "破碎机"},
        {"INDUSTRIAL_PRODUCTION", "焦炉"},
        {"INDUSTRIAL_PRODUCTION", "轧机"},
        {"ENERGY_USING", "电动机"},
        {"ENERGY_USING", "工业锅炉"},
        {"ENERGY_USING", "空压机"},
        {"ENERGY_USING", "水泵"},
        {"POWER", "变压器"},
        {"ELEVATOR", "电梯"},
        {"FARM_MACHINERY", "拖拉机"},
        {"MEDICAL", "CT 机"},
        {"EDUCATION", "多媒体教学设备"},
        {"MUNICIPAL_HEATING", "换热站"},
        {"MUNICIPAL_WATER", "供水泵组"}
    };

    private static final String[] TIERS = {"BELOW_ENTRY", "ENTRY", "ENTRY", "SAVING", "SAVING", "ADVANCED"};

    /** One row of {@code project_unit}. */
    record Unit(long index, String creditCode, String name, String county, String sector, String type) {}

    /** One row of {@code equipment}. */
    record Equipment(
            long index,
            long unit,
            String assetTag,
            String name,
            String model,
            String category,
            LocalDate commissioned,
            int designLife,
            Integer efficiencyGrade,
            String efficiencyTier,
            String emissionGrade,
            long originalValueFen,
            String location,
            String status,
            Integer renewalPlannedYear,
            Long renewalInvestmentFen,
            LocalDate retiredOn,
            String disposal,
            Instant createdAt) {}

    private Units() {}

    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /**
     * A deterministic, valid unified social credit code registered in Lüliang; the generator's range
     * starts at 700,000, the load's (Bodies) at 0.
     */
    public static String creditCode(long n) {
        StringBuilder body = new StringBuilder("91141100");
        long rest = n;
        for (int i = 0; i < 9; i++) {
            body.append(CODE_CHARS.charAt((int) (rest % CODE_CHARS.length())));
            rest /= CODE_CHARS.length();
        }
        return body + String.valueOf(CreditCode.checkCharacter(body.toString()));
    }

    static long unitsFor(long equipment) {
        return Math.max(People.COUNTIES.size(), (equipment + EQUIPMENT_PER_UNIT - 1) / EQUIPMENT_PER_UNIT);
    }

    public static Unit unit(long seed, long u) {
        SplittableRandom r = Seeds.random(seed, u, Seeds.UNIT);
        int kind = r.nextInt(100);
        String type = kind < 80 ? "ENTERPRISE" : kind < 88 ? "HOSPITAL" : kind < 96 ? "SCHOOL" : "PUBLIC_INSTITUTION";
        String sector = type.equals("ENTERPRISE") ? SECTORS.get(r.nextInt(SECTORS.size())) : null;
        return new Unit(
                u,
                creditCode(1_000_000 + u),
                "吕梁" + (sector == null ? "公共" : sector) + "单位" + u,
                People.COUNTIES.get((int) (u % People.COUNTIES.size())),
                sector,
                type);
    }

    public static Equipment equipment(long seed, long e) {
        SplittableRandom r = Seeds.random(seed, e, Seeds.EQUIPMENT);
        String[] category = CATEGORIES[r.nextInt(CATEGORIES.length)];
        LocalDate commissioned = LocalDate.of(1995, 1, 1).plusDays(r.nextInt(30 * 365));
        int life = 8 + r.nextInt(23);
        int state = r.nextInt(100);
        String status = state < 85 ? "IN_SERVICE" : state < 95 ? "RENEWAL_PLANNED" : "RETIRED";
        boolean graded = r.nextInt(3) > 0;
        long value = 50_000_00L + 1_000_00L * r.nextInt(20_000);
        return new Equipment(
                e,
                e / EQUIPMENT_PER_UNIT,
                "ZC-" + e,
                category[1],
                "M" + (100 + r.nextInt(900)),
                category[0],
                commissioned,
                life,
                graded ? 1 + r.nextInt(5) : null,
                graded ? TIERS[r.nextInt(TIERS.length)] : null,
                "ABCD".substring(r.nextInt(4)).substring(0, 1),
                value,
                "厂区" + (1 + r.nextInt(12)) + "号车间",
                status,
                status.equals("RENEWAL_PLANNED") ? 2025 + r.nextInt(3) : null,
                status.equals("RENEWAL_PLANNED") ? value / 2 : null,
                status.equals("RETIRED") ? LocalDate.of(2024, 1, 1).plusDays(r.nextInt(700)) : null,
                status.equals("RETIRED") ? "SCRAPPED" : null,
                Instant.parse("2024-06-01T02:00:00Z").plusSeconds(e % 40_000_000L));
    }
}
