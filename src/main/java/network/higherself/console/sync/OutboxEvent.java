package network.higherself.console.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One local change waiting to be pushed to the shared server: immutable, identified by a UUID so that a retried
 * push is harmless.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /**
     * The most characters a change's payload (its typed values, as JSON) may have: H2's largest text (V10 widened the
     * column from 8,000, which an allowed note with long fields could overflow). The change pipeline refuses a
     * change whose payload would not fit, so every change is kept whole.
     */
    public static final int PAYLOAD_MAX = 1_000_000;

    @Id
    @Column(name = "event_id")
    private UUID eventId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = 10)
    private String kind;

    @Column(name = "workflow_id", length = 32)
    private String workflowId;

    @Column(name = "card_id")
    private Long cardId;

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

    @Column(length = PAYLOAD_MAX)
    private String payload;

    @Column(name = "pushed_at")
    private Instant pushedAt;

    /** Thread-safe once configured: every change of every service writes its payload with it. */
    private static final ObjectMapper JSON = new ObjectMapper();

    protected OutboxEvent() {
    }

    /** A new change to push, with a fresh UUID and {@code payload} as its JSON payload. */
    public static OutboxEvent of(Instant at, String kind, String workflowId, long cardId, long baseVersion,
                                 String fromState, String toState, String event, String actor, String payload) {
        return new OutboxEvent(UUID.randomUUID(), at, kind, workflowId, cardId, baseVersion, fromState, toState, event,
                actor, payload);
    }

    /**
     * A new change to push, with a fresh UUID; {@code payload}'s entries (strings, flags, maps of them) become its
     * JSON payload. The one way the services fill the outbox, so every kind is written alike.
     */
    public static OutboxEvent of(Instant at, String kind, String workflowId, long cardId, long baseVersion,
                                 String fromState, String toState, String event, String actor, Map<String, ?> payload) {
        String json;
        try {
            json = JSON.writeValueAsString(new LinkedHashMap<>(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox payload is strings, flags and maps of them: always JSON", e);
        }
        return new OutboxEvent(UUID.randomUUID(), at, kind, workflowId, cardId, baseVersion, fromState, toState, event,
                actor, json);
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getWorkflowId() {
        return workflowId;
    }

    public String getKind() {
        return kind;
    }

    public Long getCardId() {
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
