package network.higherself.console.sync;

/**
 * One event as the server accepted it: its number in the server's order, the exact text the server hashed, and the
 * chain's link (the previous event's hash) and its own hash.
 */
public record ServerEvent(long seq, String body, String prevHash, String hash) {
}
