package network.higherself.console.card;

import java.time.temporal.Temporal;
import java.util.Objects;

/**
 * A date that has come for the cards of one state: a card in {@code state} whose {@code date} is set and at or before
 * {@code latest} is due for the timed event that state waits for (a booking in payment pending whose payment deadline
 * has passed). The board's "Overdue" filter and the Today view read cards by it, one per state, so that a card is
 * overdue by the date of its <em>current</em> state only.
 *
 * @param latest the latest stored value that has come: a {@code LocalDateTime}, {@code LocalDate} or {@code Instant},
 *               as {@code date} is stored
 */
public record PassedDate(String state, CardDate date, Temporal latest) {

    public PassedDate {
        Objects.requireNonNull(state);
        Objects.requireNonNull(date);
        Objects.requireNonNull(latest);
    }
}
