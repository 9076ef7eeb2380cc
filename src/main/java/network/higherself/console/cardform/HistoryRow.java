package network.higherself.console.cardform;

import network.higherself.console.audit.AuditAction;

import java.time.Instant;

/** One entry of a card's audit trail, as plain values for the history timeline. */
public record HistoryRow(long seq, Instant at, String actor, AuditAction action, String fromState, String toState,
                         String event, String note, String details) {
}
