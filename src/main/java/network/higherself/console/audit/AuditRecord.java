package network.higherself.console.audit;

import network.higherself.console.workflow.Labels;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What is to be written to the audit trail, before it is numbered and hashed. */
public record AuditRecord(Instant at, String actor, AuditAction action, String workflowId, Long cardId,
                          String fromState, String toState, String event, String note, String details) {

    public AuditRecord {
        // the database keeps microseconds: hash exactly what is stored
        at = at.truncatedTo(ChronoUnit.MICROS);
        note = note == null || note.isBlank() ? null : Labels.cut(note.strip(), AuditEntry.NOTE_MAX);
        details = details == null || details.isBlank() ? null : Labels.cut(details, AuditEntry.DETAILS_MAX);
    }
}
