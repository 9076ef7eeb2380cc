package network.higherself.console.move;

/** What became of a move, creation or edit: done, or refused with a sentence a person can act on. */
public sealed interface Outcome {

    boolean isDone();

    String message();

    /** The change is committed: the card is now in {@code state} at {@code version}. */
    record Done(long cardId, String state, long version, String message) implements Outcome {
        @Override
        public boolean isDone() {
            return true;
        }
    }

    /** Nothing was written; {@code message} says why and what to do. */
    record Refused(Refusal reason, String message) implements Outcome {
        @Override
        public boolean isDone() {
            return false;
        }
    }

    enum Refusal {
        /** There is no such card. */
        NOT_FOUND,
        /** The workflow has no such move from the card's state (or several, and the caller did not say which). */
        ILLEGAL_MOVE,
        /** The move is legal but the card lacks data the event needs. */
        GUARD,
        /** The card's fields are not valid. */
        INVALID,
        /** Someone else changed the card first. */
        CONFLICT,
        /** The actor may not do this. */
        NOT_PERMITTED,
        /** A column's hard work-in-progress limit would be exceeded. */
        WIP_LIMIT
    }
}
