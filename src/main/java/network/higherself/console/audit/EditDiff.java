package network.higherself.console.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * What a change did to a card's fields, as the audit trail keeps it in an entry's details: one line per field,
 * {@code key: 'before' → 'after'}, each value as the field shows it (empty for no value). It writes itself
 * ({@link #format()}) and reads itself back ({@link #parse}), so that nobody parses audit text by hand: inside the
 * quotes a backslash, a quote and a line break are written {@code \\}, {@code \'} and {@code \n}. Entries written
 * before values were escaped are read as they were meant (the last {@code ' → '} of a line separates the values).
 */
public record EditDiff(List<Line> lines) {

    private static final String ARROW = "' \u2192 '";

    /**
     * One field's change; a line of the details that is no field's change (written by hand, or damaged) has a
     * null {@code key} and its text as {@code after}.
     */
    public record Line(String key, String before, String after) {

        public boolean isField() {
            return key != null;
        }
    }

    public static final EditDiff NONE = new EditDiff(List.of());

    public EditDiff {
        lines = List.copyOf(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The details text of the entry: one line per field, in order; empty when nothing changed. */
    public String format() {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) {
            if (b.length() > 0) {
                b.append('\n');
            }
            if (!l.isField()) {
                b.append(l.after());
                continue;
            }
            b.append(l.key()).append(": '");
            escape(b, l.before());
            b.append(ARROW);
            escape(b, l.after());
            b.append('\'');
        }
        return b.toString();
    }

    /** Reads details written by {@link #format()} (null or blank: nothing changed). */
    public static EditDiff parse(String details) {
        if (details == null || details.isBlank()) {
            return NONE;
        }
        List<Line> out = new ArrayList<>();
        for (String text : details.split("\n", -1)) {
            Line l = escaped(text);
            out.add(l != null ? l : unescaped(text));
        }
        return new EditDiff(out);
    }

    private static void escape(StringBuilder b, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
    }

    /** A line as {@link #format()} writes it, or null. */
    private static Line escaped(String text) {
        int colon = keyEnd(text);
        if (colon < 0) {
            return null;
        }
        StringBuilder before = new StringBuilder();
        int i = quoted(text, colon + 3, before);
        if (i < 0 || !text.startsWith(ARROW, i)) {
            return null;
        }
        StringBuilder after = new StringBuilder();
        int end = quoted(text, i + ARROW.length(), after);
        return end == text.length() ? new Line(text.substring(0, colon), before.toString(), after.toString()) : null;
    }

    /** Reads an escaped value from {@code start} up to its closing quote; the index after the quote, or -1. */
    private static int quoted(String text, int start, StringBuilder into) {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                return i + (text.startsWith(ARROW, i) ? 0 : 1);
            }
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                into.append(next == 'n' ? '\n' : next);
            } else {
                into.append(c);
            }
        }
        return -1;
    }

    /** A line written before values were escaped: the last {@code ' → '} separates them. */
    private static Line unescaped(String text) {
        int colon = keyEnd(text);
        int arrow = text.lastIndexOf(ARROW);
        if (colon < 0 || arrow < colon + 2 || !text.endsWith("'")) {
            return new Line(null, null, text);
        }
        return new Line(text.substring(0, colon), text.substring(colon + 3, arrow),
                text.substring(arrow + ARROW.length(), text.length() - 1));
    }

    /** Where a field key ({@code a-z 0-9 _}) followed by {@code : '} ends, or -1. */
    private static int keyEnd(String text) {
        int i = 0;
        while (i < text.length() && (Character.isLowerCase(text.charAt(i)) || Character.isDigit(text.charAt(i))
                || text.charAt(i) == '_')) {
            i++;
        }
        return i > 0 && text.startsWith(": '", i) ? i : -1;
    }
}
