package cn.gov.lvliang.renewal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Control characters never get through JSON parsing; every other text does, unchanged. */
class NoControlCharactersTest {

    private static final ObjectMapper JSON = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new NoControlCharacters().customize(mapper);
        return mapper;
    }

    record Named(String name) {}

    @Provide
    Arbitrary<Character> forbidden() {
        return Arbitraries.of(
                '\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u000E', '\u001B', '\u001F', '\u007F');
    }

    @Property
    void aControlCharacterAnywhereIsRefusedWithTheFieldNamed(
            @ForAll String prefix, @ForAll("forbidden") char control, @ForAll String suffix) throws Exception {
        String text = clean(prefix) + control + clean(suffix);
        String json = JSON.writeValueAsString(Map.of("name", text));
        assertThatThrownBy(() -> JSON.readValue(json, Named.class))
                .isInstanceOf(InvalidFormatException.class)
                .satisfies(e -> assertThat(
                                ((InvalidFormatException) e).getPath().get(0).getFieldName())
                        .isEqualTo("name"));
    }

    @Property
    void textWithoutControlCharactersIsReadUnchanged(@ForAll String any) throws Exception {
        String text = clean(any) + "\t\n\r吕梁😀１２";
        String json = JSON.writeValueAsString(Map.of("name", text));
        assertThat(JSON.readValue(json, Named.class).name()).isEqualTo(text);
    }

    private static String clean(String text) {
        StringBuilder out = new StringBuilder();
        text.chars()
                .filter(c -> NoControlCharacters.firstControlCharacter(String.valueOf((char) c)) < 0)
                .forEach(c -> out.append((char) c));
        return out.toString();
    }
}
