package network.higherself.console.ui.board;

import javafx.collections.FXCollections;
import javafx.collections.SetChangeListener;
import network.higherself.console.card.Priority;
import network.higherself.console.move.MoveCheck;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Rights;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.WorkflowRights;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.CardSummary;
import network.higherself.console.store.ColumnFilter;
import network.higherself.console.store.ColumnLimit;
import network.higherself.console.ui.common.ImmediateExecutor;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's drop decisions, checked for every state of every workflow without a screen, a JavaFX toolkit or a
 * database; and its moves, on a database, with the background work done at once.
 */
class BoardViewModelTest {

    private static final WorkflowCatalog CATALOG = WorkflowCatalog.bundled();

    @TempDir
    Path dir;

    private static CardSummary cardIn(Workflow w, String state) {
        return new CardSummary(stateIndex(w, state) + 1, w.id(), state, 1024, "A card", null, Priority.NORMAL, Instant.parse("2026-11-01T10:00:00Z"), 0);
    }

    private static int stateIndex(Workflow w, String state) {
        return w.states().stream().map(State::id).toList().indexOf(state);
    }

    /** What the pipeline would answer for a card of {@link #cardIn}: every event out of its column open. */
    private static List<MoveCheck> allOpen(Workflow w, long cardId) {
        return w.transitionsFrom(w.states().get((int) cardId - 1).id()).stream()
                .map(t -> new MoveCheck(t, MoveCheck.Verdict.OPEN, null)).toList();
    }

    private static BoardViewModel boardReadingNothing(Workflow w, Supplier<Rights> rights) {
        return boardReadingNothing(w, rights, id -> allOpen(w, id));
    }

    /**
     * A board over a store that fails the test when anything is read or written: lighting columns reads nothing but
     * the pipeline's answer for the dragged card ({@code checks}).
     */
    private static BoardViewModel boardReadingNothing(Workflow w, Supplier<Rights> rights,
                                                      java.util.function.LongFunction<List<MoveCheck>> checks) {
        BoardStore none = new BoardStore() {
            @Override
            public List<CardSummary> page(String workflowId, String state, ColumnFilter filter, long offset, int limit,
                                          long matching) {
                throw new AssertionError("a drag read a page of " + state);
            }

            @Override
            public long count(String workflowId, String state, ColumnFilter filter) {
                throw new AssertionError("a drag counted " + state);
            }

            @Override
            public List<network.higherself.console.store.LaneCount> laneCounts(String workflowId, String fieldKey,
                                                                               ColumnFilter filter) {
                throw new AssertionError("a drag counted the lanes");
            }

            @Override
            public Outcome edit(long cardId, Long expectedVersion, Actor actor, network.higherself.console.move.CardChange change) {
                throw new AssertionError("a drag edited a card");
            }

            @Override
            public long indexInColumn(CardSummary card) {
                throw new AssertionError("a drag looked for a card's place");
            }

            @Override
            public java.util.Optional<CardSummary> card(long id) {
                throw new AssertionError("a drag looked for a card");
            }

            @Override
            public Map<String, ColumnLimit> limits(String workflowId) {
                throw new AssertionError("a drag read the limits");
            }

            @Override
            public Outcome move(MoveRequest request) {
                throw new AssertionError("a drag moved a card");
            }

            @Override
            public Map<String, Object> values(long cardId, java.util.Collection<String> keys) {
                throw new AssertionError("a drag read a card's values");
            }

            @Override
            public Outcome correct(long cardId, Long expectedVersion, Actor actor, String reason) {
                throw new AssertionError("a drag took a move back");
            }

            @Override
            public List<MoveCheck> check(long cardId, Actor actor) {
                return checks.apply(cardId);
            }

            @Override
            public Outcome reorder(long cardId, Long previousId, Long nextId, Long expectedVersion, Actor actor) {
                throw new AssertionError("a drag reordered a column");
            }

            @Override
            public Outcome setColumnLimit(String workflowId, String state, Integer maxCards, boolean hard, Actor actor) {
                throw new AssertionError("a drag set a limit");
            }
        };
        return new BoardViewModel(w, none, new ImmediateExecutor(), () -> Actor.staff("amara", Role.ADMINISTRATOR),
                rights, Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC), FXCollections.observableHashMap());
    }

    /** The look of each column while {@code card} is dragged: lit, dimmed or home, by state. */
    private static Map<ColumnViewModel.DropLook, Set<String>> looksDuring(BoardViewModel model, CardSummary card) {
        model.dragStarted(card);
        Map<ColumnViewModel.DropLook, Set<String>> looks = new EnumMap<>(ColumnViewModel.DropLook.class);
        for (ColumnViewModel c : model.columns()) {
            looks.computeIfAbsent(c.dropLookProperty().get(), k -> new HashSet<>()).add(c.stateId());
        }
        model.dragEnded();
        assertThat(model.columns()).allSatisfy(c -> assertThat(c.dropLookProperty().get()).isEqualTo(ColumnViewModel.DropLook.NONE));
        return looks;
    }

    @TestFactory
    Stream<DynamicTest> theLitColumnsAreExactlyTheLegalTargets() {
        return CATALOG.all().stream().map(w -> DynamicTest.dynamicTest(w.id(), () -> {
            BoardViewModel model = boardReadingNothing(w, () -> null);
            for (State from : w.states()) {
                Set<String> legal = w.transitions().stream().filter(t -> t.from().equals(from.id()))
                        .map(Transition::to).collect(Collectors.toSet());
                Map<ColumnViewModel.DropLook, Set<String>> looks = looksDuring(model, cardIn(w, from.id()));
                assertThat(looks.keySet()).as("every column has a look during a drag").doesNotContain(ColumnViewModel.DropLook.NONE);
                assertThat(looks.get(ColumnViewModel.DropLook.HOME)).containsExactly(from.id());
                assertThat(looks.getOrDefault(ColumnViewModel.DropLook.LIT, Set.of())).as("lit for a card in %s", from.id())
                        .isEqualTo(legal);
                assertThat(looks.getOrDefault(ColumnViewModel.DropLook.DIMMED, Set.of())).as("dimmed for a card in %s", from.id())
                        .hasSize(w.states().size() - 1 - legal.size());
            }
        }));
    }

    @Test
    void onlyTheColumnsThePersonsRightsLetThemMoveToLight() {
        Workflow booking = CATALOG.get("WF-WELL-BOOK");
        // may fire the quote's acceptance, not its decline: canceled stays dark although the workflow leads there
        Rights rights = Rights.NONE.with(booking.id(), new WorkflowRights(true, false, false, false, Set.of("client_accepted_quote")));
        BoardViewModel model = boardReadingNothing(booking, () -> rights, id -> allOpen(booking, id).stream()
                .map(m -> m.transition().event().equals("client_accepted_quote") ? m
                        : new MoveCheck(m.transition(), MoveCheck.Verdict.FORBIDDEN, "theo may not")).toList());

        Map<ColumnViewModel.DropLook, Set<String>> looks = looksDuring(model, cardIn(booking, "quote_provided"));

        assertThat(looks.get(ColumnViewModel.DropLook.LIT)).containsExactly("payment_pending");
        assertThat(looks.get(ColumnViewModel.DropLook.DIMMED)).contains("canceled");
        List<MoveCheck> offered = new ArrayList<>();
        model.moves(cardIn(booking, "quote_provided"), offered::addAll);
        assertThat(offered).extracting(m -> m.transition().event())
                .as("the Move via… menu offers the same").containsExactly("client_accepted_quote");
    }

    @Test
    void aColumnWhoseGuardWillRefuseShowsLockedWithTheReasonUntilTheDragEnds() {
        Workflow booking = CATALOG.get("WF-WELL-BOOK");
        String why = "A quote is needed before the client can accept it: enter the quoted amount first.";
        BoardViewModel model = boardReadingNothing(booking, () -> null, id -> allOpen(booking, id).stream()
                .map(m -> m.transition().event().equals("client_accepted_quote")
                        ? new MoveCheck(m.transition(), MoveCheck.Verdict.LOCKED, why) : m).toList());
        CardSummary card = cardIn(booking, "quote_provided");

        model.dragStarted(card);
        ColumnViewModel pending = model.column("payment_pending").orElseThrow();
        assertThat(pending.dropLookProperty().get()).isEqualTo(ColumnViewModel.DropLook.LOCKED);
        assertThat(pending.lockReasonProperty().get()).isEqualTo(why);
        assertThat(model.column("canceled").orElseThrow().dropLookProperty().get()).isEqualTo(ColumnViewModel.DropLook.LIT);
        List<MoveCheck> offered = new ArrayList<>();
        model.moves(card, offered::addAll);
        assertThat(offered).extracting(MoveCheck::verdict).as("the menu offers both, the acceptance locked")
                .containsExactly(MoveCheck.Verdict.LOCKED, MoveCheck.Verdict.OPEN);

        model.dragEnded();
        assertThat(pending.dropLookProperty().get()).isEqualTo(ColumnViewModel.DropLook.NONE);
        assertThat(pending.lockReasonProperty().get()).isNull();
    }

    @Test
    void aMoveFromTheBoardIsPendingUntilTheServiceAnswersAndSaysWhatHappened() {
        try (TestStore store = new TestStore(dir)) {
            Workflow booking = CATALOG.get("WF-WELL-BOOK");
            Actor theo = Actor.staff("theo", Role.FRONT_DESK);
            long id = ((Outcome.Done) store.service.create(booking.id(), "Reiki for Nora", theo, null)).cardId();
            CardQueries queries = new CardQueries(store.db.dataSource());
            BoardViewModel model = new BoardViewModel(booking, BoardStore.of(store.service, store.limits, queries), new ImmediateExecutor(),
                    () -> theo, () -> null, store.clock, FXCollections.observableHashMap());
            List<String> pendingChanges = new ArrayList<>();
            model.pending().addListener((SetChangeListener<Long>) c -> pendingChanges.add(c.wasAdded()
                    ? "pending " + c.getElementAdded() : "done " + c.getElementRemoved()));
            model.refresh();
            CardSummary card = model.column("inquiry").orElseThrow().cards().get(0);
            assertThat(card.title()).isEqualTo("Reiki for Nora");

            List<Outcome> answers = new ArrayList<>();
            model.fire(card, booking.transitionsBetween("inquiry", "consultation").get(0), null, null, answers::add);

            assertThat(pendingChanges).as("pending until the service answers").containsExactly("pending " + id, "done " + id);
            assertThat(answers).singleElement().satisfies(o -> assertThat(o.isDone()).isTrue());
            assertThat(model.feedbackProperty().get().kind()).isEqualTo(Feedback.Kind.DONE);
            assertThat(model.column("inquiry").orElseThrow().countProperty().get()).isZero();
            assertThat(model.column("consultation").orElseThrow().countProperty().get()).isOne();

            // the same card again, from where it no longer is: the service refuses, the board says so
            model.fire(card, booking.transitionsBetween("inquiry", "consultation").get(0), null, null, answers::add);
            assertThat(answers.get(1).isDone()).isFalse();
            assertThat(model.feedbackProperty().get()).isEqualTo(new Feedback(Feedback.Kind.REFUSED, "Not moved", answers.get(1).message()));
            assertThat(model.pending()).isEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> aDropDecisionFollowsTheWorkflow() {
        return CATALOG.all().stream().map(w -> DynamicTest.dynamicTest(w.id(), () -> {
            for (State from : w.states()) {
                for (State to : w.states()) {
                    DropDecision d = DropDecision.decide(w, from.id(), to.id());
                    long events = w.transitionsBetween(from.id(), to.id()).size();
                    if (from.equals(to)) {
                        assertThat(d).isInstanceOf(DropDecision.Reorder.class);
                    } else if (events == 1) {
                        assertThat(d).isEqualTo(new DropDecision.Fire(w.transitionsBetween(from.id(), to.id()).get(0)));
                    } else if (events > 1) {
                        assertThat(d).isInstanceOf(DropDecision.Choose.class);
                    } else {
                        assertThat(d).isInstanceOfSatisfying(DropDecision.Refuse.class,
                                r -> assertThat(r.message()).startsWith(w.isFinal(from.id())
                                        ? "A" + (w.cardNoun().matches("[aeiou].*") ? "n " : " ") + w.cardNoun() + " in "
                                        + from.label() + " is finished"
                                        : "No event leads from " + from.label() + " to " + to.label()));
                    }
                }
            }
        }));
    }

    @Test
    void aRefusedDropNamesTheLegalEvents() {
        Workflow booking = CATALOG.get("WF-WELL-BOOK");
        assertThat(DropDecision.decide(booking, "quote_provided", "completed")).isEqualTo(new DropDecision.Refuse(
                "No event leads from Quote provided to Completed. A booking in Quote provided can go to Payment pending "
                        + "(by \u201cClient accepted quote\u201d) or Canceled (by \u201cClient declined quote\u201d)."));
    }
}
