package network.higherself.console.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The details of a {@link AuditAction#COLUMN_LIMIT_CHANGED} entry: the column's limit as it is after the change,
 * enough to rebuild its row ({@code maxCards} null: the limit was removed).
 * Written {@code board=WF-WELL-BOOK state=canceled max=3 hard=true}, or {@code ... max=none} when removed.
 */
public record ColumnLimitEntry(String workflowId, String state, Integer maxCards, boolean hard) {

    public String format() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("board", workflowId);
        v.put("state", state);
        v.put("max", maxCards == null ? "none" : maxCards.toString());
        v.put("hard", Boolean.toString(maxCards != null && hard));
        return KeyValues.format(v);
    }

    /** @throws IllegalArgumentException when {@code details} is not such an entry's */
    public static ColumnLimitEntry parse(String details) {
        Map<String, String> v = KeyValues.parse(details);
        String max = KeyValues.required(v, "max");
        return new ColumnLimitEntry(KeyValues.required(v, "board"), KeyValues.required(v, "state"),
                max.equals("none") ? null : Integer.valueOf(max), Boolean.parseBoolean(KeyValues.required(v, "hard")));
    }

    public boolean removed() {
        return maxCards == null;
    }
}
