package network.higherself.console.store;

import network.higherself.console.card.Priority;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a board shows of a card in a column, read without loading the card's entity: the common fields, the two
 * or three facts that matter most for its kind, and the date it is due by (if any).
 */
public record CardSummary(long id, String workflowId, String state, long position, String title, String assignee,
                          Priority priority, Instant stateSince, long version, List<String> facts, LocalDateTime due) {

    public CardSummary {
        facts = List.copyOf(facts);
    }

    public CardSummary(long id, String workflowId, String state, long position, String title, String assignee,
                       Priority priority, Instant stateSince, long version) {
        this(id, workflowId, state, position, title, assignee, priority, stateSince, version, List.of(), null);
    }
}
