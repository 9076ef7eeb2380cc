package network.higherself.console.ui.board;

/** Something the board tells the person: a move done, or refused and why. */
public record Feedback(Kind kind, String title, String message) {

    public enum Kind { DONE, REFUSED, FAILED }
}
