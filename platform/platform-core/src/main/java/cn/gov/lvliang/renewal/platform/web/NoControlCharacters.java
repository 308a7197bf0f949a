package cn.gov.lvliang.renewal.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * No JSON string of any request or event may carry a control character other than tab, line feed
 * and carriage return. PostgreSQL refuses NUL in text (the request would fail with 500 after
 * validation), and escape sequences or bells in stored names reach the terminals and spreadsheets
 * that later display them. Such a value is refused at parsing, as a wrong value of its field (400).
 */
@Singleton
public class NoControlCharacters implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("no-control-characters").addDeserializer(String.class, new Strict()));
    }

    /** The first forbidden control character's index, or -1. */
    public static int firstControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return i;
            }
        }
        return -1;
    }

    private static final class Strict extends StringDeserializer {
        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String value = super.deserialize(p, context);
            if (value != null && firstControlCharacter(value) >= 0) {
                throw InvalidFormatException.from(p, "control character in text", value, String.class);
            }
            return value;
        }
    }
}
