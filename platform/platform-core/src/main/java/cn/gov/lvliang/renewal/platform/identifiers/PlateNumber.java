package cn.gov.lvliang.renewal.platform.identifiers;

import java.util.regex.Pattern;

/**
 * Motor-vehicle plate number (号牌号码), for example 晋J12345 or, for a new-energy vehicle,
 * 晋JD12345: a province character, the issuing office's letter, then five (six for NEVs)
 * letters or digits without I and O. Trailer and coach plates end in 挂 or 学.
 */
public final class PlateNumber {

    private static final Pattern PLATE = Pattern.compile(
            "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]" + "[A-HJ-NP-Z]" + "(?:[A-HJ-NP-Z0-9]{5,6}|[A-HJ-NP-Z0-9]{4}[挂学])");

    private PlateNumber() {}

    public static boolean isValid(String plate) {
        return plate != null && PLATE.matcher(plate).matches();
    }
}
