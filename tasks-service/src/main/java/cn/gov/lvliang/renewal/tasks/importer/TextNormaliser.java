package cn.gov.lvliang.renewal.tasks.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Brings the variants of a policy text to one form before parsing: byte-order mark, CRLF and CR
 * line endings, full-width digits, parentheses, full stop after a number, percent sign and
 * ideographic spaces. Chinese punctuation (，、。《》〔〕) is kept as written.
 */
public final class TextNormaliser {

    private TextNormaliser() {}

    /** The normalised text; lines separated by {@code \n}. */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF10' && c <= '\uFF19') {
                out.append((char) ('0' + (c - '\uFF10')));
            } else {
                out.append(
                        switch (c) {
                            case '（' -> '(';
                            case '）' -> ')';
                            case '．' -> '.';
                            case '％' -> '%';
                            case '\u3000', '\u00A0', '\t' -> ' ';
                            case '\uFF0D' -> '-';
                            default -> c;
                        });
            }
        }
        return out.toString();
    }

    /** The lines of a normalised text, trimmed; blank lines kept so that line numbers hold. */
    public static List<String> lines(String normalised) {
        List<String> lines = new ArrayList<>();
        for (String line : normalised.split("\n", -1)) {
            lines.add(line.strip());
        }
        return lines;
    }
}
