package network.higherself.console.ui.card;

import network.higherself.console.card.Card;
import network.higherself.console.card.CardField;
import network.higherself.console.card.CardKinds;
import network.higherself.console.cardform.CardForm;
import network.higherself.console.cardform.CardFormStore;
import network.higherself.console.cardform.CardForms;
import network.higherself.console.cardform.HistoryRow;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The card dialog's reads and writes held in memory, for its view models' tests without a database: one card's
 * form, its history, and what each save or creation was given. A save at another version than the card's is
 * refused as the enforcement point refuses it; {@link #failWith} makes the next call fail as a broken database would.
 */
final class MemoryCardForms implements CardForms {

    /** One save or creation as the dialog sent it. */
    record Write(Long cardId, Long versionSeen, Actor actor, Map<CardField<?>, Object> values) {
    }

    final List<Write> writes = new ArrayList<>();
    final List<HistoryRow> history = new ArrayList<>();
    private CardForm card;
    private Supplier<RuntimeException> failure;

    /** A card of {@code workflowId}'s kind as the form shows it, at {@code version}, with {@code values} set. */
    static CardForm form(Long cardId, String workflowId, String state, long version, Map<CardField<?>, Object> values) {
        Card blank = CardKinds.newCard(workflowId, "");
        List<CardField<?>> fields = blank.allFields();
        Map<String, Object> shown = new LinkedHashMap<>();
        for (CardField<?> f : fields) {
            shown.put(f.key(), values.containsKey(f) ? values.get(f) : CardFormStore.toForm(f, f.get(blank)));
        }
        return new CardForm(cardId, workflowId, blank.kindLabel(), state, Instant.parse("2026-11-01T09:00:00Z"), version,
                fields, shown, Map.of(), List.of());
    }

    MemoryCardForms holding(CardForm form) {
        this.card = form;
        return this;
    }

    /** The next call fails with this (a full disk, a lost connection). */
    void failWith(Supplier<RuntimeException> failure) {
        this.failure = failure;
    }

    private void maybeFail() {
        if (failure != null) {
            RuntimeException e = failure.get();
            failure = null;
            throw e;
        }
    }

    @Override
    public CardForm load(long cardId) {
        maybeFail();
        return card;
    }

    @Override
    public CardForm blank(String workflowId) {
        maybeFail();
        return form(null, workflowId, "inquiry", 0, Map.of());
    }

    @Override
    public List<HistoryRow> history(long cardId) {
        maybeFail();
        return List.copyOf(history);
    }

    /** A card in memory has no trail: none of its moves can be taken back. */
    @Override
    public java.util.Optional<String> whyNotCorrect(long cardId, Actor actor) {
        return java.util.Optional.of("This card has no move to take back.");
    }

    @Override
    public Outcome correct(long cardId, long versionSeen, Actor actor, String reason) {
        return new Outcome.Refused(Outcome.Refusal.ILLEGAL_MOVE, "This card has no move to take back.");
    }

    @Override
    public Outcome save(long cardId, long versionSeen, Actor actor, Map<CardField<?>, Object> changed) {
        maybeFail();
        writes.add(new Write(cardId, versionSeen, actor, new LinkedHashMap<>(changed)));
        if (versionSeen != card.version()) {
            return new Outcome.Refused(Outcome.Refusal.CONFLICT, "Someone else changed this booking first. Close it and open it again.");
        }
        return new Outcome.Done(cardId, card.state(), versionSeen + 1, "Saved.");
    }

    @Override
    public Outcome create(String workflowId, Actor actor, Map<CardField<?>, Object> values) {
        maybeFail();
        writes.add(new Write(null, null, actor, new LinkedHashMap<>(values)));
        return new Outcome.Done(41, "inquiry", 0, "Created.");
    }
}
