package network.higherself.console.card;

/** How a card field is edited and checked. */
public enum FieldType {
    /** One line of text. */
    TEXT,
    /** Several lines of text. */
    LONG_TEXT,
    EMAIL,
    PHONE,
    /** A web address (https://...). */
    URL,
    /** An amount of money ({@link java.math.BigDecimal}, two decimals, not negative). */
    MONEY,
    /** A {@link java.time.LocalDate}. */
    DATE,
    /** A {@link java.time.LocalDateTime}. */
    DATE_TIME,
    /** One value of an enum ({@link CardField#valueType()} names it). */
    CHOICE,
    /** One related entity, chosen from a list ({@link CardField#valueType()} names its class). */
    REFERENCE,
    /** Several related entities, chosen from a list ({@link CardField#valueType()} names their class). */
    REFERENCES,
    /** An exhibition's artworks: each by one of its artists, with a status. */
    ARTWORKS,
    /** A consulting project's milestones: a name and a date each. */
    MILESTONES
}
