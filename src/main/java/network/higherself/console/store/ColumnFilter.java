package network.higherself.console.store;

import network.higherself.console.card.PassedDate;

import java.util.List;

/**
 * Which cards of a column to show: all of them, or those matching a search text (title and key fields), assigned
 * to someone, overdue, or of high priority (high or urgent).
 *
 * @param overdue null for any card; else only the cards whose state's date has come, by these dates (one per state
 *                that waits for time, see {@link PassedDate}): a column whose state is not among them has none
 */
public record ColumnFilter(String text, String assignee, List<PassedDate> overdue, boolean highPriority) {

    public static final ColumnFilter ALL = new ColumnFilter(null, null, null, false);

    public ColumnFilter {
        overdue = overdue == null ? null : List.copyOf(overdue);
    }

    public boolean isAll() {
        return (text == null || text.isBlank()) && assignee == null && overdue == null && !highPriority;
    }

    public ColumnFilter withText(String t) {
        return new ColumnFilter(t, assignee, overdue, highPriority);
    }

    public ColumnFilter withAssignee(String a) {
        return new ColumnFilter(text, a, overdue, highPriority);
    }

    /** Only the cards overdue by {@code passed} (null: any card). */
    public ColumnFilter withOverdue(List<PassedDate> passed) {
        return new ColumnFilter(text, assignee, passed, highPriority);
    }

    public ColumnFilter withHighPriority(boolean on) {
        return new ColumnFilter(text, assignee, overdue, on);
    }
}
