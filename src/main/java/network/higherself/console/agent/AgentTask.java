package network.higherself.console.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import network.higherself.console.workflow.Labels;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * One item of a card's checklist, made by an agent (Ruvo's preparation checklist of a booking) and ticked by
 * people. A required task that is open blocks the event its checklist names.
 */
@Entity
@Table(name = "agent_task")
public class AgentTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "card_id", nullable = false)
    private long cardId;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false)
    private boolean required;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_by", nullable = false, length = 80)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "done_by", length = 80)
    private String doneBy;

    @Version
    @Column(nullable = false)
    private long version;

    protected AgentTask() {
    }

    public AgentTask(long cardId, String kind, String title, boolean required, int position, String createdBy,
                     Instant createdAt) {
        this.cardId = cardId;
        this.kind = kind;
        this.title = Labels.cut(title, 200);
        this.required = required;
        this.position = position;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Ticks the task ({@code by} an actor's audit name) or, with {@code done} false, opens it again. */
    void mark(boolean done, String by, Instant at) {
        this.doneAt = done ? at : null;
        this.doneBy = done ? by : null;
    }

    public boolean isDone() {
        return doneAt != null;
    }

    public Long getId() {
        return id;
    }

    public long getCardId() {
        return cardId;
    }

    public String getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public boolean isRequired() {
        return required;
    }

    public int getPosition() {
        return position;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public String getDoneBy() {
        return doneBy;
    }

    public long getVersion() {
        return version;
    }
}
