package network.higherself.console.move;

import network.higherself.console.audit.AuditRecord;
import network.higherself.console.card.Card;
import network.higherself.console.staff.Actor;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;
import org.hibernate.Session;

import java.time.Instant;

/** A move being made, as a {@link MoveHooks} sees it: inside the move's transaction, before it commits. */
public interface MoveContext {

    Session session();

    Workflow workflow();

    /** The card, already in its new state. */
    Card card();

    Transition transition();

    /** Who made the move. */
    Actor actor();

    /**
     * Whether the move was made on another desktop and arrives through sync: what the hooks made there that is
     * shared (cards they created, messages they delivered) arrives as changes of its own, so only what each desktop
     * makes for itself (a checklist) is made again here.
     */
    boolean replayed();

    /** The move's time, as written in the audit trail. */
    Instant now();

    /** Appends an entry to the audit trail in the move's transaction. */
    void audit(AuditRecord record);

    /**
     * Creates a card in the move's transaction, through the same checks, audit and outbox as
     * {@link CardService#create}. A refusal refuses the whole move.
     */
    Outcome.Done create(String workflowId, String title, Actor actor, CardChange fields);

    /** Refuses the whole move with a sentence a person can act on: nothing is written. Never returns. */
    RuntimeException refuse(Outcome.Refusal reason, String message);

    /**
     * Runs {@code action} once the move has committed (never if it rolls back), on the caller's thread, e.g. to
     * wake the agents. A failure there is logged: the move itself stands.
     */
    void afterCommit(Runnable action);
}
