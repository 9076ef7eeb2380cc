package network.higherself.console.insight;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a card's way through its workflow, as the audit trail records it: the card was created in a state
 * ({@code from} is null), or moved from one state to another.
 *
 * @param cardId the card
 * @param at     when
 * @param from   the state it left, or null when it was created
 * @param to     the state it entered
 */
public record StateChange(long cardId, Instant at, String from, String to) {

    public StateChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(to, "to");
    }

    public static StateChange created(long cardId, Instant at, String state) {
        return new StateChange(cardId, at, null, state);
    }

    public static StateChange moved(long cardId, Instant at, String from, String to) {
        return new StateChange(cardId, at, from, to);
    }

    public boolean creation() {
        return from == null;
    }
}
