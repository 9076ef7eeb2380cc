package network.higherself.console.move;

import network.higherself.console.card.Card;

/**
 * A change to a card's fields, applied by the move service inside its transaction (so that related things can
 * be looked up through {@link Refs}) and validated before anything is written.
 */
@FunctionalInterface
public interface CardChange {

    CardChange NONE = (card, refs) -> {
    };

    void apply(Card card, Refs refs);

    /** Looks up the things cards refer to (clients, artists, channels...) in the same transaction. */
    interface Refs {
        /** The entity of that type and id, or a refusal naming what was not found. */
        <T> T get(Class<T> type, long id);

        /** The entity of that type whose {@code name} is {@code name}, or a refusal naming what was not found. */
        <T> T named(Class<T> type, String name);
    }
}
