package network.higherself.console.store;

/**
 * How many cards of one column lie in one swimlane: the lane's value as stored (null: none) and as a person reads it
 * (a staff member's or a client's name; null when the value is its own label or there is none).
 */
public record LaneCount(String state, String value, String label, long cards) {
}
