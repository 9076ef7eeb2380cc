package network.higherself.console.card;

/** A date on a card that a timed event waits for, with the column it is stored in. */
public enum CardDate {
    /** A booking's payment deadline (date and time, in the console's zone). */
    PAYMENT_DEADLINE("payment_deadline", Kind.DATE_TIME, "payment deadline"),
    /** A booking's service date and time. */
    SERVICE_AT("service_at", Kind.DATE_TIME, "service date"),
    /** An exhibition's submission deadline (a day). */
    SUBMISSION_DEADLINE("submission_deadline", Kind.DATE, "submission deadline"),
    /** An exhibition's opening date. */
    OPENING_DATE("opening_date", Kind.DATE, "opening date"),
    /** An exhibition's closing date. */
    CLOSING_DATE("closing_date", Kind.DATE, "closing date"),
    /** A content piece's publish-at time. */
    PUBLISH_AT("publish_at", Kind.DATE_TIME, "publish-at time"),
    /** When any card entered its current state (an instant). */
    STATE_SINCE("state_since", Kind.INSTANT, "time it entered its state");

    /** How the date is stored: a local date-time, a day, or an instant. */
    public enum Kind { DATE_TIME, DATE, INSTANT }

    private final String column;
    private final Kind kind;
    private final String label;

    CardDate(String column, Kind kind, String label) {
        this.column = column;
        this.kind = kind;
        this.label = label;
    }

    /** The column of the {@code card} table. */
    public String column() {
        return column;
    }

    public Kind kind() {
        return kind;
    }

    /** In words, e.g. "payment deadline". */
    public String label() {
        return label;
    }
}
