package cn.gov.lvliang.renewal.console.web;

import cn.gov.lvliang.renewal.console.api.ApiResponse;
import cn.gov.lvliang.renewal.console.session.Session;
import cn.gov.lvliang.renewal.console.session.Sessions;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;

/**
 * Renders a screen in the user's language (中文 by default, English after the switch) with what
 * every screen's frame needs: the signed-in user and the current path.
 */
@RequestScoped
public class Pages {

    /** The language switch's cookie: {@code zh} or {@code en}. */
    public static final String LANGUAGE_COOKIE = "console_lang";

    public static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    private final Sessions sessions;
    private final CurrentVertxRequest request;

    public Pages(Sessions sessions, CurrentVertxRequest request) {
        this.sessions = sessions;
        this.request = request;
    }

    /** The user's language. */
    public Locale locale() {
        Cookie cookie = request.getCurrent().request().getCookie(LANGUAGE_COOKIE);
        return cookie != null && "en".equals(cookie.getValue()) ? Locale.ENGLISH : CHINESE;
    }

    /** {@code zh} or {@code en}, for {@code <html lang>} and the switch. */
    public String language() {
        return locale().getLanguage();
    }

    /** The message bundle in the user's language, for text made in Java (chart names, XLSX headers). */
    public Msg msg() {
        return MessageBundles.get(Msg.class, Localized.Literal.of(locale().toLanguageTag()));
    }

    /** A screen with the frame's data. */
    public TemplateInstance page(Template template) {
        return frame(template.instance());
    }

    /** A screen or fragment with the frame's data. */
    public TemplateInstance frame(TemplateInstance instance) {
        Session session = sessions.current().orElse(null);
        String path = request.getCurrent().request().path();
        String rest = path.startsWith("/console/") ? path.substring("/console/".length()) : "";
        instance.data("session", session)
                .data("lang", language())
                .data("path", path)
                .data("section", rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
        instance.setLocale(locale());
        return instance;
    }

    /**
     * The sentence shown above a form the API refused: its own detail, or, when it named fields
     * (whose messages stand next to them), how many need correcting.
     */
    public String problem(ApiResponse answer) {
        int fields = answer.fieldErrors().size();
        return fields == 0 ? answer.detail() : msg().formErrors(fields);
    }

    /** True for htmx's partial requests, which get a fragment instead of the whole screen. */
    public boolean partial() {
        return request.getCurrent().request().getHeader("HX-Request") != null;
    }
}
