package cn.gov.lvliang.renewal.bench.scale;

import cn.gov.lvliang.renewal.platform.identifiers.ResidentIdNumber;
import java.util.List;

/**
 * The applicants and car owners of the generated data: person {@code p} has a valid resident ID
 * number (check character included) registered in one of the 13 counties, a name, a phone and a
 * bank account, all derived from {@code p}.
 *
 * <p>The ID numbers never meet the ones the claim scenario files ({@code Bodies.residentId}: prefix
 * 141102, days 1–28): these use days 29 and 30, so a measured filing is never refused by a
 * per-person limit because of the loaded data. Capacity: 13 × 50 years × 11 months × 2 days × 1,000
 * = 14.3 million people.
 */
final class People {

    /** The 13 counties of Lüliang (GB/T 2260), as platform-core's AreaCode and PRODUCT.md list them. */
    static final List<String> COUNTIES = List.of(
            "141102", "141121", "141122", "141123", "141124", "141125", "141126", "141127", "141128", "141129",
            "141130", "141181", "141182");

    static final long CAPACITY = 13L * 50 * 11 * 2 * 1000;

    private static final int[] MONTHS = {1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国晋生文斌志红海燕";

    private People() {}

    static String county(long p) {
        return COUNTIES.get((int) (p % COUNTIES.size()));
    }

    static String residentId(long p) {
        if (p < 0 || p >= CAPACITY) {
            throw new IllegalArgumentException("person " + p + " beyond the generator's " + CAPACITY);
        }
        long r = p / COUNTIES.size();
        String first17 = String.format(
                "%s%04d%02d%02d%03d",
                county(p),
                1950 + r / 22_000,
                MONTHS[(int) ((r / 2000) % MONTHS.length)],
                29 + (r / 1000) % 2,
                r % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    static String name(long p) {
        int surname = (int) (p % SURNAMES.length());
        int first = (int) ((p / SURNAMES.length()) % GIVEN.length());
        int second = (int) ((p / 7) % GIVEN.length());
        return SURNAMES.charAt(surname)
                + (p % 3 == 0 ? "" : String.valueOf(GIVEN.charAt(first)))
                + GIVEN.charAt(second);
    }

    static String phone(long p) {
        return String.format("13%09d", (p * 7_919L) % 1_000_000_000L);
    }

    static String bankAccount(long p) {
        return String.format("6222%015d", p);
    }

    static String address(long p) {
        return "吕梁市" + county(p) + "某街道" + (p % 997) + "号" + (p / 997 % 40) + "单元";
    }
}
