package cn.gov.lvliang.renewal.subsidy.notices;

import cn.gov.lvliang.renewal.subsidy.claims.ReasonCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notification texts (通知模板), read as data from {@code notices/templates.properties}. Only the
 * variables of {@link Variables} can be filled in, so no template can show an ID number, a bank
 * account or a full name: they are not offered.
 */
@ApplicationScoped
public class NoticeTemplates {

    static final String RESOURCE = "notices/templates.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final Properties texts;

    public NoticeTemplates() {
        this(RESOURCE);
    }

    NoticeTemplates(String resource) {
        texts = new Properties();
        try (InputStream in = NoticeTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a notice may say. {@code reason} is a reason code, never the reviewer's free-text note. */
    public record Variables(String claimNumber, long amountFen, ReasonCode reason, String paidDate) {}

    /** A rendered email. */
    public record Email(String subject, String body) {}

    public String sms(NoticeKind kind, Variables variables) {
        return text("sms.sign") + render(text("sms." + kind.key()), variables);
    }

    public Email email(NoticeKind kind, Variables variables) {
        return new Email(
                render(text("email." + kind.key() + ".subject"), variables),
                render(text("email." + kind.key() + ".body"), variables));
    }

    String render(String template, Variables v) {
        Map<String, String> values = Map.of(
                "claimNumber", v.claimNumber(),
                "amountYuan", yuan(v.amountFen()),
                "reason",
                        v.reason() == null
                                ? text("reason.OTHER")
                                : text("reason." + v.reason().name()),
                "paidDate", v.paidDate() == null ? "" : v.paidDate(),
                "appealWays", text("appeal-ways"));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("unknown template variable {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String yuan(long fen) {
        return fen % 100 == 0 ? Long.toString(fen / 100) : String.format("%d.%02d", fen / 100, fen % 100);
    }

    private String text(String key) {
        String value = texts.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no template " + key + " in " + RESOURCE);
        }
        return value;
    }
}
