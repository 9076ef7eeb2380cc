package network.higherself.console.ui.board;

import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.CardSummary;
import network.higherself.console.card.Priority;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The board's drop decisions, checked without a screen for every state of every workflow. */
class BoardViewModelTest {

    private static final WorkflowCatalog CATALOG = WorkflowCatalog.bundled();

    @TempDir
    Path dir;

    private static CardSummary cardIn(Workflow w, String state) {
        return new CardSummary(1, w.id(), state, 1024, "A card", null, Priority.NORMAL, Instant.parse("2026-11-01T10:00:00Z"), 0);
    }

    @TestFactory
    Stream<DynamicTest> theLitColumnsAreExactlyTheLegalTargets() {
        return CATALOG.all().stream().map(w -> DynamicTest.dynamicTest(w.id(), () -> {
            try (TestStore store = new TestStore(dir.resolve(w.id()));
                 FxBackgroundExecutor executor = new FxBackgroundExecutor()) {
                BoardViewModel model = new BoardViewModel(w, store.service, new CardQueries(store.db.dataSource()), executor,
                        () -> Actor.staff("amara", Role.ADMINISTRATOR), store.clock);
                for (State from : w.states()) {
                    Set<String> legal = w.transitions().stream().filter(t -> t.from().equals(from.id()))
                            .map(Transition::to).collect(Collectors.toSet());
                    model.dragStarted(cardIn(w, from.id()));
                    Set<String> lit = new HashSet<>();
                    Set<String> dimmed = new HashSet<>();
                    for (ColumnViewModel c : model.columns()) {
                        switch (c.dropLookProperty().get()) {
                            case LIT -> lit.add(c.stateId());
                            case DIMMED -> dimmed.add(c.stateId());
                            case HOME -> assertThat(c.stateId()).isEqualTo(from.id());
                            default -> throw new AssertionError(c.stateId() + " has no look during a drag");
                        }
                    }
                    assertThat(lit).as("lit for a card in %s", from.id()).isEqualTo(legal);
                    assertThat(dimmed).as("dimmed for a card in %s", from.id()).hasSize(w.states().size() - 1 - legal.size());
                    model.dragEnded();
                    assertThat(model.columns()).allSatisfy(c -> assertThat(c.dropLookProperty().get()).isEqualTo(ColumnViewModel.DropLook.NONE));
                }
            }
        }));
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
                                r -> assertThat(r.message()).startsWith("No event leads from " + from.id() + " to " + to.id()));
                    }
                }
            }
        }));
    }

    @Test
    void aRefusedDropNamesTheLegalEvents() {
        Workflow booking = CATALOG.get("WF-WELL-BOOK");
        assertThat(DropDecision.decide(booking, "quote_provided", "completed")).isEqualTo(new DropDecision.Refuse(
                "No event leads from quote_provided to completed. A booking in quote_provided can go to "
                        + "payment_pending (client_accepted_quote) or canceled (client_declined_quote)."));
    }
}
