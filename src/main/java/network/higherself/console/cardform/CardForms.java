package network.higherself.console.cardform;

import network.higherself.console.card.CardField;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;

import java.util.List;
import java.util.Map;

/**
 * What the card dialog reads and writes, for the background executor only: a card's form as plain values, a new
 * card's, a card's history, and a save or a creation through the enforcement point. The console's is
 * {@link CardFormStore}; the dialog's view models are tested over others, without a database.
 */
public interface CardForms {

    /** The card's form: its fields' values, their choices and its history. */
    CardForm load(long cardId);

    /** The form of a new card of the workflow's kind: its defaults and the choices of its reference fields. */
    CardForm blank(String workflowId);

    /** Only the card's history (for refreshing the timeline), oldest first. */
    List<HistoryRow> history(long cardId);

    /** Saves the changed fields of a card the person saw at {@code versionSeen}. */
    Outcome save(long cardId, long versionSeen, Actor actor, Map<CardField<?>, Object> changed);

    /** Creates a card with the form's values; the title is the {@code title} field's. */
    Outcome create(String workflowId, Actor actor, Map<CardField<?>, Object> values);

    /** Why {@code actor} could not take back the card's last move now; empty when they could (see CardService#correct). */
    java.util.Optional<String> whyNotCorrect(long cardId, Actor actor);

    /** Takes back the card's last move, which left it at {@code versionSeen}, with {@code reason}. */
    Outcome correct(long cardId, long versionSeen, Actor actor, String reason);
}
