package network.higherself.console.move;

import network.higherself.console.card.Card;
import network.higherself.console.card.Refs;

/**
 * A change to a card's fields, applied by the change pipeline inside its transaction (so that related things can
 * be looked up through {@link Refs}) and validated before anything is written. {@link FieldValues} is the one a
 * person's form, an import or another desktop gives; code that builds a card (the demo data) may give its own.
 * Whatever it was, what it changed is recorded as typed values (see {@link CardService}).
 */
@FunctionalInterface
public interface CardChange {

    CardChange NONE = FieldValues.NONE;

    void apply(Card card, Refs refs);
}
