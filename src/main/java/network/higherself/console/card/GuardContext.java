package network.higherself.console.card;

import network.higherself.console.staff.Actor;

/** What a guard may know besides the card: who is firing the event. */
public record GuardContext(Actor actor) {
}
