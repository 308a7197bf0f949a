package cn.gov.lvliang.renewal.platform.identifiers;

import java.util.Map;
import java.util.Optional;

/**
 * The administrative-division codes (行政区划代码, GB/T 2260) of Lüliang and its 13 counties,
 * and of the city-level zones that act as implementing units.
 */
public final class AreaCode {

    public static final String CITY = "141100";

    /** County-level divisions, code → name, in code order. */
    public static final Map<String, String> COUNTIES = Map.ofEntries(
            Map.entry("141102", "离石区"),
            Map.entry("141121", "文水县"),
            Map.entry("141122", "交城县"),
            Map.entry("141123", "兴县"),
            Map.entry("141124", "临县"),
            Map.entry("141125", "柳林县"),
            Map.entry("141126", "石楼县"),
            Map.entry("141127", "岚县"),
            Map.entry("141128", "方山县"),
            Map.entry("141129", "中阳县"),
            Map.entry("141130", "交口县"),
            Map.entry("141181", "孝义市"),
            Map.entry("141182", "汾阳市"));

    private AreaCode() {}

    public static boolean isCounty(String code) {
        return code != null && COUNTIES.containsKey(code);
    }

    public static Optional<String> countyName(String code) {
        return Optional.ofNullable(code).map(COUNTIES::get);
    }
}
