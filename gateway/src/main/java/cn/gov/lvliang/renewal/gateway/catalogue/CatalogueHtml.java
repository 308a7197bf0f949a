package cn.gov.lvliang.renewal.gateway.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the AsyncAPI document as one self-contained HTML page (no scripts, no external assets):
 * the channels, then every event type with its summary, its channels and the fields of its
 * {@code data}. Everything taken from the document is HTML-escaped.
 */
final class CatalogueHtml {

    private CatalogueHtml() {}

    static String render(JsonNode doc) {
        StringBuilder out = new StringBuilder(64 * 1024);
        String title = doc.path("info").path("title").asText("Event catalogue");
        out.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(esc(title))
                .append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;")
                .append("color:#1b1f24}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}")
                .append("th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}")
                .append("th{background:#f6f8fa}code{font-size:.9em}section{border-top:1px solid #d0d7de;")
                .append("padding-top:.5rem}.req{color:#cf222e}</style></head><body>");
        out.append("<h1>").append(esc(title)).append("</h1>");
        out.append("<p>AsyncAPI ")
                .append(esc(doc.path("asyncapi").asText()))
                .append(" · version ")
                .append(esc(doc.path("info").path("version").asText()))
                .append(" · <a href=\"/asyncapi/asyncapi.yaml\">asyncapi.yaml</a>")
                .append(" · <a href=\"/asyncapi/asyncapi.json\">asyncapi.json</a>")
                .append(" · <a href=\"/q/swagger-ui\">OpenAPI explorer</a></p>");
        out.append("<p>")
                .append(esc(doc.path("info").path("description").asText()))
                .append("</p>");

        out.append("<h2>Topics · 主题</h2><table><tr><th>topic</th><th>what</th><th>event types</th></tr>");
        for (Map.Entry<String, JsonNode> channel : doc.path("channels").properties()) {
            JsonNode c = channel.getValue();
            out.append("<tr><td><code>")
                    .append(esc(c.path("address").asText(channel.getKey())))
                    .append("</code></td><td>")
                    .append(esc(c.path("description").asText()))
                    .append("</td><td>");
            for (JsonNode ref : c.path("messages")) {
                String name = messageName(ref);
                if (name.startsWith("cn.gov.lvliang.")) {
                    out.append("<a href=\"#")
                            .append(esc(name))
                            .append("\"><code>")
                            .append(esc(name))
                            .append("</code></a><br>");
                } else {
                    out.append(esc(name)).append("<br>");
                }
            }
            out.append("</td></tr>");
        }
        out.append("</table>");

        out.append("<h2>Event types · 事件类型</h2>");
        for (Map.Entry<String, JsonNode> message :
                doc.path("components").path("messages").properties()) {
            String type = message.getKey();
            if (!type.startsWith("cn.gov.lvliang.")) {
                continue;
            }
            JsonNode m = message.getValue();
            out.append("<section id=\"")
                    .append(esc(type))
                    .append("\"><h3><code>")
                    .append(esc(type))
                    .append("</code></h3>");
            out.append("<p><b>")
                    .append(esc(m.path("title").asText()))
                    .append("</b> — ")
                    .append(esc(m.path("summary").asText()))
                    .append("</p><p>Topics: ");
            out.append(String.join(
                    ", ",
                    channelsOf(doc, type).stream()
                            .map(t -> "<code>" + esc(t) + "</code>")
                            .toList()));
            out.append(
                    "</p><table><tr><th>field of <code>data</code></th><th>type</th><th>required</th><th>meaning</th></tr>");
            fields(doc, dataSchema(doc, m), "", out);
            out.append("</table></section>");
        }
        out.append("</body></html>");
        return out.toString();
    }

    private static JsonNode dataSchema(JsonNode doc, JsonNode message) {
        for (JsonNode part : message.path("payload").path("allOf")) {
            JsonNode data = part.path("properties").path("data");
            if (!data.isMissingNode()) {
                return resolve(doc, data);
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static void fields(JsonNode doc, JsonNode schema, String prefix, StringBuilder out) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            JsonNode s = resolve(doc, p.getValue());
            String name = prefix + p.getKey();
            out.append("<tr><td><code>")
                    .append(esc(name))
                    .append("</code></td><td>")
                    .append(esc(typeOf(p.getValue(), s)))
                    .append("</td><td>")
                    .append(required.contains(p.getKey()) ? "<span class=\"req\">yes</span>" : "")
                    .append("</td><td>")
                    .append(esc(s.path("description").asText()))
                    .append("</td></tr>");
            if (s.has("properties")) {
                fields(doc, s, name + ".", out);
            }
        }
    }

    private static String typeOf(JsonNode declared, JsonNode s) {
        StringBuilder t = new StringBuilder();
        if (s.has("enum")) {
            List<String> values = new ArrayList<>();
            s.path("enum").forEach(v -> values.add(v.isNull() ? "null" : v.asText()));
            t.append("one of ").append(String.join(" | ", values));
        } else if (s.path("type").isArray()) {
            List<String> types = new ArrayList<>();
            s.path("type").forEach(v -> types.add(v.asText()));
            t.append(String.join(" | ", types));
        } else {
            t.append(s.path("type").asText("any"));
        }
        if (s.has("pattern")) {
            t.append(" /").append(s.path("pattern").asText()).append('/');
        }
        if (s.has("format")) {
            t.append(" (").append(s.path("format").asText()).append(')');
        }
        String ref = declared.path("$ref").asText("");
        if (!ref.isEmpty()) {
            t.append(" — ").append(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return t.toString();
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode n = node;
        for (int i = 0; i < 16 && n.has("$ref"); i++) {
            n = doc.at(n.path("$ref").asText().substring(1));
        }
        return n;
    }

    private static String messageName(JsonNode ref) {
        String r = ref.path("$ref").asText("");
        return r.substring(r.lastIndexOf('/') + 1);
    }

    private static List<String> channelsOf(JsonNode doc, String type) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : doc.path("channels")) {
            for (JsonNode ref : c.path("messages")) {
                if (type.equals(messageName(ref))) {
                    out.add(c.path("address").asText());
                }
            }
        }
        return out;
    }

    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
