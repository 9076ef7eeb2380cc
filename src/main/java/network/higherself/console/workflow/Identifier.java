package network.higherself.console.workflow;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a state or event id may be: a lower-case letter, then lower-case letters, digits and underscores, at most
 * {@value #MAX_LENGTH} characters (the width of the database's state and event columns). Checked wherever such an
 * id comes in: a workflow definition, the command line.
 */
public final class Identifier {

    public static final int MAX_LENGTH = 64;
    private static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9_]*");
    /** How much of a value a sentence repeats. */
    private static final int SHOWN = 40;

    private Identifier() {
    }

    public static boolean isValid(String id) {
        return id != null && id.length() <= MAX_LENGTH && PATTERN.matcher(id).matches();
    }

    /**
     * Why {@code id} cannot be a state or event id ({@code kind} being "state id", "event"...), as a sentence
     * fragment that repeats at most the start of the value, escaped; or empty when it will do.
     */
    public static Optional<String> problem(String kind, String id) {
        if (isValid(id)) {
            return Optional.empty();
        }
        String rule = "must be a lower-case letter followed by lower-case letters, digits or underscores, at most "
                + MAX_LENGTH + " characters (the width of the database's " + (kind.contains("event") ? "event" : "state")
                + " column)";
        return Optional.of(kind + " " + shown(id) + " " + rule); // a long value's length is in shown()
    }

    /**
     * A value as a sentence may repeat it: in single quotes, control characters written as {@code \n}, {@code \t},
     * {@code \\uXXXX}, and cut after {@value #SHOWN} characters ("…" and the length after it), so that a
     * 10,000-character or multi-line value can neither flood a message nor forge a line of it.
     */
    public static String shown(String value) {
        if (value == null) {
            return "''";
        }
        int cut = cut(value);
        String head = Escaping.controls(value.substring(0, cut));
        return cut < value.length()
                ? "'" + head + "…' (" + value.length() + " characters)"
                : "'" + head + "'";
    }

    /** The same without quotes or length, for a value inside a longer phrase: escaped, and cut with "…". */
    public static String brief(String value) {
        if (value == null) {
            return "";
        }
        int cut = cut(value);
        return Escaping.controls(value.substring(0, cut)) + (cut < value.length() ? "…" : "");
    }

    /** Where to cut: after {@value #SHOWN} code points, never inside a surrogate pair (an emoji stays whole). */
    private static int cut(String value) {
        return value.offsetByCodePoints(0, Math.min(SHOWN, value.codePointCount(0, value.length())));
    }
}
