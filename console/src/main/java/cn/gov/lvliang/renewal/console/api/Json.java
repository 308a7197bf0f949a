package cn.gov.lvliang.renewal.console.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.vertx.mutiny.core.buffer.Buffer;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** API answers as plain maps and lists, which templates read as {@code {claim.status}}. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** A body as JSON; {@link MissingNode} when there is none or it is not JSON. */
    public static JsonNode parse(Buffer body) {
        if (body == null || body.length() == 0) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(body.getBytes());
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    public static Map<String, Object> map(JsonNode node) {
        return MAPPER.convertValue(node, new TypeReference<Map<String, Object>>() {});
    }

    public static List<Map<String, Object>> list(JsonNode node) {
        return MAPPER.convertValue(node, new TypeReference<List<Map<String, Object>>>() {});
    }
}
