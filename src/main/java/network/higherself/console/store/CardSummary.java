package network.higherself.console.store;

import network.higherself.console.card.CardDates;
import network.higherself.console.card.Priority;

import java.time.Instant;
import java.util.List;

/**
 * What a board shows of a card in a column, read without loading the card's entity: the common fields, the two
 * or three facts that matter most for its kind, the dates its timed events wait
 * for (its countdown is worked out from them) and how far its checklist has got.
 *
 * @param tasks         how many tasks its checklist has (0: none)
 * @param openRequired  how many of them are required and not done yet
 * @param problem       what went wrong with it, in words (why an agent message was denied or failed), or null
 */
public record CardSummary(long id, String workflowId, String state, long position, String title, String assignee,
                          Priority priority, Instant stateSince, long version, List<String> facts,
                          CardDates dates, int tasks, int tasksDone, int openRequired, String problem) {

    public CardSummary {
        facts = List.copyOf(facts);
        dates = dates == null ? CardDates.NONE.withStateSince(stateSince) : dates;
    }

    public CardSummary(long id, String workflowId, String state, long position, String title, String assignee,
                       Priority priority, Instant stateSince, long version) {
        this(id, workflowId, state, position, title, assignee, priority, stateSince, version, List.of(),
                null, 0, 0, 0, null);
    }

    /** Whether the card has a checklist. */
    public boolean hasChecklist() {
        return tasks > 0;
    }
}
