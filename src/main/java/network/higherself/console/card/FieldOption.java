package network.higherself.console.card;

/**
 * What a field's declaration may add (see {@link FieldList}): that a card may not be saved without it, that the
 * board's search looks in it, or the column it is kept in where that is not named after its key.
 */
public record FieldOption(String name, String value) {

    /** A card may not be saved without it. */
    public static FieldOption required() {
        return new FieldOption("required", null);
    }

    /** The board's search looks in it. */
    public static FieldOption searchable() {
        return new FieldOption("searchable", null);
    }

    /** Its column, where it is not named after the key (nor, for a reference, the key and {@code _id}). */
    public static FieldOption column(String name) {
        return new FieldOption("column", name);
    }
}
