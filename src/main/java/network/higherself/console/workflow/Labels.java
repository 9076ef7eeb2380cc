package network.higherself.console.workflow;

/** Turns ids such as {@code client_accepted_quote} into words a person reads. */
public final class Labels {

    private Labels() {
    }

    public static String humanize(String id) {
        if (id == null || id.isEmpty()) {
            return "";
        }
        String words = id.replace('_', ' ').trim();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** {@code text} in quotation marks, as a sentence names an event: “Client accepted quote”. */
    public static String quoted(String text) {
        return "\u201c" + text + "\u201d";
    }

    /** "booking" becomes "A booking", "exhibition" becomes "An exhibition". */
    public static String withArticle(String noun) {
        boolean vowel = !noun.isEmpty() && "aeiouAEIOU".indexOf(noun.charAt(0)) >= 0;
        return (vowel ? "An " : "A ") + noun;
    }

    /**
     * {@code text} in at most {@code max} characters (UTF-16 units, as the database counts them): whole when it fits,
     * else cut with "\u2026" at its end, never inside a surrogate pair (an emoji is kept whole or left out).
     */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1; // room for the ellipsis
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, Math.max(end, 0)) + "\u2026";
    }

    /** Joins "a", "b", "c" as "a, b or c". */
    public static String orList(java.util.List<String> items) {
        return joined(items, " or ");
    }

    /** Joins "a", "b", "c" as "a, b and c". */
    public static String andList(java.util.List<String> items) {
        return joined(items, " and ");
    }

    private static String joined(java.util.List<String> items, String last) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }
}
