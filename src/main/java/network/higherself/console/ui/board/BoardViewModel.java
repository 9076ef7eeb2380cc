package network.higherself.console.ui.board;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import network.higherself.console.agent.Checklist;
import network.higherself.console.agent.Countdowns;
import network.higherself.console.agent.TimedEvent;
import network.higherself.console.card.Card;
import network.higherself.console.card.CardField;
import network.higherself.console.card.CardKinds;
import network.higherself.console.card.EventInput;
import network.higherself.console.move.CardChange;
import network.higherself.console.move.CardService;
import network.higherself.console.move.ColumnLimits;
import network.higherself.console.move.MoveCheck;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Rights;
import network.higherself.console.staff.WorkflowRights;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.CardSummary;
import network.higherself.console.store.ColumnFilter;
import network.higherself.console.store.ColumnLimit;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.AgentResponsibility;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A board's state and commands: its columns, the search and quick filters, which columns light up while a card
 * is dragged, and moves that run through the card service on the background executor.
 */
public final class BoardViewModel {

    private final Workflow workflow;
    private final BoardStore store;
    private final BackgroundExecutor executor;
    private final Supplier<Actor> actor;
    private final Supplier<Rights> rights;
    private final Clock clock;
    private final Card prototype;
    private final List<ColumnViewModel> columns = new ArrayList<>();

    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty mine = new SimpleBooleanProperty();
    private final BooleanProperty overdue = new SimpleBooleanProperty();
    private final BooleanProperty highPriority = new SimpleBooleanProperty();
    private final ObservableSet<Long> pending = FXCollections.observableSet();
    private final ObjectProperty<Feedback> feedback = new SimpleObjectProperty<>();
    private final ObjectProperty<CardSummary> dragged = new SimpleObjectProperty<>();
    private final ObservableMap<Long, String> agentNotes;
    private ObservableMap<Long, String> syncNotes = javafx.collections.FXCollections.observableHashMap();
    private final LongProperty clockTick = new SimpleLongProperty();
    private final IntegerProperty selectedCount = new SimpleIntegerProperty();
    private boolean refreshAfterDrag;
    private final List<MoveCheck> checks = new ArrayList<>();
    /** The person's last move on this board, while it may still be taken back from here (Ctrl+Z); null: none. */
    private final ObjectProperty<MovedCard> lastMove = new SimpleObjectProperty<>();

    /** A card the person moved: its id, title, and the version the move left it at. */
    public record MovedCard(long id, String title, long version) {
    }

    /** What an Undo right after a move records as its reason. */
    public static final String UNDO_REASON = "Undone right after the move (a wrong drop)";
    private final BoardLayout layout = new BoardLayout();
    private final ObjectProperty<ColumnViewModel> searchHit = new SimpleObjectProperty<>();

    public BoardViewModel(Workflow workflow, CardService cards, ColumnLimits limits, CardQueries queries,
                          BackgroundExecutor executor, Supplier<Actor> actor, Clock clock) {
        this(workflow, cards, limits, queries, executor, actor, () -> null, clock);
    }

    public BoardViewModel(Workflow workflow, CardService cards, ColumnLimits limits, CardQueries queries,
                          BackgroundExecutor executor, Supplier<Actor> actor, Supplier<Rights> rights, Clock clock) {
        this(workflow, cards, limits, queries, executor, actor, rights, clock, FXCollections.observableHashMap());
    }

    /**
     * @param rights the acting person's rights as last read ({@code null}: not read yet, every legal column lights;
     *               the service decides in any case)
     * @param agentNotes what the agents could not do to a card, by its id (a timed event refused and held), shown
     *                   on the card
     */
    public BoardViewModel(Workflow workflow, CardService cards, ColumnLimits limits, CardQueries queries,
                          BackgroundExecutor executor, Supplier<Actor> actor, Supplier<Rights> rights, Clock clock,
                          ObservableMap<Long, String> agentNotes) {
        this(workflow, BoardStore.of(cards, limits, queries), executor, actor, rights, clock, agentNotes);
    }

    /** Over any {@link BoardStore}: reads and changes happen only when a column is shown or the person acts. */
    public BoardViewModel(Workflow workflow, BoardStore store, BackgroundExecutor executor, Supplier<Actor> actor,
                          Supplier<Rights> rights, Clock clock, ObservableMap<Long, String> agentNotes) {
        this.rights = rights;
        this.agentNotes = agentNotes;
        this.workflow = workflow;
        this.store = store;
        this.executor = executor;
        this.actor = actor;
        this.clock = clock;
        this.prototype = CardKinds.newCard(workflow.id(), "");
        for (State s : workflow.states()) {
            String agent = workflow.agentFor(s.id()).map(AgentResponsibility::displayName).orElse("");
            columns.add(new ColumnViewModel(s, agent, workflow.isFinal(s.id()), (offset, limit, size, onLoaded) -> {
                ColumnFilter f = filter(); // read on the JavaFX thread, where the search and filter properties live
                executor.run(() -> store.page(workflow.id(), s.id(), f, offset, limit, size), onLoaded,
                        e -> fail("Cards could not be read", e));
            }));
        }
        search.addListener((o, a, b) -> refresh(this::showSearchHit));
        mine.addListener((o, a, b) -> refresh());
        overdue.addListener((o, a, b) -> refresh());
        highPriority.addListener((o, a, b) -> refresh());
    }

    public Workflow workflow() {
        return workflow;
    }

    /** How the board is laid out for the person (zoom, density, fit, collapsed columns). */
    public BoardLayout layout() {
        return layout;
    }

    /**
     * The first column (in the workflow's order) that holds a card matching the search, once the board was read for
     * it; null while nothing is searched or nothing matches. The view scrolls it into sight.
     */
    public ObjectProperty<ColumnViewModel> searchHitProperty() {
        return searchHit;
    }

    private void showSearchHit() {
        searchHit.set(null); // the same column again is scrolled to again: the person may have scrolled away
        searchHit.set(search.get().isBlank() ? null
                : columns.stream().filter(c -> c.countProperty().get() > 0).findFirst().orElse(null));
    }

    public List<ColumnViewModel> columns() {
        return columns;
    }

    public Optional<ColumnViewModel> column(String state) {
        return columns.stream().filter(c -> c.stateId().equals(state)).findFirst();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty mineProperty() {
        return mine;
    }

    public BooleanProperty overdueProperty() {
        return overdue;
    }

    public BooleanProperty highPriorityProperty() {
        return highPriority;
    }

    /** Cards whose move is on its way to the database. */
    public ObservableSet<Long> pending() {
        return pending;
    }

    /** The last thing the board told the person. */
    public ObjectProperty<Feedback> feedbackProperty() {
        return feedback;
    }

    /** The filter the columns show, from the search text and the quick filters. */
    public ColumnFilter filter() {
        ColumnFilter f = ColumnFilter.ALL.withText(search.get());
        if (mine.get()) {
            f = f.withAssignee(actor.get().name());
        }
        if (overdue.get()) {
            // by the date its current state waits for, as its countdown says ("payment deadline passed")
            f = f.withOverdue(TimedEvent.passed(workflow.id(), clock.instant(), clock.getZone()));
        }
        return f.withHighPriority(highPriority.get());
    }

    /** Reads every column again (counts, limits, first pages); {@code ready} runs when all have their first page. */
    public void refresh(Runnable ready) {
        ColumnFilter f = filter();
        executor.run(() -> {
            Map<String, ColumnLimit> limits = store.limits(workflow.id());
            List<Long> counts = new ArrayList<>();
            for (ColumnViewModel c : columns) {
                counts.add(store.count(workflow.id(), c.stateId(), f));
            }
            return Map.entry(limits, counts);
        }, result -> {
            int[] waiting = {columns.size()};
            for (int i = 0; i < columns.size(); i++) {
                ColumnViewModel c = columns.get(i);
                c.limitProperty().set(result.getKey().get(c.stateId()));
                c.countProperty().set(result.getValue().get(i));
                c.cards().reset((int) Math.min(Integer.MAX_VALUE, result.getValue().get(i)));
                c.cards().prefetchFirstPage(() -> {
                    if (--waiting[0] == 0) {
                        ready.run();
                    }
                });
            }
        }, e -> fail("The board could not be read", e));
    }

    public void refresh() {
        refresh(() -> {
        });
    }

    /**
     * Shows {@code card} on the board: the search and quick filters are cleared (so it is not filtered out), the board
     * is read again, and {@code then} gets the card's column and its place in it once that page is fetched (to scroll
     * to it and select it). A card no longer in its column is looked for no further: {@code then} is not called.
     */
    public void reveal(CardSummary card, java.util.function.BiConsumer<ColumnViewModel, Integer> then) {
        search.set("");
        mine.set(false);
        overdue.set(false);
        highPriority.set(false);
        executor.run(() -> store.indexInColumn(card), index -> refresh(() -> column(card.state()).ifPresent(c -> {
            if (index < c.cards().size()) {
                c.cards().whenLoaded(index.intValue(), () -> then.accept(c, index.intValue()));
            }
        })), e -> fail("The card could not be found on its board", e));
    }

    /**
     * A card is being dragged: light the columns it may go to, dim the rest — at once from the workflow and the
     * person's rights as last read, then as the change pipeline answers ({@link BoardStore#check}): a column whose
     * every event the person may fire would be refused now by its guard (or the column's hard limit) shows locked,
     * with the reason.
     */
    public void dragStarted(CardSummary card) {
        dragged.set(card);
        checks.clear();
        Set<String> lit = DropDecision.litColumns(workflow, card.state());
        Rights mine = rights.get();
        if (mine != null) {
            // only where the person may fire an event that leads there: the service would refuse the rest
            WorkflowRights here = mine.on(workflow.id());
            lit.removeIf(to -> workflow.transitionsBetween(card.state(), to).stream().noneMatch(t -> here.mayFire(t.event())));
        }
        for (ColumnViewModel c : columns) {
            c.dropLookProperty().set(c.stateId().equals(card.state()) ? ColumnViewModel.DropLook.HOME
                    : lit.contains(c.stateId()) ? ColumnViewModel.DropLook.LIT : ColumnViewModel.DropLook.DIMMED);
        }
        moves(card, answer -> {
            if (dragged.get() == card) {
                checks.addAll(answer);
                showChecks(card);
            }
        });
    }

    /** Each column's look from the pipeline's answer for the dragged card. */
    private void showChecks(CardSummary card) {
        for (ColumnViewModel c : columns) {
            if (c.stateId().equals(card.state())) {
                continue;
            }
            List<MoveCheck> to = checks.stream().filter(m -> m.transition().to().equals(c.stateId())).toList();
            List<String> reasons = to.stream().filter(m -> m.verdict() == MoveCheck.Verdict.LOCKED).map(MoveCheck::reason)
                    .distinct().toList();
            boolean open = to.stream().anyMatch(MoveCheck::isOpen);
            c.lockReasonProperty().set(open || reasons.isEmpty() ? null : String.join("\n", reasons));
            c.dropLookProperty().set(open ? ColumnViewModel.DropLook.LIT
                    : reasons.isEmpty() ? ColumnViewModel.DropLook.DIMMED : ColumnViewModel.DropLook.LOCKED);
        }
    }

    /**
     * What the pipeline says of each event out of the card's column for the person, in the background: the events
     * they may fire, open or locked (with the reason); those they may not are left out. For the "Move via…" menu
     * and the drop.
     */
    public void moves(CardSummary card, Consumer<List<MoveCheck>> then) {
        Actor who = actor.get();
        executor.run(() -> store.check(card.id(), who), answer -> then.accept(answer.stream()
                        .filter(m -> m.verdict() != MoveCheck.Verdict.FORBIDDEN).toList()),
                e -> fail("The moves could not be checked", e));
    }

    /** The pipeline's answer for the card last dragged (empty until it comes): what its drop may offer. */
    public List<MoveCheck> checks() {
        return List.copyOf(checks);
    }

    /** Counts the clock's ticks: cards work out their countdown and time in the column again at each. */
    public ReadOnlyLongProperty clockTickProperty() {
        return clockTick;
    }

    /** The clock moved on (twice a minute): the cards on show repaint their times, without reading anything. */
    public void tickClock() {
        clockTick.set(clockTick.get() + 1);
    }

    /**
     * Reads the board again now, or, while a card is being dragged, as soon as the drag ends (however it ends),
     * so as never to pull a card from under the pointer nor to lose what changed meanwhile.
     */
    public void refreshWhenIdle() {
        if (isDragging()) {
            refreshAfterDrag = true;
        } else {
            refresh();
        }
    }

    /** Whether a card of this board is being dragged. */
    public boolean isDragging() {
        return dragged.get() != null;
    }

    public void dragEnded() {
        dragged.set(null);
        columns.forEach(c -> {
            c.dropLookProperty().set(ColumnViewModel.DropLook.NONE);
            c.lockReasonProperty().set(null);
        });
        if (refreshAfterDrag) {
            refreshAfterDrag = false;
            refresh();
        }
    }

    public DropDecision decide(CardSummary card, String targetState) {
        return DropDecision.decide(workflow, card.state(), targetState);
    }

    /** What the person is asked for before {@code t} fires (a quote, a reason, a note), with each field's description. */
    public List<EventInput> inputsFor(Transition t) {
        return prototype.inputsFor(t.event());
    }

    /**
     * What {@code card} holds now of the fields {@code inputs} ask for (a booking's quote), read in the background,
     * for the move's form to start from; {@code then} gets them (empty when the card holds none, or cannot be read).
     */
    public void inputValues(CardSummary card, List<EventInput> inputs, Consumer<Map<String, Object>> then) {
        List<String> keys = inputs.stream().filter(i -> !i.isNote()).map(EventInput::fieldKey).toList();
        if (keys.isEmpty()) {
            then.accept(Map.of());
            return;
        }
        executor.run(() -> store.values(card.id(), keys), then, e -> then.accept(Map.of()));
    }

    public Optional<CardField<?>> field(String key) {
        return prototype.field(key);
    }

    /**
     * Fires {@code t} on {@code card} with the person's input, in the background. The card shows as pending until
     * the move commits; a refusal leaves it where it was and says why.
     */
    public void fire(CardSummary card, Transition t, CardChange input, String note, Consumer<Outcome> done) {
        fire(List.of(card), t, input, note, outcomes -> done.accept(outcomes.get(0)));
    }

    /**
     * Fires {@code t} on each of {@code cards} (several selected in one column), one move after the other, each
     * checked on its own by the card service: those it refuses stay where they were and the feedback names them and
     * says why; those it moves stay moved. {@code done} gets the outcomes, in the cards' order, once the board is read
     * again.
     */
    public void fire(List<CardSummary> cards, Transition t, CardChange input, String note, Consumer<List<Outcome>> done) {
        fire(cards, t, input, note, false, done);
    }

    /**
     * Fires {@code t} on {@code card} with what the person typed in the move's form, which is still open: a refusal
     * is said there ({@code done} gets it), not on the board; a move made is said on the board as any other.
     */
    public void fireFromForm(CardSummary card, Transition t, CardChange input, String note, Consumer<Outcome> done) {
        fire(List.of(card), t, input, note, true, outcomes -> done.accept(outcomes.get(0)));
    }

    private void fire(List<CardSummary> cards, Transition t, CardChange input, String note, boolean refusalInForm,
                      Consumer<List<Outcome>> done) {
        Actor who = actor.get();
        cards.forEach(c -> pending.add(c.id()));
        executor.run(() -> {
            List<Outcome> outcomes = new ArrayList<>();
            for (CardSummary card : cards) {
                outcomes.add(store.move(MoveRequest.byEvent(card.id(), t.event(), who)
                        .expecting(card.version()).withNote(note).with(input)));
            }
            return outcomes;
        }, outcomes -> {
            cards.forEach(c -> pending.remove(c.id()));
            Outcome first = outcomes.get(0);
            lastMove.set(cards.size() == 1 && first instanceof Outcome.Done d
                    ? new MovedCard(d.cardId(), cards.get(0).title(), d.version()) : null);
            if (!refusalInForm || first.isDone()) {
                feedback.set(movedFeedback(cards, t, outcomes));
            }
            refresh(() -> done.accept(outcomes));
        }, e -> {
            cards.forEach(c -> pending.remove(c.id()));
            fail("The move could not be saved", e);
            refresh(); // the cards moved before the failure stay moved: show them where they are
        });
    }

    /**
     * A card was made on this board (from its dialog): the columns are read again, and the feedback says so, which
     * is what tells the window to count every board's cards again (the sidebar, the status bar).
     */
    public void cardCreated() {
        refresh();
        feedback.set(new Feedback(Feedback.Kind.DONE, "Created", "The new " + workflow.cardNoun() + " is in "
                + workflow.initialState().label() + "."));
    }

    /** The person's last move on this board that Ctrl+Z would take back; null when there is none. */
    public ObjectProperty<MovedCard> lastMoveProperty() {
        return lastMove;
    }

    /** Takes back the person's last move on this board (Ctrl+Z); says so when there is none. */
    public void undoLast() {
        MovedCard moved = lastMove.get();
        if (moved == null) {
            feedback.set(new Feedback(Feedback.Kind.REFUSED, "Nothing to undo",
                    "You have not moved a card on this board since it was opened, or your last move was taken back."));
            return;
        }
        correct(moved, UNDO_REASON);
    }

    /**
     * Takes back the last move of {@code card} (at the version that move left it), with {@code reason}, through the
     * card service in the background: done, the card is back where it was; refused, the feedback says why.
     */
    public void correct(MovedCard card, String reason) {
        Actor who = actor.get();
        pending.add(card.id());
        executor.run(() -> store.correct(card.id(), card.version(), who, reason), outcome -> {
            pending.remove(card.id());
            if (outcome.isDone()) {
                if (lastMove.get() != null && lastMove.get().id() == card.id()) {
                    lastMove.set(null);
                }
                feedback.set(new Feedback(Feedback.Kind.DONE, "Move taken back", outcome.message()));
            } else {
                feedback.set(new Feedback(Feedback.Kind.REFUSED, "Not taken back", outcome.message()));
            }
            refresh();
        }, e -> {
            pending.remove(card.id());
            fail("The move could not be taken back", e);
        });
    }

    /** What the person is told after moving {@code cards}: for several, how many went, and each refused card and why. */
    private Feedback movedFeedback(List<CardSummary> cards, Transition t, List<Outcome> outcomes) {
        if (cards.size() == 1) {
            Outcome outcome = outcomes.get(0);
            MovedCard moved = lastMove.get();
            return outcome.isDone() ? new Feedback(Feedback.Kind.DONE, "Moved", outcome.message(),
                    () -> correct(moved, UNDO_REASON))
                    : new Feedback(Feedback.Kind.REFUSED, "Not moved", outcome.message());
        }
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            if (!outcomes.get(i).isDone()) {
                refused.add("'" + cards.get(i).title() + "' was not moved: " + outcomes.get(i).message());
            }
        }
        String to = workflow.stateLabel(t.to());
        int moved = cards.size() - refused.size();
        if (refused.isEmpty()) {
            return new Feedback(Feedback.Kind.DONE, "Moved", cards.size() + " cards moved to " + to + ".");
        }
        String title = moved == 0 ? "None of the " + cards.size() + " cards moved"
                : moved + " of " + cards.size() + " cards moved to " + to;
        return new Feedback(Feedback.Kind.REFUSED, title, String.join("\n", refused));
    }

    /**
     * Finds the card {@code id} where it is now (after a move, or once its dialog closed) and hands its column and
     * place to {@code then}: at once when it is among the cards on show, else once its page is fetched. A card gone,
     * or filtered out of its column, is looked for no further.
     */
    public void locate(long id, java.util.function.BiConsumer<ColumnViewModel, Integer> then) {
        for (ColumnViewModel c : columns) {
            int index = c.cards().indexOfLoaded(id);
            if (index >= 0) {
                then.accept(c, index);
                return;
            }
        }
        executor.run(() -> store.card(id).map(card -> Map.entry(card.state(), store.indexInColumn(card))),
                found -> found.flatMap(at -> column(at.getKey()).map(c -> Map.entry(c, at.getValue().intValue())))
                        .filter(at -> at.getValue() < at.getKey().cards().size())
                        .ifPresent(at -> at.getKey().cards().whenLoaded(at.getValue(), () -> {
                            int index = at.getKey().cards().indexOfLoaded(id);
                            if (index >= 0) {
                                then.accept(at.getKey(), index);
                            }
                        })),
                e -> fail("The card could not be found on its board", e));
    }

    /**
     * What the pipeline says of each event out of the column of {@code cards} (several selected in one column) for
     * the person: an event is open when it would go for at least one of them, locked (with each card's reason) when
     * its guard would refuse every one; those the person may not fire are left out.
     */
    public void movesOfAll(List<CardSummary> cards, Consumer<List<MoveCheck>> then) {
        if (cards.size() == 1) {
            moves(cards.get(0), then);
            return;
        }
        Actor who = actor.get();
        executor.run(() -> {
            Map<Transition, List<MoveCheck>> byEvent = new java.util.LinkedHashMap<>();
            Map<Transition, List<String>> reasons = new java.util.LinkedHashMap<>();
            for (CardSummary card : cards) {
                for (MoveCheck m : store.check(card.id(), who)) {
                    byEvent.computeIfAbsent(m.transition(), k -> new ArrayList<>()).add(m);
                    if (m.verdict() == MoveCheck.Verdict.LOCKED) {
                        reasons.computeIfAbsent(m.transition(), k -> new ArrayList<>()).add("'" + card.title() + "': " + m.reason());
                    }
                }
            }
            List<MoveCheck> merged = new ArrayList<>();
            byEvent.forEach((t, checks) -> {
                if (checks.stream().anyMatch(MoveCheck::isOpen)) {
                    merged.add(new MoveCheck(t, MoveCheck.Verdict.OPEN, null));
                } else if (checks.stream().allMatch(m -> m.verdict() == MoveCheck.Verdict.LOCKED)) {
                    merged.add(new MoveCheck(t, MoveCheck.Verdict.LOCKED, String.join("\n", reasons.get(t))));
                }
            });
            return merged;
        }, then, e -> fail("The moves could not be checked", e));
    }

    /** How many cards are selected on the board (in one column), as the view says. */
    public IntegerProperty selectedCountProperty() {
        return selectedCount;
    }

    /** "3 cards selected" while several are, else empty. */
    public StringBinding selectionText() {
        return Bindings.createStringBinding(() -> selectedCount.get() > 1 ? selectedCount.get() + " cards selected" : "",
                selectedCount);
    }

    /** Puts {@code card} between {@code previous} and {@code next} in its column (either may be null at an end). */
    public void reorder(CardSummary card, CardSummary previous, CardSummary next) {
        if ((previous != null && previous.id() == card.id()) || (next != null && next.id() == card.id())) {
            return;
        }
        pending.add(card.id());
        executor.run(() -> store.reorder(card.id(), previous == null ? null : previous.id(), next == null ? null : next.id(),
                card.version(), actor.get()), outcome -> {
            pending.remove(card.id());
            if (!outcome.isDone()) {
                feedback.set(new Feedback(Feedback.Kind.REFUSED, "Not moved", outcome.message()));
            }
            refresh();
        }, e -> {
            pending.remove(card.id());
            fail("The new order could not be saved", e);
        });
    }

    /** Sets or removes a column's work-in-progress limit. */
    public void setLimit(String state, Integer maxCards, boolean hard) {
        executor.run(() -> store.setColumnLimit(workflow.id(), state, maxCards, hard, actor.get()), outcome -> {
            feedback.set(new Feedback(outcome.isDone() ? Feedback.Kind.DONE : Feedback.Kind.REFUSED,
                    outcome.isDone() ? "Limit set" : "Limit not set", outcome.message()));
            refresh();
        }, e -> fail("The limit could not be saved", e));
    }

    /** How long a card has been in its column, in a word: "12 min", "5 h", "3 d". */
    public String timeInState(CardSummary card) {
        Duration d = Duration.between(card.stateSince(), clock.instant());
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h";
        }
        return d.toDays() + " d";
    }

    /** The countdown to the timed event the card waits for ("payment times out in 2 h"), if it waits for one. */
    public Optional<Countdowns.Countdown> countdown(CardSummary card) {
        return Countdowns.find(card.workflowId(), card.state(), card.dates(), clock.instant(), clock.getZone());
    }

    /** What an agent could not do to the card, e.g. "Solari could not apply Payment timeout: ...", if anything. */
    /** Where the board finds each card's open sync conflict (the window's one map; none until sync runs). */
    public void useSyncNotes(ObservableMap<Long, String> notes) {
        this.syncNotes = java.util.Objects.requireNonNull(notes);
    }

    /** A sentence for a card with an open sync conflict, for its face. */
    public Optional<String> syncNote(CardSummary card) {
        return Optional.ofNullable(syncNotes.get(card.id()));
    }

    public Optional<String> agentNote(CardSummary card) {
        return Optional.ofNullable(agentNotes.get(card.id()));
    }

    /** "Checklist 1 of 4 done", or "Checklist done"; empty for a card without one. */
    public Optional<String> checklist(CardSummary card) {
        // a checklist belongs to its state: once the card has moved on, it is history (in the card's dialog)
        if (!card.hasChecklist() || Checklist.STANDARD.stream().noneMatch(c -> c.workflowId().equals(card.workflowId())
                && c.state().equals(card.state()))) {
            return Optional.empty();
        }
        return Optional.of(card.tasksDone() == card.tasks() ? "Checklist done"
                : "Checklist " + card.tasksDone() + " of " + card.tasks() + " done");
    }

    private void fail(String what, Throwable e) {
        feedback.set(new Feedback(Feedback.Kind.FAILED, what, e.getMessage() == null ? e.toString() : e.getMessage()));
    }
}
