package network.higherself.console.move;

import network.higherself.console.card.Card;
import network.higherself.console.card.GuardContext;
import network.higherself.console.staff.Actor;
import network.higherself.console.workflow.Transition;
import org.hibernate.Session;

/**
 * What the enforcement point lets others add to a move, inside the move's own transaction: facts a guard needs
 * that live outside the card (an agent's open tasks), and effects of the move (an agent's checklist, a message to
 * another agent). A hook never decides whether a move is legal or permitted; it can only refuse through
 * {@link MoveContext#refuse}, which rolls the whole move back.
 */
public interface MoveHooks {

    /** No facts beyond the actor, no effects. */
    MoveHooks NONE = new MoveHooks() {
    };

    /** What the guard of {@code transition} may know besides the card, read in the move's transaction. */
    default GuardContext guardContext(Session session, Card card, Transition transition, Actor actor) {
        return new GuardContext(actor);
    }

    /**
     * Runs after the card entered its new state and the move was audited, in the same transaction: whatever it
     * writes commits or rolls back with the move.
     */
    default void afterMove(MoveContext context) {
    }
}
