package network.higherself.console.store;

import java.time.LocalDateTime;

/**
 * Which cards of a column to show: all of them, or those matching a search text (title and key fields), assigned
 * to someone, overdue at a moment, or of high priority (high or urgent).
 */
public record ColumnFilter(String text, String assignee, LocalDateTime overdueAt, boolean highPriority) {

    public static final ColumnFilter ALL = new ColumnFilter(null, null, null, false);

    public boolean isAll() {
        return (text == null || text.isBlank()) && assignee == null && overdueAt == null && !highPriority;
    }

    public ColumnFilter withText(String t) {
        return new ColumnFilter(t, assignee, overdueAt, highPriority);
    }

    public ColumnFilter withAssignee(String a) {
        return new ColumnFilter(text, a, overdueAt, highPriority);
    }

    public ColumnFilter withOverdueAt(LocalDateTime at) {
        return new ColumnFilter(text, assignee, at, highPriority);
    }

    public ColumnFilter withHighPriority(boolean on) {
        return new ColumnFilter(text, assignee, overdueAt, on);
    }
}
