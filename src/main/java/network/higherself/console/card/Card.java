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
import network.higherself.console.staff.Actor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;

import static network.higherself.console.card.FieldOption.required;
import static network.higherself.console.card.FieldOption.searchable;

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

    /** The card's identity on every desktop that shares it through a sync server (its id is this desktop's own). */
    @Column(nullable = false, updatable = false)
    private UUID uid = UUID.randomUUID();

    private static final FieldList<Card> COMMON = new FieldList<>(Card.class);
    public static final CardField<String> TITLE = COMMON.text("title", "Title", c -> c.title, (c, v) -> c.title = v,
            required(), searchable());
    public static final CardField<String> ASSIGNEE = COMMON.text("assignee", "Assignee", c -> c.assignee,
            (c, v) -> c.assignee = v, searchable());
    public static final CardField<Priority> PRIORITY = COMMON.choice("priority", "Priority", Priority.class,
            c -> c.priority, (c, v) -> c.priority = v, required());
    private static final List<CardField<?>> COMMON_FIELDS = COMMON.fields();

    protected Card() {
    }

    /**
     * What kind of card this is: its workflow, fields, face... (called on a lazy proxy, this runs on the loaded
     * card, whose class is the kind's).
     */
    public CardKind kind() {
        return CardKinds.of(getClass());
    }

    /** The id of the workflow whose board this card is on. */
    public String workflowId() {
        return kind().workflowId();
    }

    /** What one card of this kind is called ("booking"). */
    public String kindLabel() {
        return kind().label();
    }

    /**
     * Checks the data an event needs. Empty when the event may go ahead; otherwise the sentence that says what
     * is missing and what to do.
     */
    public Optional<String> guard(String event, GuardContext context) {
        return Optional.empty();
    }

    /** The kind's editable fields, after the common ones (title, assignee, priority), in form order. */
    public List<CardField<?>> fields() {
        return kind().fields();
    }

    /** The common fields every card has. */
    public static List<CardField<?>> commonFields() {
        return COMMON_FIELDS;
    }

    /** Every editable field of this card, the common ones first, in form order. */
    public List<CardField<?>> allFields() {
        return kind().allFields();
    }

    /** The field with that key (common or of this kind), if there is one. */
    public Optional<CardField<?>> field(String key) {
        return kind().field(key);
    }

    /**
     * The value of one of this card's fields. Through this method, not the field's getter directly, so that a lazy
     * proxy of the card hands the call to the loaded card.
     */
    public <V> V valueOf(CardField<V> field) {
        return field.read(this);
    }

    /** Writes one of this card's fields (see {@link #valueOf}); {@link CardField#set} checks and cleans the value first. */
    protected <V> void write(CardField<V> field, V value) {
        field.write(this, value);
    }

    /**
     * Why {@code actor} may not fire {@code event} on this card although their rights allow the event on its board
     * (someone else's permission request); empty when nothing more stands in the way. Checked by the change
     * pipeline with the actor's rights, before anything is written.
     */
    public Optional<String> refuseFire(String event, Actor actor) {
        return Optional.empty();
    }

    /**
     * Why {@code actor} may not make a change that gives {@code changed} new values, the card having been in
     * {@code stateBefore} (null: the change creates it) and belonging to {@code ownerBefore} (see {@link #owner()});
     * empty when the change may go ahead. Checked by the change pipeline after the values are applied (so that
     * the fields a change really alters are known, whatever path it came by) and before anything is written.
     */
    public Optional<String> refuseChange(Actor actor, String stateBefore, String ownerBefore, Set<CardField<?>> changed) {
        return Optional.empty();
    }

    /** The user name of the person the card belongs to (a permission request's requester); null for most cards. */
    public String owner() {
        return null;
    }

    /**
     * Why a move of this card cannot be taken back at all (its events do more than change its column: a permission
     * request's record approvals and grants); empty when a correction may be considered.
     */
    public Optional<String> refuseCorrection() {
        return Optional.empty();
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
        return problems().stream().map(FieldProblem::sentence).toList();
    }

    /**
     * Every problem with the card's fields, each with the field it is about: first what each field's declaration
     * asks (required, format, length, not negative), in form order, then the kind's own rules.
     */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        for (CardField<?> f : allFields()) {
            f.check(this, problems);
        }
        checkKind(problems);
        return problems;
    }

    /** The kind's own rules across fields (dates in order, artworks by the exhibition's artists...). */
    protected void checkKind(List<FieldProblem> problems) {
    }

    /** Makes {@code target} (a list or set the card maps) hold {@code with} instead of what it held. */
    protected static <T> void replaceAll(Collection<T> target, Collection<? extends T> with) {
        target.clear();
        target.addAll(with);
    }

    /** Adds {@code sentence} (when there is one) as a problem about {@code field}. */
    protected static void problem(List<FieldProblem> problems, CardField<?> field, String sentence) {
        if (sentence != null) {
            problems.add(new FieldProblem(field, sentence));
        }
    }

    /** The card's fields as text, in form order: for the audit trail and the agents' messages. */
    public Map<String, String> describe() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (CardField<?> f : allFields()) {
            fields.put(f.key(), f.display(this));
        }
        return fields;
    }

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
        touch(at);
    }

    /**
     * Records that the card changed at {@code at}. The time only moves forward (by a microsecond, the column's
     * precision, when the clock has not), so the card's own row always changes with it: Hibernate adds one to the
     * version of a changed row, and would add none for a change it does not see as the card's, such as an
     * artwork's status. Every change of a card is one version, as the audit trail counts them.
     */
    public void touch(Instant at) {
        Instant next = at.truncatedTo(ChronoUnit.MICROS);
        this.updatedAt = updatedAt == null || next.isAfter(updatedAt) ? next : updatedAt.plus(1, ChronoUnit.MICROS);
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
        TITLE.set(this, title);
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        ASSIGNEE.set(this, assignee);
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

    public UUID getUid() {
        return uid;
    }

    /**
     * Gives a new card the identity another desktop gave it (a card that arrives through sync). Only before the
     * card is stored: an identity never changes.
     */
    public void takeUid(UUID uid) {
        if (id != null) {
            throw new IllegalStateException("card #" + id + " already has its identity");
        }
        this.uid = java.util.Objects.requireNonNull(uid);
    }

    @Override
    public String toString() {
        return kindLabel() + " #" + id + " '" + title + "' in " + state;
    }
}
