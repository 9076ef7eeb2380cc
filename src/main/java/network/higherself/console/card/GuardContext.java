package network.higherself.console.card;

import network.higherself.console.staff.Actor;

import java.util.List;

/**
 * What a guard may know besides the card: who is firing the event, and the card's open required tasks (those of
 * an agent's checklist for the state the card is leaving, e.g. a booking's preparation), by title.
 */
public record GuardContext(Actor actor, List<String> openTasks) {

    public GuardContext {
        openTasks = List.copyOf(openTasks);
    }

    public GuardContext(Actor actor) {
        this(actor, List.of());
    }
}
