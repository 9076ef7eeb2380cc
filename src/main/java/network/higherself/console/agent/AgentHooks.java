package network.higherself.console.agent;

import network.higherself.console.card.AgentMessage;
import network.higherself.console.card.Card;
import network.higherself.console.card.GuardContext;
import network.higherself.console.move.MoveContext;
import network.higherself.console.move.MoveHooks;
import network.higherself.console.staff.Actor;
import network.higherself.console.workflow.Transition;
import org.hibernate.Session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the agents add to every move, inside its transaction: the open tasks a guard needs (a booking may not
 * start its service while its preparation checklist is open), the checklist Ruvo makes when a booking enters
 * preparation, the agent messages a move sends (the registry's hand-offs), and the delivery of an approved message.
 */
public final class AgentHooks implements MoveHooks {

    private final TaskService tasks;
    private final MessageRules messages;
    private volatile Runnable onMessage = () -> {
    };

    public AgentHooks(TaskService tasks, MessageRules messages) {
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
    }

    /** Called after a move that sent agent messages has committed (the scheduler wakes the gate). */
    void onMessage(Runnable action) {
        this.onMessage = Objects.requireNonNull(action);
    }

    @Override
    public GuardContext guardContext(Session session, Card card, Transition transition, Actor actor) {
        if (tasks.blocking(card.workflowId(), transition.from(), transition.event()).isEmpty()) {
            return new GuardContext(actor);
        }
        return new GuardContext(actor, tasks.openRequired(session, card.getId()));
    }

    @Override
    public void afterMove(MoveContext context) {
        Card card = context.card();
        Transition t = context.transition();
        Optional<Checklist> checklist = tasks.madeOnEntering(card.workflowId(), t.to());
        checklist.ifPresent(c -> tasks.make(context, c));
        if (context.replayed()) {
            return; // the messages and deliveries the move caused on its own desktop arrive as changes of their own
        }
        List<String> open = checklist.isPresent() ? tasks.openRequired(context.session(), card.getId()) : List.of();
        if (messages.request(context, open) > 0) {
            Runnable wake = onMessage;
            context.afterCommit(wake);
        }
        if (card instanceof AgentMessage && t.event().equals(MessageGate.DELIVERED)) {
            messages.deliver(context);
        }
    }
}
