package network.higherself.console.store;

import network.higherself.console.card.PassedDate;

import java.util.List;

/**
 * Which cards of a column to show: all of them, or those matching a search text (title and key fields), assigned
 * to someone, overdue, or of high priority (high or urgent).
 *
 * @param overdue null for any card; else only the cards whose state's date has come, by these dates (one per state
 *                that waits for time, see {@link PassedDate}): a column whose state is not among them has none
 * @param lane    null for any card; else only the cards of one swimlane (a value of one field, or none)
 */
public record ColumnFilter(String text, String assignee, List<PassedDate> overdue, boolean highPriority, Lane lane) {

    public static final ColumnFilter ALL = new ColumnFilter(null, null, null, false, null);

    /**
     * The cards whose field {@code fieldKey} (assignee, priority, a kind's party: one value) holds {@code value} as
     * stored (a user name, a priority's name, a client's id as text), or no value when {@code value} is null.
     */
    public record Lane(String fieldKey, String value) {
        public Lane {
            java.util.Objects.requireNonNull(fieldKey, "fieldKey");
        }
    }

    public ColumnFilter {
        overdue = overdue == null ? null : List.copyOf(overdue);
    }

    public boolean isAll() {
        return (text == null || text.isBlank()) && assignee == null && overdue == null && !highPriority && lane == null;
    }

    public ColumnFilter withText(String t) {
        return new ColumnFilter(t, assignee, overdue, highPriority, lane);
    }

    public ColumnFilter withAssignee(String a) {
        return new ColumnFilter(text, a, overdue, highPriority, lane);
    }

    /** Only the cards overdue by {@code passed} (null: any card). */
    public ColumnFilter withOverdue(List<PassedDate> passed) {
        return new ColumnFilter(text, assignee, passed, highPriority, lane);
    }

    public ColumnFilter withHighPriority(boolean on) {
        return new ColumnFilter(text, assignee, overdue, on, lane);
    }

    /** Only the cards of {@code l} (null: any lane). */
    public ColumnFilter withLane(Lane l) {
        return new ColumnFilter(text, assignee, overdue, highPriority, l);
    }
}
