package cn.gov.lvliang.renewal.testing.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plausible request body built from a JSON schema: each property's example, else a typed default. */
final class Skeleton {

    private Skeleton() {}

    static Map<String, Object> of(Map<String, Object> schema) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Map.Entry<String, Object> property :
                BadInputCorpus.properties(schema).entrySet()) {
            body.put(property.getKey(), value(BadInputCorpus.asMap(property.getValue()), 0));
        }
        return body;
    }

    private static Object value(Map<String, Object> schema, int depth) {
        if (schema.containsKey("example")) {
            return schema.get("example");
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        String type = String.valueOf(schema.getOrDefault("type", "object"));
        String format = String.valueOf(schema.get("format"));
        return switch (type) {
            case "string" ->
                switch (format) {
                    case "date" -> "2025-03-01";
                    case "date-time" -> "2025-03-01T08:00:00Z";
                    case "uuid" -> "00000000-0000-0000-0000-000000000001";
                    default -> "示例";
                };
            case "integer", "number" -> 1;
            case "boolean" -> false;
            case "array" -> List.of();
            default -> depth < 3 && BadInputCorpus.isObject(schema) ? nested(schema, depth) : Map.of();
        };
    }

    private static Map<String, Object> nested(Map<String, Object> schema, int depth) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Map.Entry<String, Object> property :
                BadInputCorpus.properties(schema).entrySet()) {
            body.put(property.getKey(), value(BadInputCorpus.asMap(property.getValue()), depth + 1));
        }
        return body;
    }
}
