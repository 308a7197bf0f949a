package cn.gov.lvliang.renewal.testing.corpus;

/**
 * One hostile request body of the {@link BadInputCorpus}.
 *
 * @param name what is wrong, e.g. {@code applicant.idNumber: wrong check character}
 * @param category the corpus entry it comes from
 * @param contentType the {@code Content-Type} it is sent with
 * @param body the exact bytes sent
 * @param mustRefuse {@code true}: only 4xx problem+json with nothing stored is acceptable;
 *     {@code false} (printable but unusual text in a free-text field): the value may be stored as
 *     given, but the answer is never a 5xx
 */
public record BadInput(String name, Category category, String contentType, byte[] body, boolean mustRefuse) {

    /** The kinds of bad input the issue lists, one per corpus entry. */
    public enum Category {
        MALFORMED_JSON,
        WRONG_TYPE,
        MISSING_FIELD,
        UNKNOWN_FIELD,
        OVERLONG_STRING,
        BAD_CHECK_CHARACTER,
        OUT_OF_RANGE_DATE,
        BAD_AMOUNT,
        INVALID_UTF8,
        FULL_WIDTH_DIGITS,
        EMOJI,
        CONTROL_CHARACTERS,
        INJECTION,
        OVERSIZE_BODY,
        MALFORMED_FILE
    }

    @Override
    public String toString() {
        return category + " " + name;
    }
}
