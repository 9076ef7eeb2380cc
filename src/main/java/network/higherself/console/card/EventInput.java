package network.higherself.console.card;

/**
 * Something a person is asked for when firing an event: a card field (by its {@link CardField#key()}), or the
 * move's note ({@link #NOTE}).
 */
public record EventInput(String fieldKey, String label, boolean required) {

    /** The key that means "the note of the move", kept in the audit trail. */
    public static final String NOTE = "note";

    public boolean isNote() {
        return NOTE.equals(fieldKey);
    }

    public static EventInput note(String label) {
        return new EventInput(NOTE, label, true);
    }

    public static EventInput field(CardField<?> field, String label) {
        return new EventInput(field.key(), label, true);
    }
}
