package network.higherself.console.ui.board;

/**
 * Something the board tells the person: a move done, or refused and why. {@code undo}, when not null, takes the move
 * back (offered on the confirmation as "Undo").
 */
public record Feedback(Kind kind, String title, String message, Runnable undo) {

    public enum Kind { DONE, REFUSED, FAILED }

    public Feedback(Kind kind, String title, String message) {
        this(kind, title, message, null);
    }
}
