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
import network.higherself.console.store.LaneCount;
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
    /** The swimlanes on show, in order; empty while the board has none. */
    private final javafx.collections.ObservableList<LaneViewModel> lanes = FXCollections.observableArrayList();
    /** What the lanes leave out (on a board with more values than {@link #MAX_LANES}), in words; empty when nothing. */
    private final StringProperty lanesNote = new SimpleStringProperty("");
    /** Whether the board was read once: a change of lanes before that is read with the board's first reading. */
    private boolean read;

    /**
     * The most lanes a board shows (those with the most cards): each is a row of lists, one per column, and a board of
     * 100,000 cards can have thousands of clients. The rest are named in {@link #lanesNoteProperty()}.
     */
    static final int MAX_LANES = 24;

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
        layout.lanesProperty().addListener((o, a, b) -> {
            if (read) {
                refresh();
            }
        });
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

    /**
     * Reads every column again (counts, limits, first pages), or, with swimlanes, every lane's cell of every column;
     * {@code ready} runs when all have their first page.
     */
    public void refresh(Runnable ready) {
        ColumnFilter f = filter();
        CardField<?> by = laneField().orElse(null);
        read = true;
        executor.run(() -> {
            Map<String, ColumnLimit> limits = store.limits(workflow.id());
            List<Long> counts = new ArrayList<>();
            List<LaneCount> laneCounts = by == null ? List.of() : store.laneCounts(workflow.id(), by.key(), f);
            for (ColumnViewModel c : columns) {
                counts.add(by != null ? laneCounts.stream().filter(l -> l.state().equals(c.stateId()))
                        .mapToLong(LaneCount::cards).sum() : store.count(workflow.id(), c.stateId(), f));
            }
            return new Read(limits, counts, laneCounts);
        }, result -> {
            List<PagedCards> lists = new ArrayList<>();
            List<Long> sizes = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                ColumnViewModel c = columns.get(i);
                c.limitProperty().set(result.limits().get(c.stateId()));
                c.countProperty().set(result.counts().get(i));
                lists.add(c.cards());
                sizes.add(by == null ? result.counts().get(i) : 0L); // with lanes, the column's own list is not shown
            }
            if (by == null) {
                lanes.clear();
                lanesNote.set("");
            } else {
                showLanes(by, result.laneCounts(), lists, sizes);
            }
            int[] waiting = {lists.size()};
            for (int i = 0; i < lists.size(); i++) {
                lists.get(i).reset((int) Math.min(Integer.MAX_VALUE, sizes.get(i)));
                lists.get(i).prefetchFirstPage(() -> {
                    if (--waiting[0] == 0) {
                        ready.run();
                    }
                });
            }
        }, e -> fail("The board could not be read", e));
    }

    /** What a reading of the board found: the limits, each column's count, and each lane's count per column. */
    private record Read(Map<String, ColumnLimit> limits, List<Long> counts, List<LaneCount> laneCounts) {
    }

    /**
     * Makes the lanes of {@code by} from what was counted: a lane per value that has cards (the lane without a value
     * always, where the field may be empty, so that a card can be dragged there), the largest {@link #MAX_LANES} only;
     * a lane already on show keeps its lists. Adds each cell's list and size to {@code lists} and {@code sizes}.
     */
    private void showLanes(CardField<?> by, List<LaneCount> counted, List<PagedCards> lists, List<Long> sizes) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        Map<String, Map<String, Long>> byValue = new java.util.LinkedHashMap<>();
        if (!by.required()) {
            byValue.put(null, new java.util.HashMap<>());
        }
        for (LaneCount l : counted) {
            byValue.computeIfAbsent(l.value(), v -> new java.util.HashMap<>()).merge(l.state(), l.cards(), Long::sum);
            if (l.label() != null) {
                names.put(l.value(), l.label());
            }
        }
        java.util.function.ToLongFunction<String> total = v -> byValue.get(v).values().stream().mapToLong(Long::longValue).sum();
        List<String> values = new ArrayList<>(byValue.keySet());
        List<String> shown = new ArrayList<>(values);
        if (values.size() > MAX_LANES) { // the lane without a value stays, whatever its count: a card can be dropped there
            shown = new ArrayList<>(values.stream().filter(java.util.Objects::nonNull)
                    .sorted(java.util.Comparator.comparingLong(total).reversed())
                    .limit(byValue.containsKey(null) ? MAX_LANES - 1 : MAX_LANES).toList());
            if (byValue.containsKey(null)) {
                shown.add(null);
            }
        }
        if (shown.size() < values.size()) {
            List<String> kept = shown;
            long left = values.stream().filter(v -> !kept.contains(v)).mapToLong(total).sum();
            lanesNote.set((values.size() - shown.size()) + " more lanes by " + by.label().toLowerCase(java.util.Locale.ROOT)
                    + " are not shown (" + left + " cards): search or filter the board to see them.");
        } else {
            lanesNote.set("");
        }
        Map<String, LaneViewModel> before = new java.util.HashMap<>();
        lanes.forEach(l -> before.put(l.key(), l));
        List<LaneViewModel> next = new ArrayList<>();
        for (String v : shown) {
            LaneViewModel lane = before.get(BoardLayout.laneKey(by.key(), v));
            if (lane == null) {
                lane = newLane(by, v, names.get(v));
            }
            Map<String, Long> cells = byValue.get(v);
            lane.countProperty().set(cells.values().stream().mapToLong(Long::longValue).sum());
            for (LaneViewModel.Cell cell : lane.cells()) {
                long n = cells.getOrDefault(cell.column().stateId(), 0L);
                cell.countProperty().set(n);
                lists.add(cell.cards());
                sizes.add(n);
            }
            next.add(lane);
        }
        next.sort(laneOrder(by));
        if (!next.equals(lanes)) {
            lanes.setAll(next);
        }
    }

    /** Priorities from urgent down; names in alphabetical order; the lane without a value last. */
    private static java.util.Comparator<LaneViewModel> laneOrder(CardField<?> by) {
        java.util.Comparator<LaneViewModel> byValue = by.type() == network.higherself.console.card.FieldType.CHOICE
                ? java.util.Comparator.comparing((LaneViewModel l) -> ((Enum<?>) LaneViewModel.typed(by, l.value())).ordinal()).reversed()
                : java.util.Comparator.comparing((LaneViewModel l) -> l.label().toLowerCase(java.util.Locale.ROOT));
        return java.util.Comparator.comparing((LaneViewModel l) -> l.value() == null).thenComparing(byValue);
    }

    /** A lane of {@code value}, with a cell per column whose pages are read with the lane's filter. */
    private LaneViewModel newLane(CardField<?> by, String value, String name) {
        LaneViewModel lane = new LaneViewModel(by, value, name);
        for (ColumnViewModel c : columns) {
            lane.add(new LaneViewModel.Cell(c, lane, new PagedCards((offset, limit, size, onLoaded) -> {
                ColumnFilter f = filter().withLane(lane.filter());
                executor.run(() -> store.page(workflow.id(), c.stateId(), f, offset, limit, size), onLoaded,
                        e -> fail("Cards could not be read", e));
            })));
        }
        return lane;
    }

    /** The swimlanes on show (none while the board has no lanes). */
    public javafx.collections.ObservableList<LaneViewModel> lanes() {
        return lanes;
    }

    /** What the lanes leave out, in words (a board with more values than fit), or "". */
    public StringProperty lanesNoteProperty() {
        return lanesNote;
    }

    /** The fields this board's cards may be shown in lanes by: assignee, priority, and its kind's party (a client). */
    public List<CardField<?>> laneFields() {
        return CardQueries.laneFields(workflow.id());
    }

    /** The field the board's lanes go by now, if it has lanes (a remembered key this board does not offer: none). */
    public Optional<CardField<?>> laneField() {
        String key = layout.lanesProperty().get();
        return key == null ? Optional.empty() : laneFields().stream().filter(f -> f.key().equals(key)).findFirst();
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
    public void reveal(CardSummary card, java.util.function.BiConsumer<PagedCards, Integer> then) {
        search.set("");
        mine.set(false);
        overdue.set(false);
        highPriority.set(false);
        if (laneField().isPresent()) { // its place in its lane is not its place in its column: look among the first pages
            refresh(() -> locate(card.id(), then));
            return;
        }
        executor.run(() -> store.indexInColumn(card), index -> refresh(() -> column(card.state()).ifPresent(c -> {
            if (index < c.cards().size()) {
                c.cards().whenLoaded(index.intValue(), () -> then.accept(c.cards(), index.intValue()));
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
        fire(cards, t, input, note, null, false, done);
    }

    /**
     * Fires {@code t} on {@code card} with what the person typed in the move's form, which is still open: a refusal
     * is said there ({@code done} gets it), not on the board; a move made is said on the board as any other.
     */
    public void fireFromForm(CardSummary card, Transition t, CardChange input, String note, Consumer<Outcome> done) {
        fireFromForm(card, t, input, note, null, done);
    }

    /** As {@link #fireFromForm(CardSummary, Transition, CardChange, String, Consumer)}, the card then put in lane {@code to}. */
    public void fireFromForm(CardSummary card, Transition t, CardChange input, String note, LaneViewModel to,
                             Consumer<Outcome> done) {
        fire(List.of(card), t, input, note, to, true, outcomes -> done.accept(outcomes.get(0)));
    }

    /**
     * Fires {@code t} on each of {@code cards} as {@link #fire(List, Transition, CardChange, String, Consumer)} does,
     * and then, for each card moved, puts it in lane {@code to} (null: its lane stays): an edit of the lane's field,
     * a change of its own through the card service, at the version the move left the card at. The edit may be refused
     * (the person may move cards but not edit them): the card stays moved, and the feedback says that its field was
     * not changed, and why.
     */
    public void fire(List<CardSummary> cards, Transition t, CardChange input, String note, LaneViewModel to,
                     Consumer<List<Outcome>> done) {
        fire(cards, t, input, note, to, false, done);
    }

    /** The moves, then the lane's edits; {@code refusalInForm}: a refused move is said in the move's form, not here. */
    private void fire(List<CardSummary> cards, Transition t, CardChange input, String note, LaneViewModel to,
                      boolean refusalInForm, Consumer<List<Outcome>> done) {
        Actor who = actor.get();
        cards.forEach(c -> pending.add(c.id()));
        executor.run(() -> {
            List<Outcome> outcomes = new ArrayList<>();
            List<Outcome> edits = new ArrayList<>();
            for (CardSummary card : cards) {
                Outcome moved = store.move(MoveRequest.byEvent(card.id(), t.event(), who)
                        .expecting(card.version()).withNote(note).with(input));
                outcomes.add(moved);
                edits.add(to != null && moved instanceof Outcome.Done d ? store.edit(d.cardId(), d.version(), who, laneChange(to)) : null);
            }
            return Map.entry(outcomes, edits);
        }, result -> {
            List<Outcome> outcomes = result.getKey();
            List<Outcome> edits = result.getValue();
            cards.forEach(c -> pending.remove(c.id()));
            Outcome first = outcomes.get(0);
            // a move followed by an edit is no longer the card's last change: it cannot be taken back from here
            lastMove.set(cards.size() == 1 && first instanceof Outcome.Done d && edits.get(0) == null
                    ? new MovedCard(d.cardId(), cards.get(0).title(), d.version()) : null);
            if (!refusalInForm || first.isDone()) {
                feedback.set(to == null ? movedFeedback(cards, t, outcomes) : movedToLaneFeedback(cards, t, to, outcomes, edits));
            }
            refresh(() -> done.accept(outcomes));
        }, e -> {
            cards.forEach(c -> pending.remove(c.id()));
            fail("The move could not be saved", e);
            refresh(); // the cards moved before the failure stay moved: show them where they are
        });
    }

    /** The edit that puts a card in lane {@code to}: its field set to the lane's value (cleared for the empty lane). */
    private static CardChange laneChange(LaneViewModel to) {
        return network.higherself.console.move.FieldValues.NONE.withValue(to.field(), LaneViewModel.typed(to.field(), to.value()));
    }

    /**
     * Puts each of {@code cards} in lane {@code to} without moving it (a drag within its column, into another lane):
     * an edit of the lane's field through the card service, checked on its own for each card (the person's right to
     * edit, the card's version); those refused keep their value, and the feedback says which and why.
     */
    public void moveToLane(List<CardSummary> cards, LaneViewModel to, Consumer<List<Outcome>> done) {
        Actor who = actor.get();
        cards.forEach(c -> pending.add(c.id()));
        executor.run(() -> {
            List<Outcome> outcomes = new ArrayList<>();
            for (CardSummary card : cards) {
                outcomes.add(store.edit(card.id(), card.version(), who, laneChange(to)));
            }
            return outcomes;
        }, outcomes -> {
            cards.forEach(c -> pending.remove(c.id()));
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < cards.size(); i++) {
                if (!outcomes.get(i).isDone()) {
                    refused.add("'" + cards.get(i).title() + "' keeps its " + fieldName(to) + ": " + outcomes.get(i).message());
                }
            }
            String set = fieldName(to) + " " + (to.value() == null ? "cleared" : "set to " + to.label());
            if (refused.isEmpty()) {
                feedback.set(new Feedback(Feedback.Kind.DONE, "Changed", (cards.size() == 1 ? "'" + cards.get(0).title() + "': "
                        : cards.size() + " cards: ") + set + "."));
            } else {
                int changed = cards.size() - refused.size();
                feedback.set(new Feedback(Feedback.Kind.REFUSED, changed == 0 ? capitalised(fieldName(to)) + " not changed"
                        : changed + " of " + cards.size() + " cards changed", String.join("\n", refused)));
            }
            refresh(() -> done.accept(outcomes));
        }, e -> {
            cards.forEach(c -> pending.remove(c.id()));
            fail("The change could not be saved", e);
            refresh();
        });
    }

    /** "assignee", "client", "priority": the lane's field as a sentence names it. */
    private static String fieldName(LaneViewModel lane) {
        return lane.field().label().toLowerCase(java.util.Locale.ROOT);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * What the person is told after moving {@code cards} to another column and lane: the move's outcome as ever, and
     * for each card moved whether its field was changed too, or why not (a card not moved keeps its field as well).
     */
    private Feedback movedToLaneFeedback(List<CardSummary> cards, Transition t, LaneViewModel to, List<Outcome> moves,
                                         List<Outcome> edits) {
        String set = fieldName(to) + " " + (to.value() == null ? "cleared" : "set to " + to.label());
        List<String> lines = new ArrayList<>();
        boolean allDone = true;
        for (int i = 0; i < cards.size(); i++) {
            String title = "'" + cards.get(i).title() + "'";
            Outcome move = moves.get(i);
            Outcome edit = edits.get(i);
            if (!move.isDone()) {
                allDone = false;
                lines.add(title + " was not moved, and keeps its " + fieldName(to) + ": " + move.message());
            } else if (!edit.isDone()) {
                allDone = false;
                lines.add(title + " moved to " + workflow.stateLabel(t.to()) + ", but its " + fieldName(to)
                        + " was not changed: " + edit.message());
            } else {
                lines.add(title + " moved to " + workflow.stateLabel(t.to()) + ", " + set + ".");
            }
        }
        long moved = moves.stream().filter(Outcome::isDone).count();
        if (allDone) {
            return new Feedback(Feedback.Kind.DONE, "Moved", String.join("\n", lines));
        }
        String title = moved == 0 ? (cards.size() == 1 ? "Not moved" : "None of the " + cards.size() + " cards moved")
                : capitalised(fieldName(to)) + " not changed everywhere";
        if (moved > 0 && cards.size() == 1) {
            title = "Moved, " + fieldName(to) + " not changed";
        }
        return new Feedback(Feedback.Kind.REFUSED, title, String.join("\n", lines));
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
                    "You have not moved a card on this board since it was opened, your last move was taken back, or it "
                            + "also changed the card's lane: a move is taken back only while it is the card's last change."));
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
    public void locate(long id, java.util.function.BiConsumer<PagedCards, Integer> then) {
        for (PagedCards cards : lists()) {
            int index = cards.indexOfLoaded(id);
            if (index >= 0) {
                then.accept(cards, index);
                return;
            }
        }
        if (laneField().isPresent()) {
            return; // beyond the first pages of its lane: the person scrolls to it
        }
        executor.run(() -> store.card(id).map(card -> Map.entry(card.state(), store.indexInColumn(card))),
                found -> found.flatMap(at -> column(at.getKey()).map(c -> Map.entry(c, at.getValue().intValue())))
                        .filter(at -> at.getValue() < at.getKey().cards().size())
                        .ifPresent(at -> at.getKey().cards().whenLoaded(at.getValue(), () -> {
                            int index = at.getKey().cards().indexOfLoaded(id);
                            if (index >= 0) {
                                then.accept(at.getKey().cards(), index);
                            }
                        })),
                e -> fail("The card could not be found on its board", e));
    }

    /** The lists of cards on show: the columns', or, with lanes, every lane's cells, lane by lane. */
    List<PagedCards> lists() {
        if (lanes.isEmpty()) {
            return columns.stream().map(ColumnViewModel::cards).toList();
        }
        return lanes.stream().flatMap(l -> l.cells().stream()).map(LaneViewModel.Cell::cards).toList();
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
