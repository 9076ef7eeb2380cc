package network.higherself.console.agent;

import network.higherself.console.card.CardDate;
import network.higherself.console.card.CardDates;
import network.higherself.console.card.PassedDate;
import network.higherself.console.card.AgentMessage;
import network.higherself.console.card.Booking;
import network.higherself.console.card.ContentPiece;
import network.higherself.console.card.Exhibition;
import network.higherself.console.card.PermissionRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event that time decides: a card in {@code fromState} of {@code workflowId} is due for {@code event} once
 * {@code date} plus {@code offset} has come. Dates are read in the console's zone; a day-only date counts from the
 * start of that day. The agent responsible for {@code fromState} fires it, through the enforcement point.
 *
 * @param soon    the countdown, with {@code %s} for the time left, e.g. "payment times out in %s"
 * @param overdue what a card shows once the event is due but has not happened yet, e.g. "payment deadline passed"
 */
public record TimedEvent(String workflowId, String fromState, String event, CardDate date, Period offset,
                         String soon, String overdue) {

    /** How long an active permission runs before its review: 90 days after it (last) became active. */
    public static final Period PERMISSION_REVIEW = Period.ofDays(90);

    /** How long before a booking's service its preparation starts. */
    public static final Period PREPARATION_LEAD = Period.ofDays(2);

    /**
     * The console's timed events (docs/decisions/0002-agents-time-tasks-messages.md). Rules decided here:
     * <ul>
     *   <li>a booking's payment times out at its payment deadline; preparation starts two days before its service;</li>
     *   <li>an exhibition's submission deadline is a whole day: submissions close at the end of it (the start of
     *       the next day); it opens at the start of its opening date and starts closing at the start of its
     *       closing date;</li>
     *   <li>a content piece is published at its publish-at time;</li>
     *   <li>an active permission is audited {@link #PERMISSION_REVIEW} after it became active (its
     *       {@code state_since}: after training, a passed audit or applied changes, whichever was last).</li>
     * </ul>
     */
    public static final List<TimedEvent> STANDARD = List.of(
            new TimedEvent(Booking.WORKFLOW, "payment_pending", "payment_timeout", CardDate.PAYMENT_DEADLINE,
                    Period.ZERO, "payment times out in %s", "payment deadline passed"),
            new TimedEvent(Booking.WORKFLOW, "booking_confirmed", "approaching_service_date", CardDate.SERVICE_AT,
                    PREPARATION_LEAD.negated(), "preparation starts in %s", "preparation is due"),
            new TimedEvent(Exhibition.WORKFLOW, "artwork_submission", "submission_deadline_reached",
                    CardDate.SUBMISSION_DEADLINE, Period.ofDays(1), "submissions close in %s", "submissions have closed"),
            new TimedEvent(Exhibition.WORKFLOW, "setup", "opening_day", CardDate.OPENING_DATE, Period.ZERO,
                    "opens in %s", "opening is due"),
            new TimedEvent(Exhibition.WORKFLOW, "active", "closing_day", CardDate.CLOSING_DATE, Period.ZERO,
                    "closes in %s", "closing is due"),
            new TimedEvent(ContentPiece.WORKFLOW, "scheduling", "publication_time", CardDate.PUBLISH_AT, Period.ZERO,
                    "publishes in %s", "publication is due"),
            new TimedEvent(PermissionRequest.WORKFLOW, "active", "audit_scheduled", CardDate.STATE_SINCE,
                    PERMISSION_REVIEW, "audit due in %s", "audit is due"));

    public TimedEvent {
        Objects.requireNonNull(workflowId);
        Objects.requireNonNull(fromState);
        Objects.requireNonNull(event);
        Objects.requireNonNull(date);
        if (offset.getYears() != 0 || offset.getMonths() != 0) {
            throw new IllegalArgumentException("A timed event's offset is in days: " + offset);
        }
        if (AgentMessage.WORKFLOW.equals(workflowId)) {
            throw new IllegalArgumentException("Agent messages are walked by the message gate, not by time");
        }
    }

    /** When a card with these dates is due for the event, or empty when the date is not set. */
    public Optional<Instant> dueAt(CardDates dates, ZoneId zone) {
        Temporal value = dates.get(date);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof LocalDateTime t) {
            return Optional.of(t.plus(offset).atZone(zone).toInstant());
        }
        if (value instanceof LocalDate d) {
            return Optional.of(d.plus(offset).atStartOfDay(zone).toInstant());
        }
        return Optional.of(((Instant) value).plus(offset));
    }

    /**
     * The latest stored value of the date that can be due at {@code now}: a query keeps the cards at or before it
     * (a little generously across a change of clocks), and {@link #dueAt} decides exactly.
     */
    Object latestDueValue(Instant now, ZoneId zone) {
        Temporal latest = latestDue(now, zone);
        return latest instanceof LocalDateTime t ? t.plusHours(2) : latest;
    }

    /**
     * The latest stored value of the date that is due at {@code now}, by the wall clock of {@code zone}: a day-only
     * date is due from the start of its day, a date and time from that time (within the hour a change of clocks
     * repeats or skips, the wall clock decides).
     */
    public Temporal latestDue(Instant now, ZoneId zone) {
        return switch (date.kind()) {
            case DATE_TIME -> LocalDateTime.ofInstant(now, zone).minus(offset);
            case DATE -> LocalDate.ofInstant(now, zone).minus(offset);
            case INSTANT -> now.minus(offset);
        };
    }

    /**
     * The timed events of {@code workflowId}'s states whose date has come at {@code now}, one per state that waits
     * for time: what "overdue" means for that board. A card is overdue by the event of its current state only (a
     * paid, confirmed booking whose payment deadline passed is not overdue); a state that waits for no time has no
     * overdue cards.
     */
    public static List<PassedDate> passed(String workflowId, Instant now, ZoneId zone) {
        return STANDARD.stream().filter(e -> e.workflowId().equals(workflowId))
                .map(e -> new PassedDate(e.fromState(), e.date(), e.latestDue(now, zone))).toList();
    }

    /** The timed event a card in {@code state} of {@code workflowId} waits for, if any. */
    public static Optional<TimedEvent> of(String workflowId, String state) {
        return STANDARD.stream().filter(e -> e.workflowId().equals(workflowId) && e.fromState().equals(state)).findFirst();
    }

    /** "payment_timeout (WF-WELL-BOOK, from payment_pending)". */
    @Override
    public String toString() {
        return event + " (" + workflowId + ", from " + fromState + ")";
    }
}
