package cn.gov.lvliang.renewal.testing.corpus;

import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.corpus.BadInput.Category;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bad-input corpus, in one place: given the JSON schema of an operation's request body (from
 * the OpenAPI document) and a base body, it derives every hostile variant the suite must refuse.
 *
 * <p>Body-level entries (malformed JSON, invalid UTF-8, a top-level value of the wrong type, an
 * unknown field, an oversize body) need no schema. Field-level entries replace one property of the
 * base body at a time, top level and one level of nesting: a value of the wrong type, a missing
 * required field, an over-long string, identifiers with a wrong check character (by field name:
 * {@code idNumber}, {@code creditCode}, {@code vin}), impossible dates, negative and absurd
 * amounts, full-width digits, emoji, control characters and injection strings. File entries cover
 * the import endpoints: garbage bytes, wrong CSV headers, formulas, and an XLSX zip bomb.
 *
 * <p>A constrained field (enum, pattern, format, or an identifier) must refuse every hostile value.
 * A free-text field may store printable Unicode (emoji, full-width digits, quotes and angle brackets
 * are legal in a name or an address) but never answers 5xx, and never stores control characters.
 */
public final class BadInputCorpus {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than any field of the suite allows. */
    public static final int OVERLONG = 5_000;

    private BadInputCorpus() {}

    /** Every hostile JSON body for an operation. */
    public static List<BadInput> forJson(Map<String, Object> schema, Map<String, Object> base) {
        List<BadInput> out = new ArrayList<>(bodyLevel(base));
        Map<String, Object> properties = properties(schema);
        List<String> required = required(schema);
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            Map<String, Object> fieldSchema = asMap(property.getValue());
            String name = property.getKey();
            if (required.contains(name)) {
                Map<String, Object> without = copy(base);
                without.remove(name);
                out.add(json(name + ": missing", Category.MISSING_FIELD, without, true));
            }
            out.addAll(forField(List.of(name), fieldSchema, base));
            if (isObject(fieldSchema) && base.get(name) instanceof Map<?, ?>) {
                for (Map.Entry<String, Object> nested : properties(fieldSchema).entrySet()) {
                    out.addAll(forField(List.of(name, nested.getKey()), asMap(nested.getValue()), base));
                }
            }
        }
        return out;
    }

    /** Hostile values for one field, each in a copy of {@code base}. */
    static List<BadInput> forField(List<String> path, Map<String, Object> schema, Map<String, Object> base) {
        String label = String.join(".", path);
        String leaf = path.get(path.size() - 1).toLowerCase(Locale.ROOT);
        String type = String.valueOf(schema.getOrDefault("type", "object"));
        // @NotBlank appears as the pattern \S: that alone does not make a field constrained
        boolean constrained = schema.containsKey("enum")
                || (schema.containsKey("pattern") && !"\\S".equals(schema.get("pattern")))
                || schema.containsKey("format")
                || identifier(leaf) != null;
        List<BadInput> out = new ArrayList<>();
        switch (type) {
            case "string" -> {
                out.add(field(label, Category.WRONG_TYPE, "an object", path, Map.of("x", 1), base, true));
                out.add(field(
                        label,
                        Category.OVERLONG_STRING,
                        OVERLONG + " characters",
                        path,
                        "1".repeat(OVERLONG),
                        base,
                        true));
                out.add(field(label, Category.CONTROL_CHARACTERS, "NUL", path, "ab\u0000cd", base, true));
                out.add(field(
                        label, Category.CONTROL_CHARACTERS, "escape and bell", path, "ab\u001b[2J\u0007", base, true));
                out.add(field(
                        label, Category.FULL_WIDTH_DIGITS, "full-width digits", path, "１４１１０２", base, constrained));
                out.add(field(label, Category.EMOJI, "emoji", path, "吕梁😀🚗", base, constrained));
                out.add(field(
                        label, Category.INJECTION, "SQL", path, "x'); drop table outbox_event; --", base, constrained));
                out.add(field(
                        label, Category.INJECTION, "script", path, "<script>alert(1)</script>", base, constrained));
                String format = String.valueOf(schema.get("format"));
                if (format.equals("date") || format.equals("date-time")) {
                    for (String date : List.of("2024-02-30", "2024-13-01", "+10000-01-01", "0000-00-00", "明天")) {
                        out.add(field(label, Category.OUT_OF_RANGE_DATE, date, path, date, base, true));
                    }
                }
                String kind = identifier(leaf);
                if (kind != null) {
                    out.add(field(
                            label,
                            Category.BAD_CHECK_CHARACTER,
                            "wrong check character",
                            path,
                            wrongCheckCharacter(kind),
                            base,
                            true));
                }
            }
            case "integer", "number" -> {
                out.add(field(label, Category.WRONG_TYPE, "text", path, "abc", base, true));
                out.add(field(
                        label,
                        Category.BAD_AMOUNT,
                        "beyond any number type",
                        path,
                        new java.math.BigInteger("9".repeat(40)),
                        base,
                        true));
                out.add(field(
                        label, Category.BAD_AMOUNT, "fraction of a fen", path, 0.5, base, "integer".equals(type)));
                if (amount(leaf)) {
                    out.add(field(label, Category.BAD_AMOUNT, "negative", path, -100, base, true));
                    out.add(field(label, Category.BAD_AMOUNT, "absurd", path, Long.MAX_VALUE, base, true));
                }
            }
            case "boolean" -> out.add(field(label, Category.WRONG_TYPE, "text", path, "maybe", base, true));
            case "array" -> out.add(field(label, Category.WRONG_TYPE, "a string", path, "x", base, true));
            default ->
                out.add(field(label, Category.WRONG_TYPE, "an array of numbers", path, List.of(1, 2), base, true));
        }
        return out;
    }

    /** Entries that break the body as a whole. */
    public static List<BadInput> bodyLevel(Map<String, Object> base) {
        List<BadInput> out = new ArrayList<>();
        String json = write(base);
        out.add(raw("truncated", Category.MALFORMED_JSON, json.substring(0, Math.max(1, json.length() / 2))));
        out.add(raw("trailing comma", Category.MALFORMED_JSON, "{\"a\":1,}"));
        out.add(raw("not JSON at all", Category.MALFORMED_JSON, "programmeId=1&county=141102"));
        out.add(raw("empty", Category.MALFORMED_JSON, ""));
        out.add(raw("top-level array", Category.WRONG_TYPE, "[" + json + "]"));
        out.add(raw("top-level number", Category.WRONG_TYPE, "42"));
        out.add(raw("null", Category.WRONG_TYPE, "null"));
        out.add(raw("nested 10,000 deep", Category.MALFORMED_JSON, "[".repeat(10_000) + "]".repeat(10_000)));
        Map<String, Object> unknown = copy(base);
        unknown.put("status", "APPROVED");
        unknown.put("id", "00000000-0000-0000-0000-000000000000");
        out.add(json("unknown fields status and id (mass assignment)", Category.UNKNOWN_FIELD, unknown, true));
        // 0xC3 0x28: a two-byte sequence whose second byte is not a continuation byte
        byte[] prefix = "{\"name\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] invalid = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(prefix);
        bytes.writeBytes(invalid);
        bytes.writeBytes(suffix);
        out.add(new BadInput(
                "invalid UTF-8 bytes", Category.INVALID_UTF8, "application/json", bytes.toByteArray(), true));
        return out;
    }

    /**
     * A JSON body of about {@code bytes} bytes: one huge string. Sent once per module, not per
     * operation, because it is slow by nature.
     */
    public static BadInput oversize(int bytes) {
        return raw(
                "a " + (bytes >> 20) + " MiB body", Category.OVERSIZE_BODY, "{\"name\":\"" + "x".repeat(bytes) + "\"}");
    }

    /** Hostile files for an import endpoint (multipart field {@code file}). */
    public static List<NamedFile> files() {
        List<NamedFile> out = new ArrayList<>();
        out.add(new NamedFile(
                "garbage bytes as xlsx",
                "list.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "PK\u0003\u0004 this is not a zip".getBytes(StandardCharsets.ISO_8859_1)));
        out.add(new NamedFile("empty csv", "list.csv", "text/csv", new byte[0]));
        out.add(new NamedFile(
                "csv with wrong headers",
                "list.csv",
                "text/csv",
                "foo,bar,baz\n1,2,3\n".getBytes(StandardCharsets.UTF_8)));
        out.add(new NamedFile(
                "csv of formulas",
                "list.csv",
                "text/csv",
                "=cmd|' /C calc'!A0,=HYPERLINK(\"http://evil\"),@SUM(1+1)\n=1+1,+2,-3\n"
                        .getBytes(StandardCharsets.UTF_8)));
        out.add(new NamedFile("csv with invalid UTF-8", "list.csv", "text/csv", new byte[] {
            (byte) 0xC3, (byte) 0x28, ',', (byte) 0xFF, '\n'
        }));
        out.add(new NamedFile(
                "xlsx zip bomb",
                "bomb.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                zipBomb()));
        return out;
    }

    /** A file sent as multipart form field {@code file}. */
    public record NamedFile(String name, String fileName, String contentType, byte[] content) {
        @Override
        public String toString() {
            return Category.MALFORMED_FILE + " " + name;
        }
    }

    private static final byte[] ZIP_BOMB = zipBomb();

    /**
     * A zip with the parts of an XLSX whose sheet expands from about 64 KiB to 64 MiB of zeros (ratio
     * about 1000:1): the import must refuse it without inflating it.
     */
    static byte[] zipBomb() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                            + "content-types\"><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
                            + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** {@code id}, {@code credit} or {@code vin} when the field name says it holds one. */
    static String identifier(String leaf) {
        if (leaf.contains("idnumber")) {
            return "id";
        }
        if (leaf.contains("creditcode")) {
            return "credit";
        }
        if (leaf.equals("vin") || leaf.endsWith("vin")) {
            return "vin";
        }
        return null;
    }

    static boolean amount(String leaf) {
        return leaf.endsWith("fen") || leaf.contains("amount") || leaf.contains("price");
    }

    static String wrongCheckCharacter(String kind) {
        String valid = switch (kind) {
            case "id" -> TestIdentifiers.residentId();
            case "credit" -> TestIdentifiers.creditCode();
            default -> TestIdentifiers.vin();
        };
        if (kind.equals("vin")) {
            return TestIdentifiers.vinWithWrongCheckDigit();
        }
        char last = valid.charAt(valid.length() - 1);
        char wrong = last == '1' ? '2' : '1';
        return valid.substring(0, valid.length() - 1) + wrong;
    }

    private static BadInput field(
            String label,
            Category category,
            String what,
            List<String> path,
            Object value,
            Map<String, Object> base,
            boolean mustRefuse) {
        return json(label + ": " + what, category, with(base, path, value), mustRefuse);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> base, List<String> path, Object value) {
        Map<String, Object> body = copy(base);
        Map<String, Object> target = body;
        for (String step : path.subList(0, path.size() - 1)) {
            Object next = target.get(step);
            Map<String, Object> nested =
                    next instanceof Map<?, ?> m ? copy((Map<String, Object>) m) : new LinkedHashMap<>();
            target.put(step, nested);
            target = nested;
        }
        target.put(path.get(path.size() - 1), value);
        return body;
    }

    private static BadInput json(String name, Category category, Map<String, Object> body, boolean mustRefuse) {
        return new BadInput(
                name, category, "application/json", write(body).getBytes(StandardCharsets.UTF_8), mustRefuse);
    }

    private static BadInput raw(String name, Category category, String body) {
        return new BadInput(name, category, "application/json", body.getBytes(StandardCharsets.UTF_8), true);
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Map<String, Object> map) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(map), LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static Map<String, Object> properties(Map<String, Object> schema) {
        Map<String, Object> all = new LinkedHashMap<>(asMap(schema.get("properties")));
        if (schema.get("allOf") instanceof List<?> parts) {
            for (Object part : parts) {
                all.putAll(asMap(asMap(part).get("properties")));
            }
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    static List<String> required(Map<String, Object> schema) {
        return schema.get("required") instanceof List<?> list ? (List<String>) list : List.of();
    }

    static boolean isObject(Map<String, Object> schema) {
        return "object".equals(schema.get("type")) || schema.containsKey("properties");
    }
}
