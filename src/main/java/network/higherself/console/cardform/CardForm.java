package network.higherself.console.cardform;

import network.higherself.console.card.CardField;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the card form shows, copied out of the database into plain values (no entity reaches the JavaFX
 * thread): the card's fields and their values, the choices of its reference fields, and its history.
 *
 * @param cardId    null for a card not yet created
 * @param values    per field key, the form's value: text, amount, date, enum, {@link Choice}, a list of
 *                  {@link Choice}, of {@link ArtworkRow} or of milestones
 * @param choices   per entity class, what a reference field can point at, in the order to show them
 * @param history   the card's audit entries, oldest first
 */
public record CardForm(Long cardId, String workflowId, String kindLabel, String state, Instant stateSince, long version,
                       List<CardField<?>> fields, Map<String, Object> values, Map<Class<?>, List<Choice>> choices,
                       List<HistoryRow> history) {

    public List<Choice> choicesOf(Class<?> type) {
        return choices.getOrDefault(type, List.of());
    }
}
