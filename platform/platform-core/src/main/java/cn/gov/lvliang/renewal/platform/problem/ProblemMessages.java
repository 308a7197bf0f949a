package cn.gov.lvliang.renewal.platform.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Localised problem messages.
 *
 * <p>Keys are looked up first in the service's own {@code problems} bundle, then in the platform's
 * {@code platform-problems} bundle. The base bundles are zh-CN; {@code _en} files hold English.
 * There is no fallback to the JVM's default locale, so a server running with an English default
 * still answers in Chinese unless the caller asks for English.
 */
public final class ProblemMessages {

    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;
    private static final List<String> BUNDLES = List.of("problems", "platform-problems");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemMessages() {}

    /** The first supported language among the caller's acceptable languages; zh-CN otherwise. */
    public static Locale resolve(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
            if ("zh".equals(locale.getLanguage())) {
                return DEFAULT;
            }
        }
        return DEFAULT;
    }

    /** The message for {@code key}, formatted with {@code args}; the key itself when it is unknown. */
    public static String message(Locale locale, String key, Object... args) {
        String pattern = pattern(locale, key);
        if (pattern == null) {
            return key;
        }
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i] instanceof Problems.MessageRef ref ? message(locale, ref.key()) : args[i];
        }
        return new MessageFormat(pattern, locale).format(resolved);
    }

    /** True when some bundle defines {@code key}. */
    public static boolean has(Locale locale, String key) {
        return pattern(locale, key) != null;
    }

    private static String pattern(Locale locale, String key) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String name : BUNDLES) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(name, locale, loader, NO_FALLBACK);
                if (bundle.containsKey(key)) {
                    return bundle.getString(key);
                }
            } catch (MissingResourceException absent) {
                // this service has no bundle of that name
            }
        }
        return null;
    }
}
