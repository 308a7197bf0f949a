package cn.gov.lvliang.renewal.gateway.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The suite's event catalogue (事件目录), docs/events/asyncapi.yaml, which the build copies into the
 * gateway's classpath: the YAML as written, the same as JSON, and as an HTML page.
 */
@ApplicationScoped
public class EventCatalogueDocument {

    static final String RESOURCE = "META-INF/asyncapi/asyncapi.yaml";

    private final byte[] yaml;
    private final JsonNode document;
    private final String html;

    public EventCatalogueDocument() {
        try (InputStream in = EventCatalogueDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the gateway's classpath");
            }
            this.yaml = in.readAllBytes();
            this.document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.html = CatalogueHtml.render(document);
    }

    public byte[] yaml() {
        return yaml.clone();
    }

    public JsonNode document() {
        return document;
    }

    public String html() {
        return html;
    }
}
