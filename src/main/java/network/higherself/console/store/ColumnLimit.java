package network.higherself.console.store;

/** A column's work-in-progress limit: soft (the column turns amber) or hard (a move over it is refused). */
public record ColumnLimit(String workflowId, String state, int maxCards, boolean hard) {
}
