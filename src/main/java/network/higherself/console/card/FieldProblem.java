package network.higherself.console.card;

/**
 * What is wrong with a card, as a sentence a person can act on, and the field it is about (null when it is about
 * the card as a whole, e.g. "Say what is requested: a role or scopes."). Forms show it by that field.
 */
public record FieldProblem(CardField<?> field, String sentence) {

    /** A problem about the card as a whole. */
    public static FieldProblem general(String sentence) {
        return new FieldProblem(null, sentence);
    }

    /** Whether it is about the field with this key. */
    public boolean isAbout(String key) {
        return field != null && field.key().equals(key);
    }
}
