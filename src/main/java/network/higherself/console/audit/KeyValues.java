package network.higherself.console.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Details written as {@code key=value} pairs separated by spaces, that read themselves back: for entries whose
 * details are a row's values (ids, numbers, flags: never a space in them).
 */
final class KeyValues {

    private KeyValues() {
    }

    static String format(Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> {
            if (v.indexOf(' ') >= 0 || v.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("an audit detail holds no space: " + k + "=" + v);
            }
            b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v);
        });
        return b.toString();
    }

    /** The pairs of {@code text}, in order. @throws IllegalArgumentException naming what is not a pair */
    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return values;
        }
        for (String pair : text.strip().split(" ")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + pair + "' is not key=value");
            }
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return values;
    }

    static String required(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("the details lack " + key);
        }
        return v;
    }
}
