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

    /** "booking" becomes "A booking", "exhibition" becomes "An exhibition". */
    public static String withArticle(String noun) {
        boolean vowel = !noun.isEmpty() && "aeiouAEIOU".indexOf(noun.charAt(0)) >= 0;
        return (vowel ? "An " : "A ") + noun;
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
