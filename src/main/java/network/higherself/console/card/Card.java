package network.higherself.console.card;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A card on a board: one exhibition, booking, project, campaign, content piece, interface release, agent
 * message or permission request. It knows its fields, validates them and guards the events that need data;
 * it never opens a transaction or decides who may do what (the move service does).
 */
@Entity
@Table(name = "card")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "workflow_id", length = 32)
public abstract class Card {

    public static final int TITLE_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String state;

    @Column(nullable = false)
    private long position;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Column(length = 60)
    private String assignee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Priority priority = Priority.NORMAL;

    @Column(name = "state_since", nullable = false)
    private Instant stateSince;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(nullable = false)
    private long version;

    protected Card() {
    }

    /** The id of the workflow whose board this card is on. */
    public abstract String workflowId();

    /** What one card of this kind is called ("booking"). */
    public abstract String kindLabel();

    /**
     * Checks the data an event needs. Empty when the event may go ahead; otherwise the sentence that says what
     * is missing and what to do.
     */
    public Optional<String> guard(String event, GuardContext context) {
        return Optional.empty();
    }

    /** The kind's editable fields, after the common ones (title, assignee, priority), in form order. */
    public abstract List<CardField> fields();

    /** The common fields every card has. */
    public static List<CardField> commonFields() {
        return COMMON_FIELDS;
    }

    private static final List<CardField> COMMON_FIELDS = List.of(
            new CardField("title", "Title", FieldType.TEXT, true, String.class, Card::getTitle,
                    (c, v) -> c.setTitle((String) v)),
            new CardField("assignee", "Assignee", FieldType.TEXT, false, String.class, Card::getAssignee,
                    (c, v) -> c.setAssignee((String) v)),
            new CardField("priority", "Priority", FieldType.CHOICE, true, Priority.class, Card::getPriority,
                    (c, v) -> c.setPriority((Priority) v)));

    /** Every editable field of this card, the common ones first, in form order. */
    public List<CardField> allFields() {
        List<CardField> all = new ArrayList<>(COMMON_FIELDS);
        all.addAll(fields());
        return List.copyOf(all);
    }

    /** The field with that key (common or of this kind), if there is one. */
    public Optional<CardField> field(String key) {
        for (CardField f : COMMON_FIELDS) {
            if (f.key().equals(key)) {
                return Optional.of(f);
            }
        }
        return fields().stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** What an event does to the card beyond its state (e.g. a permission request's grant); by default nothing. */
    public void afterTransition(String event) {
    }

    /** What a person is asked for when firing {@code event} on this card (a quote, a reason, a note); often nothing. */
    public List<EventInput> inputsFor(String event) {
        return List.of();
    }

    /** Every problem with the card's fields, as sentences a person can act on; empty when it is valid. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        Checks.required(problems, "Title", title);
        Checks.maxLength(problems, "Title", title, TITLE_MAX);
        Checks.maxLength(problems, "Assignee", assignee, 60);
        Checks.required(problems, "Priority", priority);
        validateFields(problems);
        return problems;
    }

    protected abstract void validateFields(List<String> problems);

    /** The card's fields as text, in display order: for the audit trail's edit entries, search and the card's face. */
    public Map<String, String> describe() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", Checks.show(title));
        fields.put("assignee", Checks.show(assignee));
        fields.put("priority", Checks.show(priority));
        describeFields(fields);
        return fields;
    }

    protected abstract void describeFields(Map<String, String> fields);

    /** Puts the card into its workflow's initial state at {@code position}. Only the move service calls this. */
    public void place(String initialState, long position, Instant at) {
        this.state = initialState;
        this.position = position;
        this.stateSince = at;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** Moves the card to {@code newState}. Only the move service calls this, after checking the move. */
    public void enter(String newState, long newPosition, Instant at) {
        this.state = newState;
        this.position = newPosition;
        this.stateSince = at;
        this.updatedAt = at;
    }

    public void touch(Instant at) {
        this.updatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getState() {
        return state;
    }

    public long getPosition() {
        return position;
    }

    public void setPosition(long position) {
        this.position = position;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title == null ? null : title.strip();
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee == null || assignee.isBlank() ? null : assignee.strip();
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public Instant getStateSince() {
        return stateSince;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    /**
     * The elements of a collection value given to a field's setter, each checked to be a {@code type}; null is an
     * empty list. A wrong element is a programming error, reported with the field's key.
     */
    protected static <T> List<T> elements(String key, Object value, Class<T> type) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof java.util.Collection<?> c)) {
            throw new IllegalArgumentException("Field '" + key + "' takes a collection of " + type.getSimpleName()
                    + ", not " + value.getClass().getSimpleName());
        }
        List<T> out = new ArrayList<>(c.size());
        for (Object o : c) {
            if (!type.isInstance(o)) {
                throw new IllegalArgumentException("Field '" + key + "' takes " + type.getSimpleName() + " elements, not "
                        + (o == null ? "null" : o.getClass().getSimpleName()));
            }
            out.add(type.cast(o));
        }
        return out;
    }

    protected static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return kindLabel() + " #" + id + " '" + title + "' in " + state;
    }
}
