package network.higherself.console.card;


import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;

/**
 * The dates on a card that timed events wait for; those its kind does not have, or that are not set, are null.
 * Built from a card ({@link #of}) or from a query's columns.
 */
public record CardDates(LocalDateTime paymentDeadline, LocalDateTime serviceAt, LocalDate submissionDeadline,
                        LocalDate openingDate, LocalDate closingDate, LocalDateTime publishAt, Instant stateSince) {

    public static final CardDates NONE = new CardDates(null, null, null, null, null, null, null);

    public static CardDates of(Card card) {
        CardDates d = NONE.withStateSince(card.getStateSince());
        for (CardDate date : CardDate.values()) {
            if (date.field() != null && date.of(card.kind())) {
                d = d.with(date, date.field().get(card));
            }
        }
        return d;
    }

    public CardDates withStateSince(Instant at) {
        return new CardDates(paymentDeadline, serviceAt, submissionDeadline, openingDate, closingDate, publishAt, at);
    }

    /** The value of one date, or null. */
    public Temporal get(CardDate date) {
        return switch (date) {
            case PAYMENT_DEADLINE -> paymentDeadline;
            case SERVICE_AT -> serviceAt;
            case SUBMISSION_DEADLINE -> submissionDeadline;
            case OPENING_DATE -> openingDate;
            case CLOSING_DATE -> closingDate;
            case PUBLISH_AT -> publishAt;
            case STATE_SINCE -> stateSince;
        };
    }

    /** A copy with one date set (the query fills them one column at a time). */
    public CardDates with(CardDate date, Temporal value) {
        return new CardDates(
                date == CardDate.PAYMENT_DEADLINE ? (LocalDateTime) value : paymentDeadline,
                date == CardDate.SERVICE_AT ? (LocalDateTime) value : serviceAt,
                date == CardDate.SUBMISSION_DEADLINE ? (LocalDate) value : submissionDeadline,
                date == CardDate.OPENING_DATE ? (LocalDate) value : openingDate,
                date == CardDate.CLOSING_DATE ? (LocalDate) value : closingDate,
                date == CardDate.PUBLISH_AT ? (LocalDateTime) value : publishAt,
                date == CardDate.STATE_SINCE ? (Instant) value : stateSince);
    }
}
