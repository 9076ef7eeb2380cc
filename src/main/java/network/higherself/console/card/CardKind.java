package network.higherself.console.card;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a card kind is, declared once in its class: its workflow, what one card is called, how to make one, its
 * fields in form order, the facts its face shows on the board, and the field that says what went wrong with it
 * (shown on the board in red), if it has one. When a card is due is not the kind's: it is the date its current state's
 * timed event waits for ({@code agent/TimedEvent}).
 */
public final class CardKind {

    private final Class<? extends Card> type;
    private final String workflowId;
    private final String label;
    private final Supplier<? extends Card> factory;
    private final List<CardField<?>> fields;
    private final List<CardField<?>> allFields;
    private final Face face;
    private final CardField<String> problem;
    private final CardField<?> party;

    public <C extends Card> CardKind(String workflowId, String label, Supplier<C> factory, FieldList<C> fields, Face face) {
        this(fields.type(), workflowId, label, factory, fields.fields(), face, null, null);
    }

    private CardKind(Class<? extends Card> type, String workflowId, String label, Supplier<? extends Card> factory,
                     List<CardField<?>> fields, Face face, CardField<String> problem, CardField<?> party) {
        this.type = Objects.requireNonNull(type);
        this.workflowId = Objects.requireNonNull(workflowId);
        this.label = Objects.requireNonNull(label);
        this.factory = Objects.requireNonNull(factory);
        this.fields = List.copyOf(fields);
        List<CardField<?>> all = new java.util.ArrayList<>(Card.commonFields());
        all.addAll(fields);
        this.allFields = List.copyOf(all);
        this.face = Objects.requireNonNull(face);
        this.problem = problem;
        if (party != null && (party.isCollection() || !fields.contains(party))) {
            throw new IllegalArgumentException(party.key() + " cannot be a " + label + "'s party: one value of its own fields");
        }
        this.party = party;
    }

    /** The same kind, whose {@code field} says what went wrong with a card (when it is set). */
    public CardKind problemIn(CardField<String> field) {
        return new CardKind(type, workflowId, label, factory, fields, face, field, party);
    }

    /**
     * The same kind, whose {@code field} (one value, of the kind's own) says whom a card is for or by (a booking's
     * client, an exhibition's curator): a board may show its cards in a lane per value, beside assignee and priority.
     */
    public CardKind partyIn(CardField<?> field) {
        return new CardKind(type, workflowId, label, factory, fields, face, problem, field);
    }

    /** The card class of this kind. */
    public Class<? extends Card> type() {
        return type;
    }

    public String workflowId() {
        return workflowId;
    }

    /** What one card of this kind is called ("booking"). */
    public String label() {
        return label;
    }

    /** A new, unsaved card of this kind with the given title. */
    public Card newCard(String title) {
        Card card = factory.get();
        card.setTitle(title);
        return card;
    }

    /** The kind's own fields, after the common ones, in form order. */
    public List<CardField<?>> fields() {
        return fields;
    }

    /** The common fields, then the kind's own, in form order. */
    public List<CardField<?>> allFields() {
        return allFields;
    }

    /** The field with that key (common or of this kind). */
    public Optional<CardField<?>> field(String key) {
        return allFields().stream().filter(f -> f.key().equals(key)).findFirst();
    }

    public Face face() {
        return face;
    }

    /** The field that says whom a card is for or by (see {@link #partyIn}), if the kind has one. */
    public Optional<CardField<?>> party() {
        return Optional.ofNullable(party);
    }

    /** The field that says what went wrong with a card, if the kind has one. */
    public Optional<CardField<String>> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public String toString() {
        return label;
    }
}
