package network.higherself.console.workflow;

/** What became of an attempt to fire an event or reach a state: a transition, or a refusal a person can act on. */
public sealed interface FireResult {

    boolean isFired();

    /** The event is legal: the card goes along {@code transition}. */
    record Fired(Transition transition) implements FireResult {
        @Override
        public boolean isFired() {
            return true;
        }
    }

    /** The event or move is not allowed; {@code message} says why and what is possible instead. */
    record Refused(Reason reason, String message) implements FireResult {
        @Override
        public boolean isFired() {
            return false;
        }
    }

    enum Reason {
        /** The card's state is not a state of this workflow. */
        UNKNOWN_STATE,
        /** The event does not exist in this workflow at all. */
        UNKNOWN_EVENT,
        /** The event exists, but not from the card's state. */
        ILLEGAL_EVENT,
        /** No event leads from the card's state to the target state. */
        NO_TRANSITION,
        /** Several events lead to the target state: the caller must say which. */
        AMBIGUOUS,
        /** The card's state is final: nothing leads out of it. */
        FINAL_STATE
    }
}
