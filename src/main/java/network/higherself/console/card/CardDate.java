package network.higherself.console.card;

import java.time.temporal.Temporal;

/** A date on a card that a timed event waits for, with the column it is stored in. */
public enum CardDate {
    /** A booking's payment deadline (date and time, in the console's zone). */
    PAYMENT_DEADLINE(Booking.PAYMENT_DEADLINE, "payment deadline"),
    /** A booking's service date and time. */
    SERVICE_AT(Booking.SERVICE_AT, "service date"),
    /** An exhibition's submission deadline (a day). */
    SUBMISSION_DEADLINE(Exhibition.SUBMISSION_DEADLINE, "submission deadline"),
    /** An exhibition's opening date. */
    OPENING_DATE(Exhibition.OPENING_DATE, "opening date"),
    /** An exhibition's closing date. */
    CLOSING_DATE(Exhibition.CLOSING_DATE, "closing date"),
    /** A content piece's publish-at time. */
    PUBLISH_AT(ContentPiece.PUBLISH_AT, "publish-at time"),
    /** When any card entered its current state (an instant). */
    STATE_SINCE(null, "time it entered its state");

    /** How the date is stored: a local date-time, a day, or an instant. */
    public enum Kind { DATE_TIME, DATE, INSTANT }

    private final CardField<? extends Temporal> field;
    private final String label;

    CardDate(CardField<? extends Temporal> field, String label) {
        this.field = field;
        this.label = label;
    }

    /** The card field that holds the date; null for the state's start, which every card has. */
    public CardField<? extends Temporal> field() {
        return field;
    }

    /** Whether cards of {@code kind} have this date. */
    public boolean of(CardKind kind) {
        return field == null || kind.fields().contains(field);
    }

    /** The column of the {@code card} table. */
    public String column() {
        return field == null ? "state_since" : field.column();
    }

    public Kind kind() {
        return field == null ? Kind.INSTANT : field.type() == FieldType.DATE ? Kind.DATE : Kind.DATE_TIME;
    }

    /** In words, e.g. "payment deadline". */
    public String label() {
        return label;
    }
}
