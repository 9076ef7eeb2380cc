package network.higherself.console.agent;

import network.higherself.console.card.CardDates;
import network.higherself.console.card.Card;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The countdown a board shows on a card that waits for a timed event: "payment times out in 2 h", "opens in 3 d",
 * or, once the event is due and has not happened yet, "payment deadline passed". A pure function of the card's
 * workflow, state and dates and the time now.
 */
public final class Countdowns {

    private Countdowns() {
    }

    /**
     * A countdown as a board shows it.
     *
     * @param text   "payment times out in 2 h", or "payment deadline passed"
     * @param passed whether the event is due and has not happened yet
     * @param event  the timed event it counts down to, e.g. "payment_timeout"
     */
    public record Countdown(String text, boolean passed, String event) {
    }

    /** The countdown of a card in {@code state} of {@code workflowId} with these dates, or empty when it waits for no time. */
    public static Optional<String> of(String workflowId, String state, CardDates dates, Instant now, ZoneId zone) {
        return find(TimedEvent.STANDARD, workflowId, state, dates, now, zone).map(Countdown::text);
    }

    /** The same, with whether it has passed. */
    public static Optional<Countdown> find(String workflowId, String state, CardDates dates, Instant now, ZoneId zone) {
        return find(TimedEvent.STANDARD, workflowId, state, dates, now, zone);
    }

    public static Optional<String> of(Card card, Instant now, ZoneId zone) {
        return of(card.workflowId(), card.getState(), CardDates.of(card), now, zone);
    }

    static Optional<String> of(List<TimedEvent> events, String workflowId, String state, CardDates dates, Instant now,
                               ZoneId zone) {
        return find(events, workflowId, state, dates, now, zone).map(Countdown::text);
    }

    static Optional<Countdown> find(List<TimedEvent> events, String workflowId, String state, CardDates dates,
                                    Instant now, ZoneId zone) {
        for (TimedEvent e : events) {
            if (e.workflowId().equals(workflowId) && e.fromState().equals(state)) {
                Optional<Instant> due = e.dueAt(dates, zone);
                if (due.isPresent()) {
                    return Optional.of(due.get().isAfter(now)
                            ? new Countdown(String.format(e.soon(), left(Duration.between(now, due.get()))), false, e.event())
                            : new Countdown(e.overdue(), true, e.event()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Time left, short and never more precise than useful: "under a minute", "25 min" (under an hour), "5 h" (under
     * two days), else "3 d". Whole units, rounded down: "2 h" means at least two hours and less than three.
     */
    public static String left(Duration d) {
        if (d.compareTo(Duration.ofMinutes(1)) < 0) {
            return "under a minute";
        }
        if (d.compareTo(Duration.ofHours(1)) < 0) {
            return d.toMinutes() + " min";
        }
        if (d.compareTo(Duration.ofDays(2)) < 0) {
            return d.toHours() + " h";
        }
        return d.toDays() + " d";
    }
}
