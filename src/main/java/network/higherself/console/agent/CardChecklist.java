package network.higherself.console.agent;

import java.util.List;

/**
 * A card's checklist as one person sees it, in plain values: the state it was made for, who made it, whether it
 * can still be ticked (the card is still in that state), why this person may not tick it (or null when they may),
 * and its tasks in order.
 *
 * @param state     the state the checklist belongs to ("preparation")
 * @param cardState the state the card is in now
 * @param madeBy    the audit name of the agent that made it ("agent:Ruvo")
 * @param forbidden why the person may not tick its tasks (they may not edit the card), or null
 */
public record CardChecklist(long cardId, String state, String cardState, String madeBy, String forbidden,
                            List<TaskItem> tasks) {

    public CardChecklist {
        tasks = List.copyOf(tasks);
    }

    /** Whether the card is still in the checklist's state, so that its tasks can be ticked. */
    public boolean open() {
        return state.equals(cardState);
    }

    /** Whether this person can tick its tasks now. */
    public boolean tickable() {
        return open() && forbidden == null;
    }

    public long doneCount() {
        return tasks.stream().filter(TaskItem::done).count();
    }
}
