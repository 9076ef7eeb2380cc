package network.higherself.console.store;

import network.higherself.console.card.Priority;

import java.time.Instant;

/** What a board shows of a card in a column, read without loading the card's entity. */
public record CardSummary(long id, String workflowId, String state, long position, String title, String assignee,
                          Priority priority, Instant stateSince, long version) {
}
