package cn.gov.lvliang.renewal.testing.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The suite's event catalogue (docs/events/asyncapi.yaml, on the classpath as {@value #RESOURCE}):
 * which types exist, on which channel, and whether a record's value conforms to its type's
 * schema. Local {@code $ref}s are inlined before validation, so each message's payload is a
 * self-contained JSON Schema (draft 7, the dialect of AsyncAPI 3.0 schemas).
 */
public final class EventCatalogue {

    public static final String RESOURCE = "META-INF/asyncapi/asyncapi.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final Map<String, Schema> payloads = new LinkedHashMap<>();

    private EventCatalogue(JsonNode document) {
        this.document = document;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        for (Map.Entry<String, JsonNode> message :
                document.path("components").path("messages").properties()) {
            if (message.getKey().startsWith("cn.gov.lvliang.")) {
                JsonNode payload = inline(message.getValue().path("payload"), 0);
                payloads.put(message.getKey(), registry.getSchema(payload));
            }
        }
    }

    /** The catalogue on the classpath. */
    public static EventCatalogue load() {
        try (InputStream in = EventCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new EventCatalogue(YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every documented CloudEvents type. */
    public Set<String> types() {
        return new TreeSet<>(payloads.keySet());
    }

    /** The types a channel (topic) carries, from its {@code messages}. */
    public Set<String> typesOf(String topic) {
        Set<String> out = new TreeSet<>();
        JsonNode messages = channel(topic).path("messages");
        messages.forEach(ref -> out.add(referenced(ref).substring("#/components/messages/".length())));
        return out;
    }

    /** Whether the catalogue documents {@code topic}. */
    public boolean hasChannel(String topic) {
        return !channel(topic).isMissingNode();
    }

    /**
     * Checks one record value: a CloudEvent whose type is documented for {@code topic} and whose
     * envelope and data conform to the type's schema.
     *
     * @return the violations; empty when the record conforms
     */
    public List<String> violations(String topic, String value) {
        JsonNode event;
        try {
            event = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        String type = event.path("type").asText(null);
        if (type == null) {
            return List.of("no CloudEvents type");
        }
        Schema schema = payloads.get(type);
        if (schema == null) {
            return List.of("type " + type + " is not in the catalogue");
        }
        List<String> out = new ArrayList<>();
        if (!typesOf(topic).contains(type)) {
            out.add("type " + type + " is not documented on channel " + topic);
        }
        for (Error error : schema.validate(event)) {
            out.add(type + ": " + error);
        }
        return out;
    }

    private JsonNode channel(String topic) {
        for (JsonNode channel : document.path("channels")) {
            if (topic.equals(channel.path("address").asText())) {
                return channel;
            }
        }
        return JSON.missingNode();
    }

    private static String referenced(JsonNode node) {
        return node.path("$ref").asText("");
    }

    /** Replaces every local {@code $ref} by the node it points to, recursively. */
    private JsonNode inline(JsonNode node, int depth) {
        if (depth > 32) {
            throw new IllegalStateException("reference cycle in the catalogue");
        }
        if (node.isObject()) {
            String ref = referenced(node);
            if (!ref.isEmpty()) {
                JsonNode target = document.at(ref.substring(1));
                if (target.isMissingNode()) {
                    throw new IllegalStateException("dangling reference " + ref);
                }
                return inline(target, depth + 1);
            }
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(f -> copy.set(f.getKey(), inline(f.getValue(), depth)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(inline(n, depth)));
            return copy;
        }
        return node;
    }
}
