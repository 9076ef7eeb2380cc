package network.higherself.console.card;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One editable field of a card kind: how it is shown and edited, and how to read and write it on a card.
 * Forms, event inputs and imports are built from these, so that every kind is edited the same way.
 *
 * @param key       the field's name in {@link Card#describe()} and the audit trail
 * @param label     what a person reads
 * @param type      how it is edited and checked
 * @param required  whether a card may be saved without it
 * @param valueType the enum class of a CHOICE, the entity class of a REFERENCE(S); otherwise the value's class
 * @param getter    reads the value (a collection for REFERENCES, ARTWORKS, MILESTONES)
 * @param setter    writes the value (null clears it; a collection replaces the whole set)
 */
public record CardField(String key, String label, FieldType type, boolean required, Class<?> valueType,
                        Function<Card, Object> getter, BiConsumer<Card, Object> setter) {

    public Object get(Card card) {
        return getter.apply(card);
    }

    public void set(Card card, Object value) {
        setter.accept(card, value);
    }
}
