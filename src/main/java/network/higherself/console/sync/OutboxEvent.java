package network.higherself.console.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One local change waiting to be pushed to the shared server: immutable, identified by a UUID so that a retried
 * push is harmless.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @Column(name = "event_id")
    private UUID eventId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = 10)
    private String kind;

    @Column(name = "workflow_id", nullable = false, length = 32)
    private String workflowId;

    @Column(name = "card_id", nullable = false)
    private long cardId;

    @Column(name = "base_version", nullable = false)
    private long baseVersion;

    @Column(name = "from_state", length = 64)
    private String fromState;

    @Column(name = "to_state", length = 64)
    private String toState;

    @Column(length = 64)
    private String event;

    @Column(nullable = false, length = 80)
    private String actor;

    @Column(length = 8000)
    private String payload;

    @Column(name = "pushed_at")
    private Instant pushedAt;

    protected OutboxEvent() {
    }

    public OutboxEvent(UUID eventId, Instant createdAt, String kind, String workflowId, long cardId, long baseVersion,
                       String fromState, String toState, String event, String actor, String payload) {
        this.eventId = eventId;
        this.createdAt = createdAt;
        this.kind = kind;
        this.workflowId = workflowId;
        this.cardId = cardId;
        this.baseVersion = baseVersion;
        this.fromState = fromState;
        this.toState = toState;
        this.event = event;
        this.actor = actor;
        this.payload = payload;
    }

    public UUID getEventId() {
        return eventId;
    }

    public String getKind() {
        return kind;
    }

    public long getCardId() {
        return cardId;
    }

    public long getBaseVersion() {
        return baseVersion;
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

    public String getActor() {
        return actor;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getPushedAt() {
        return pushedAt;
    }
}
