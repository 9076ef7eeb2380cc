package network.higherself.console.card;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One field of a card, declared once in its kind's class (through a {@link FieldList}): its key, label and type,
 * how to read and write it on a card, its column and limits (taken from the kind's mapping), and whether it is
 * required or searchable. Everything else is derived from the declarations: validation, {@link Card#describe()},
 * the audit's edit entries, a change's typed values, the board's search and the card form's editors.
 *
 * @param <V> the value's type: a String, BigDecimal, LocalDate, LocalDateTime, an enum, an entity (REFERENCE), or
 *            a list of entities (REFERENCES), of {@link ArtworkEntry} (ARTWORKS) or of {@link Milestone} (MILESTONES)
 */
public final class CardField<V> {

    private final String key;
    private final String label;
    private final FieldType type;
    private final Class<?> valueType;
    private final Reference<?> reference;
    private final Function<Card, V> getter;
    private final BiConsumer<Card, V> setter;
    private final boolean required;
    private final boolean searchable;
    private final String column;
    private final int maxLength;
    private final JoinTable joinTable;

    /** A collection's table of links, as the mapping names it: for counting a card's links in SQL. */
    public record JoinTable(String table, String ownerColumn) {
    }

    CardField(String key, String label, FieldType type, Class<?> valueType, Reference<?> reference,
              Function<Card, V> getter, BiConsumer<Card, V> setter, FieldOption[] options, Mapping mapping) {
        this.key = Objects.requireNonNull(key);
        this.label = Objects.requireNonNull(label);
        this.type = Objects.requireNonNull(type);
        this.valueType = Objects.requireNonNull(valueType);
        this.reference = reference;
        this.getter = getter;
        this.setter = setter;
        boolean req = false;
        boolean search = false;
        String col = null;
        for (FieldOption o : options) {
            switch (o.name()) {
                case "required" -> req = true;
                case "searchable" -> search = true;
                default -> col = o.value();
            }
        }
        this.required = req;
        this.searchable = search;
        if (mapping == null) { // a value asked for with a move, kept nowhere on the card (the move's note)
            this.column = null;
            this.maxLength = 0;
            this.joinTable = null;
        } else if (isCollection()) {
            this.column = null;
            this.maxLength = 0;
            this.joinTable = mapping.joinTable(key);
        } else {
            this.column = col != null ? col : type == FieldType.REFERENCE ? key + "_id" : key;
            this.maxLength = mapping.length(this.column, key);
            this.joinTable = null;
        }
    }

    private CardField(CardField<V> f, String label, boolean required) {
        this.key = f.key;
        this.label = label;
        this.type = f.type;
        this.valueType = f.valueType;
        this.reference = f.reference;
        this.getter = f.getter;
        this.setter = f.setter;
        this.required = required;
        this.searchable = f.searchable;
        this.column = f.column;
        this.maxLength = f.maxLength;
        this.joinTable = f.joinTable;
    }

    /**
     * A value a move asks for that is kept on no card (the move's note): edited like a field, never read from or
     * written to a card.
     */
    public static CardField<String> input(String key, String label, FieldType type, boolean required) {
        return new CardField<>(key, label, type, String.class, null, c -> null, (c, v) -> {
        }, required ? new FieldOption[]{FieldOption.required()} : new FieldOption[0], null);
    }

    /** The same field under another label (an event's form asks for it in its own words), required if asked. */
    public CardField<V> relabelled(String newLabel, boolean mustFill) {
        return new CardField<>(this, newLabel, required || mustFill);
    }

    /** The field's name in {@link Card#describe()}, the audit trail, a change's values and the form's ids. */
    public String key() {
        return key;
    }

    /** What a person reads. */
    public String label() {
        return label;
    }

    public FieldType type() {
        return type;
    }

    /** The enum class of a CHOICE, the entity class of a REFERENCE(S), the element class of a list; else the value's class. */
    public Class<?> valueType() {
        return valueType;
    }

    /** How the things a REFERENCE(S) field points at are identified and named. */
    public Optional<Reference<?>> reference() {
        return Optional.ofNullable(reference);
    }

    public boolean required() {
        return required;
    }

    public boolean searchable() {
        return searchable;
    }

    /** The card table's column that holds the value; null for a list (kept in a table of its own). */
    public String column() {
        return column;
    }

    /** The most characters the column holds (text fields), else 0. */
    public int maxLength() {
        return maxLength;
    }

    /** The table of a REFERENCES field's links; null for other fields. */
    public JoinTable joinTable() {
        return joinTable;
    }

    /** Whether the value is a list (REFERENCES, ARTWORKS, MILESTONES). */
    public boolean isCollection() {
        return type == FieldType.REFERENCES || type == FieldType.ARTWORKS || type == FieldType.MILESTONES;
    }

    /** Whether the value is text a person types. */
    public boolean isText() {
        return switch (type) {
            case TEXT, LONG_TEXT, EMAIL, PHONE, URL -> true;
            default -> false;
        };
    }

    // ------------------------------------------------------------------ reading and writing a card

    /** The field's value on {@code card} (an empty list, never null, for a list). */
    public V get(Card card) {
        return card.valueOf(this);
    }

    /**
     * Writes the field on {@code card}: text is stripped and blank text is no value; null clears it (an empty list
     * for a list). A value of the wrong type is a programming error, named with the field's key.
     */
    public void set(Card card, V value) {
        card.write(this, normalized(checked(value)));
    }

    /** Called by {@link Card#valueOf} on the card itself (never on a lazy proxy of it). */
    V read(Card card) {
        return getter.apply(card);
    }

    /** Called by {@link Card#write} on the card itself. */
    void write(Card card, V value) {
        setter.accept(card, value);
    }

    @SuppressWarnings("unchecked")
    private V checked(Object value) {
        if (value == null) {
            return null;
        }
        if (isCollection()) {
            if (!(value instanceof Collection<?> c)) {
                throw new IllegalArgumentException("Field '" + key + "' takes a collection of " + valueType.getSimpleName()
                        + ", not " + value.getClass().getSimpleName());
            }
            for (Object o : c) {
                if (!valueType.isInstance(o)) {
                    throw new IllegalArgumentException("Field '" + key + "' takes " + valueType.getSimpleName()
                            + " elements, not " + (o == null ? "null" : o.getClass().getSimpleName()));
                }
            }
            return (V) value;
        }
        if (!valueType.isInstance(value)) {
            throw new IllegalArgumentException("Field '" + key + "' takes " + valueType.getSimpleName() + ", not "
                    + value.getClass().getSimpleName());
        }
        return (V) value;
    }

    @SuppressWarnings("unchecked")
    private V normalized(V value) {
        if (isCollection()) {
            return (V) (value == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>((Collection<?>) value)));
        }
        if (value instanceof String s && isText()) {
            return s.isBlank() ? null : (V) s.strip();
        }
        return value;
    }

    /** Writes a value of the type {@link #get} returns, given without its type (forms, tests). */
    @SuppressWarnings("unchecked")
    public void setUntyped(Card card, Object value) {
        set(card, (V) checked(value));
    }

    // ------------------------------------------------------------------ text and typed values

    /** The value as the audit trail, {@link Card#describe()} and search show it; empty for no value. */
    public String display(Card card) {
        return display(get(card));
    }

    /** {@code value} as the audit trail shows it: amounts with two decimals, references by name, lists joined. */
    public String display(V value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case REFERENCE -> nameOf(value);
            case REFERENCES -> ((Collection<?>) value).stream().map(this::nameOf).collect(Collectors.joining(", "));
            case ARTWORKS, MILESTONES -> ((Collection<?>) value).stream().map(Object::toString).collect(Collectors.joining("; "));
            default -> Checks.show(value);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String nameOf(Object entity) {
        return entity == null ? "" : ((Reference) reference).name(entity);
    }

    /**
     * The field's value on {@code card} as a change carries it: the value itself, but an id for a reference (ids
     * for REFERENCES) and {@link ArtworkValue}s for artworks. What {@link #setValue} reads back.
     */
    public Object value(Card card) {
        return toValue(get(card));
    }

    /** {@code v} as a change carries it (see {@link #value}). */
    public Object toValue(V v) {
        if (v == null) {
            return null;
        }
        return switch (type) {
            case REFERENCE -> idOf(v);
            case REFERENCES -> ((Collection<?>) v).stream().map(this::idOf).toList();
            case ARTWORKS -> ((Collection<?>) v).stream().map(o -> ArtworkValue.of((ArtworkEntry) o)).toList();
            default -> v;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Long idOf(Object entity) {
        return ((Reference) reference).id(entity);
    }

    /**
     * Sets the field from a value as {@link #value} gives it, looking what it refers to up through {@code refs}
     * (in the caller's transaction).
     */
    public void setValue(Card card, Object value, Refs refs) {
        if (value == null) {
            setUntyped(card, null);
            return;
        }
        switch (type) {
            case REFERENCE -> setUntyped(card, value instanceof NewClient n && valueType == Client.class ? refs.add(n)
                    : refs.get(valueType, (Long) value));
            case REFERENCES -> {
                List<Object> found = new ArrayList<>();
                for (Object id : (Collection<?>) value) {
                    found.add(refs.get(valueType, (Long) id));
                }
                setUntyped(card, found);
            }
            case ARTWORKS -> {
                List<ArtworkEntry> entries = new ArrayList<>();
                for (Object o : (Collection<?>) value) {
                    ArtworkValue a = (ArtworkValue) o;
                    entries.add(new ArtworkEntry(a.id(), a.artistId() == null ? null : refs.get(Artist.class, a.artistId()),
                            a.title(), a.status()));
                }
                setUntyped(card, entries);
            }
            default -> setUntyped(card, value);
        }
    }

    /**
     * Whether two values as {@link #value} gives them are the same: amounts by value, references by id, a set of
     * references whatever its order.
     */
    public boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (type == FieldType.REFERENCES && a instanceof Collection<?> x && b instanceof Collection<?> y) {
            return new java.util.HashSet<>(x).equals(new java.util.HashSet<>(y));
        }
        if (isCollection()) {
            return Objects.equals(a == null ? List.of() : a, b == null ? List.of() : b);
        }
        return Objects.equals(a, b);
    }

    // ------------------------------------------------------------------ checks

    /** Adds what is wrong with the field's value on {@code card} to {@code problems}: required, format, length, sign. */
    void check(Card card, List<FieldProblem> problems) {
        V v = get(card);
        if (required && (v == null || v instanceof Collection<?> c && c.isEmpty())) {
            problems.add(new FieldProblem(this, Checks.requiredProblem(label)));
            return;
        }
        List<String> found = new ArrayList<>(1);
        if (v instanceof String s) {
            found.add(switch (type) {
                case EMAIL -> Checks.emailProblem(label, s);
                case PHONE -> Checks.phoneProblem(label, s);
                case URL -> Checks.urlProblem(label, s);
                default -> null;
            });
            found.add(maxLength > 0 ? Checks.lengthProblem(label, s, maxLength) : null);
            found.add(Checks.controlProblem(label, s, type == FieldType.LONG_TEXT));
        }
        if (v instanceof BigDecimal amount) {
            found.add(Checks.negativeProblem(label, amount));
            found.add(Checks.tooLargeProblem(label, amount));
        }
        for (String sentence : found) {
            if (sentence != null) {
                problems.add(new FieldProblem(this, sentence));
            }
        }
    }

    /** The same field (a {@linkplain #relabelled relabelled} one too): the same key on the same attribute. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CardField<?> f && f.key.equals(key) && f.getter == getter;
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }

    /** Where a kind's fields are stored, as its mapping says: asked once per field when the kind is declared. */
    interface Mapping {
        /** The length of a text column (0 for other columns). @throws IllegalStateException if it is not mapped */
        int length(String column, String key);

        /** The link table of the list field with this key, or null when it is not a table of links. */
        JoinTable joinTable(String key);
    }
}
