package network.higherself.console.agent;

import network.higherself.console.staff.Actor;

import java.time.Instant;

/**
 * A card due for a timed event: which, since when, and which agent fires it.
 *
 * @param version the card's version when it was found due: the event is fired only if nobody changed it since
 */
public record DueEvent(long cardId, String workflowId, String title, long version, TimedEvent timed, Instant dueAt,
                       Actor agent) {

    public String event() {
        return timed.event();
    }
}
