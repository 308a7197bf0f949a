package cn.gov.lvliang.renewal.testing.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The permission matrix of {@code docs/security.md}, read by the security tests: for each
 * operation ({@code GET /api/...}) the roles that may call it, or {@code public}.
 *
 * <p>Format: under a heading {@code ### <module>}, table rows {@code | `METHOD /path` | roles |
 * scope |}, roles comma-separated.
 */
public final class PermissionMatrix {

    /** The roles cell of a public operation. */
    public static final String PUBLIC = "public";

    /** The roles cell of an operation open to any authenticated caller ({@code @Authenticated}). */
    public static final String AUTHENTICATED = "authenticated";

    private PermissionMatrix() {}

    /** Operation → roles ({@code {"public"}} for public ones) of one module's section. */
    public static Map<String, Set<String>> of(String module) {
        Map<String, Set<String>> entries = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : read().split("\n")) {
            if (line.startsWith("### ")) {
                inSection = line.substring(4).trim().equals(module);
                continue;
            }
            if (!inSection || !line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String operation = cells[1].trim().replace("`", "");
            Set<String> roles = Arrays.stream(cells[2].split(","))
                    .map(String::trim)
                    .filter(role -> !role.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
            if (entries.put(operation, roles) != null) {
                throw new IllegalStateException("docs/security.md lists " + operation + " twice");
            }
        }
        return entries;
    }

    private static String read() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/security.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "docs/security.md not found above " + Path.of("").toAbsolutePath());
        }
        try {
            return Files.readString(dir.resolve("docs/security.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
