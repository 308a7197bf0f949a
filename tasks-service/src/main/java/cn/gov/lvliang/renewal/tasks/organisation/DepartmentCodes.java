package cn.gov.lvliang.renewal.tasks.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Stable codes for departments: short pinyin initials for the units of 吕政发〔2024〕4号, and for
 * any other name a code derived from it ({@code dept-} and 8 hex digits of its SHA-256), so the
 * same name always gets the same code. The code is what a department officer's token carries in
 * its {@code department} claim.
 */
public final class DepartmentCodes {

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("市工信局", "gxj"),
            Map.entry("市能源局", "nyj"),
            Map.entry("市规划和自然资源局", "zrzyj"),
            Map.entry("市生态环境局", "sthjj"),
            Map.entry("市发展改革委", "fgw"),
            Map.entry("市数据局", "sjj"),
            Map.entry("市应急管理局", "yjglj"),
            Map.entry("市市场监管局", "scjgj"),
            Map.entry("市住建局", "zjj"),
            Map.entry("市城管局", "cgj"),
            Map.entry("市公安局", "gaj"),
            Map.entry("市交通运输局", "jtysj"),
            Map.entry("市交警支队", "jjzd"),
            Map.entry("市商务局", "swj"),
            Map.entry("市科技局", "kjj"),
            Map.entry("市农业农村局", "nyncj"),
            Map.entry("市现代农业发展服务中心", "xdnyzx"),
            Map.entry("市财政局", "czj"),
            Map.entry("市教育局", "jyj"),
            Map.entry("市文旅局", "wlj"),
            Map.entry("市体育局", "tyj"),
            Map.entry("市卫健委", "wjw"),
            Map.entry("市招商引资服务中心", "zsyzzx"),
            Map.entry("市供销社", "gxs"),
            Map.entry("市民政局", "mzj"),
            Map.entry("市人社局", "rsj"),
            Map.entry("国网吕梁分公司", "gwll"),
            Map.entry("地方电力吕梁分公司", "dfdlll"));

    private DepartmentCodes() {}

    /** The code for a department named {@code sourceName} in a document. */
    public static String codeFor(String sourceName) {
        String known = KNOWN.get(sourceName);
        if (known != null) {
            return known;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sourceName.getBytes(StandardCharsets.UTF_8));
            return "dept-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
