package network.higherself.console.move;

import network.higherself.console.card.Card;
import network.higherself.console.card.CardField;
import network.higherself.console.card.Refs;
import network.higherself.console.workflow.Labels;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * New values for some of a card's fields, typed, as a change carries them: a field's own value type, but an id
 * for a reference, ids for references and {@link network.higherself.console.card.ArtworkValue}s for artworks (see
 * {@link CardField#value}). What a form saves, what the outbox records and what another desktop replays.
 * Immutable; null clears a field.
 */
public final class FieldValues implements CardChange {

    public static final FieldValues NONE = new FieldValues(Map.of());

    private final Map<CardField<?>, Object> values;

    private FieldValues(Map<CardField<?>, Object> values) {
        this.values = values;
    }

    /** These values and {@code field} set to {@code value} (its type as the field's getter gives it). */
    public <V> FieldValues with(CardField<V> field, V value) {
        return withValue(field, field.toValue(value));
    }

    /** These values and {@code field} set to {@code value} as a change carries it (an id for a reference...). */
    public FieldValues withValue(CardField<?> field, Object value) {
        Map<CardField<?>, Object> next = new LinkedHashMap<>(values);
        next.remove(field);
        next.put(Objects.requireNonNull(field), value);
        return new FieldValues(Collections.unmodifiableMap(next));
    }

    /** The fields given a value, in the order they were given. */
    public Set<CardField<?>> fields() {
        return values.keySet();
    }

    /** The value given to {@code field} (null: cleared, or not given). */
    public Object get(CardField<?> field) {
        return values.get(field);
    }

    public Map<CardField<?>, Object> asMap() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Writes every value on {@code card}, looking what they refer to up through {@code refs}. */
    @Override
    public void apply(Card card, Refs refs) {
        values.forEach((field, value) -> {
            if (!card.allFields().contains(field)) {
                throw CardService.refuse(Outcome.Refusal.INVALID, Labels.withArticle(card.kindLabel()) + " has no "
                        + field.label().toLowerCase(java.util.Locale.ROOT) + ".");
            }
            field.setValue(card, value, refs);
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldValues f && f.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
