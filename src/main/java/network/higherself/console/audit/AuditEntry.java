package network.higherself.console.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One entry of the audit trail. Entries are numbered without gaps; each carries the hash of the one before and
 * its own hash over a canonical form of its fields ({@link AuditHash}), so any later change is detected.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    /** The most characters an entry's note keeps (the change pipeline refuses a longer one). */
    public static final int NOTE_MAX = 1000;
    /**
     * The most characters an entry's details keep: what a change did to every field, whole (V10 widened the column
     * from 8,000 to H2's largest text; the change pipeline refuses a change whose details would not fit).
     */
    public static final int DETAILS_MAX = 1_000_000;

    @Id
    private long seq;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 80)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AuditAction action;

    @Column(name = "workflow_id", length = 32)
    private String workflowId;

    @Column(name = "card_id")
    private Long cardId;

    @Column(name = "from_state", length = 64)
    private String fromState;

    @Column(name = "to_state", length = 64)
    private String toState;

    @Column(length = 64)
    private String event;

    @Column(length = NOTE_MAX)
    private String note;

    @Column(length = DETAILS_MAX)
    private String details;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditEntry() {
    }

    AuditEntry(long seq, AuditRecord r, String prevHash, String hash) {
        this.seq = seq;
        this.at = r.at();
        this.actor = r.actor();
        this.action = r.action();
        this.workflowId = r.workflowId();
        this.cardId = r.cardId();
        this.fromState = r.fromState();
        this.toState = r.toState();
        this.event = r.event();
        this.note = r.note();
        this.details = r.details();
        this.prevHash = prevHash;
        this.hash = hash;
    }

    public long getSeq() {
        return seq;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getWorkflowId() {
        return workflowId;
    }

    public Long getCardId() {
        return cardId;
    }

    public String getFromState() {
        return fromState;
    }

    public String getToState() {
        return toState;
    }

    public String getEvent() {
        return event;
    }

    public String getNote() {
        return note;
    }

    public String getDetails() {
        return details;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }
}
