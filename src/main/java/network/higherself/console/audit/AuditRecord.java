package network.higherself.console.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What is to be written to the audit trail, before it is numbered and hashed. */
public record AuditRecord(Instant at, String actor, AuditAction action, String workflowId, Long cardId,
                          String fromState, String toState, String event, String note, String details) {

    public AuditRecord {
        // the database keeps microseconds: hash exactly what is stored
        at = at.truncatedTo(ChronoUnit.MICROS);
        note = note == null || note.isBlank() ? null : truncate(note.strip(), 1000);
        details = details == null || details.isBlank() ? null : truncate(details, 8000);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
