package network.higherself.console.move;

import network.higherself.console.staff.Actor;

import java.util.Objects;

/**
 * A request to move a card: by {@code event}, or to {@code targetState} (or both, which must agree).
 * {@code expectedVersion}, when given, is the version the person saw: if the card has changed since, the move
 * is refused as a conflict. {@code change} carries input the event needs (a quote, a reason), applied in the
 * same transaction. The {@link Change.Move} it stands for is made by {@code actor}.
 */
public record MoveRequest(long cardId, String event, String targetState, Actor actor, String note,
                          Long expectedVersion, CardChange change) {

    public MoveRequest {
        Objects.requireNonNull(actor, "actor");
        if (event == null && targetState == null) {
            throw new IllegalArgumentException("A move needs an event or a target state.");
        }
        change = change == null ? CardChange.NONE : change;
    }

    public static MoveRequest byEvent(long cardId, String event, Actor actor) {
        return new MoveRequest(cardId, event, null, actor, null, null, null);
    }

    public static MoveRequest toState(long cardId, String targetState, Actor actor) {
        return new MoveRequest(cardId, null, targetState, actor, null, null, null);
    }

    public MoveRequest withNote(String text) {
        return new MoveRequest(cardId, event, targetState, actor, text, expectedVersion, change);
    }

    public MoveRequest expecting(long version) {
        return new MoveRequest(cardId, event, targetState, actor, note, version, change);
    }

    public MoveRequest with(CardChange input) {
        return new MoveRequest(cardId, event, targetState, actor, note, expectedVersion, input);
    }

    /** The change this request asks for. */
    public Change.Move toChange() {
        return new Change.Move(cardId, event, targetState, expectedVersion, change, note);
    }
}
