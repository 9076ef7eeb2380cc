package network.higherself.console.workflow;

/**
 * Text from data or from a command line, written where a control character could forge a line or hide what
 * follows: a line of {@code list}'s output, a value repeated in a sentence. A backslash becomes {@code \\}, a
 * newline {@code \n}, a carriage return {@code \r}, a tab {@code \t}, and every other control character, the
 * Unicode line and paragraph separators and the bidirectional overrides (which make a terminal show text in
 * another order than it is) {@code \\uXXXX}. Everything else, emoji and accents included, is kept as it is; the
 * result reads back unambiguously.
 */
public final class Escaping {

    private Escaping() {
    }

    public static String controls(String text) {
        return escape(text, true);
    }

    /**
     * The same, but a backslash stays as it is: for a file name in a sentence (a Windows path keeps its look),
     * where being one line matters and reading back exactly does not.
     */
    public static String oneLine(String text) {
        return escape(text, false);
    }

    private static String escape(String text, boolean backslash) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = c == '\\' && !backslash ? null : replacement(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether {@code text} holds a character that {@link #controls} writes as an escape (a backslash aside). */
    public static boolean hasControls(String text) {
        return text != null && text.chars().anyMatch(c -> c != '\\' && replacement((char) c) != null);
    }

    private static String replacement(char c) {
        switch (c) {
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                return needsEscape(c) ? String.format("\\u%04x", (int) c) : null;
        }
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c)                // C0, DEL, C1
                || c == '\u2028' || c == '\u2029'       // line and paragraph separators
                || c >= '\u202a' && c <= '\u202e'       // bidirectional embeddings and overrides
                || c >= '\u2066' && c <= '\u2069'       // bidirectional isolates
                || c == '\u200e' || c == '\u200f'       // left-to-right and right-to-left marks
                || c == '\u061c';                       // Arabic letter mark
    }
}
