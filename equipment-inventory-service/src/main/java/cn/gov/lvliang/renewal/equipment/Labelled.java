package cn.gov.lvliang.renewal.equipment;

import java.util.Optional;

/** An enumeration with a Chinese label, as used in spreadsheets (中文列值). */
public interface Labelled {

    String name();

    /** The Chinese label, for example 电梯. */
    String label();

    /** Parses a constant by its code ({@code ELEVATOR}) or its Chinese label ({@code 电梯}). */
    static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value) || constant.label().equals(value)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
