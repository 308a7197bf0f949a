package cn.gov.lvliang.renewal.testing.security;

import cn.gov.lvliang.renewal.platform.security.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    /** What limits a role on an operation: the scope column's kinds. */
    public enum Scope {
        ALL,
        COUNTY,
        DEPARTMENT,
        ENTERPRISE,
        SUBJECT,
        NONE
    }

    /**
     * Operation → role → {@link Scope} of one module's section, read from the scope column
     * ({@code role, role: what; role: what}, "enterprise roles" standing for the row's enterprise
     * roles). Public and authenticated-only rows are left out.
     *
     * @throws IllegalStateException naming the row when a role of it has no scope, a scope names a
     *     role outside the row, or a {@code what} names no known limit
     */
    public static Map<String, Map<String, Scope>> scopes(String module) {
        Map<String, Map<String, Scope>> all = new LinkedHashMap<>();
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
            Set<String> roles = roles(cells[2]);
            if (roles.contains(PUBLIC) || roles.contains(AUTHENTICATED)) {
                continue;
            }
            Map<String, Scope> byRole = new TreeMap<>();
            for (String entry : cells[3].split(";")) {
                int colon = entry.indexOf(':');
                if (colon < 0) {
                    throw new IllegalStateException(operation + ": scope entry without roles: " + entry.trim());
                }
                Scope scope = scope(operation, entry.substring(colon + 1));
                for (String who : entry.substring(0, colon).split(",")) {
                    Set<String> named = who.trim().equals("enterprise roles")
                            ? roles.stream()
                                    .filter(Roles.ENTERPRISE_ROLES::contains)
                                    .collect(Collectors.toSet())
                            : Set.of(who.trim());
                    for (String role : named) {
                        if (!roles.contains(role) || byRole.put(role, scope) != null) {
                            throw new IllegalStateException(
                                    operation + ": scope names " + role + " outside its roles or twice");
                        }
                    }
                }
            }
            if (!byRole.keySet().equals(roles)) {
                throw new IllegalStateException(
                        operation + ": no scope for " + new TreeSet<>(roles) + " minus " + byRole.keySet());
            }
            all.put(operation, byRole);
        }
        return all;
    }

    private static Scope scope(String operation, String what) {
        String text = what.trim();
        if (text.startsWith("all")) {
            return Scope.ALL;
        }
        if (text.startsWith("none")) {
            return Scope.NONE;
        }
        for (Scope scope : Scope.values()) {
            if (text.contains("`" + scope.name().toLowerCase(java.util.Locale.ROOT) + "`")) {
                return scope;
            }
        }
        throw new IllegalStateException(operation + ": scope names no known limit: " + text);
    }

    private static Set<String> roles(String cell) {
        return Arrays.stream(cell.split(","))
                .map(String::trim)
                .filter(role -> !role.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
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
