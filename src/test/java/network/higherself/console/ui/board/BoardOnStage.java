package network.higherself.console.ui.board;

import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import network.higherself.console.card.Booking;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import network.higherself.console.move.TestStore;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.Theme;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A board shown on a test's stage (opening a card does nothing), and waiting until what an action set off is shown. */
final class BoardOnStage {

    private BoardOnStage() {
    }

    /**
     * A store whose bundled workflows have one transition more ({@code from} to {@code to} by {@code event}, first in
     * its definition), so that a drop there is a choice; the stage made ready for a board.
     */
    static TestStore storeWithSecondWay(Path dir, Stage stage, String workflowId, String from, String to, String event)
            throws IOException {
        Path workflows = dir.resolve("workflows");
        Files.createDirectories(workflows);
        String json = new String(WorkflowCatalog.class.getResourceAsStream("/workflows/" + workflowId + ".json").readAllBytes())
                .replace("\"transitions\": [", "\"transitions\": [\n    {\"from_state\": \"" + from + "\", \"to_state\": \""
                        + to + "\", \"event\": \"" + event + "\"},");
        Files.writeString(workflows.resolve(workflowId + ".json"), json);
        TestStore store = new TestStore(dir.resolve("data"), Clock.systemDefaultZone(), WorkflowCatalog.load(workflows));
        prepare(stage, 1500, 800);
        return store;
    }

    /** The stage made ready for a board: the light theme, an empty scene of that size, shown. */
    static void prepare(Stage stage, double width, double height) {
        Theme.applyLight();
        stage.setScene(new Scene(new StackPane(), width, height));
        stage.show();
    }

    /** Shows the board of {@code workflowId} as {@code actor} (rights aside: the service checks them on each move). */
    static BoardView show(FxRobot robot, Stage stage, TestStore store, FxBackgroundExecutor executor, String workflowId,
                          Actor actor) throws InterruptedException {
        Workflow w = store.workflows.get(workflowId);
        return show(robot, stage, () -> new BoardViewModel(w, store.service, store.limits,
                new network.higherself.console.store.CardQueries(store.db.dataSource()), executor, () -> actor, store.clock));
    }

    /**
     * The bookings' store with a second way from quote_provided to payment_pending (a deposit, no guard), so that a drop
     * there is a choice and the acceptance's guard can lock one way while the other stays open; the stage made ready.
     */
    static TestStore bookingsWithDeposit(Path dir, Stage stage) throws IOException {
        return storeWithSecondWay(dir, stage, Booking.WORKFLOW, "quote_provided", "payment_pending", "deposit_accepted");
    }

    /** Shows the bookings' board as {@code actor} sees it (with their rights), opening cards with {@code opener}. */
    static BoardView showBookings(FxRobot robot, Stage stage, TestStore store, FxBackgroundExecutor executor, Actor actor,
                                  CardOpener opener) throws InterruptedException {
        Workflow w = store.workflows.get(Booking.WORKFLOW);
        return show(robot, stage, () -> new BoardViewModel(w, store.service, store.limits,
                new network.higherself.console.store.CardQueries(store.db.dataSource()), executor, () -> actor,
                () -> store.service.rightsOf(actor), store.clock), opener);
    }

    /** Shows the board {@code model} makes (built on the JavaFX thread) and waits until every column shows its first cards. */
    static BoardView show(FxRobot robot, Stage stage, Supplier<BoardViewModel> model) throws InterruptedException {
        return show(robot, stage, model, NO_OPENER);
    }

    /** Opens nothing. */
    static final CardOpener NO_OPENER = new CardOpener() {
        @Override
        public void open(Window owner, long cardId, Runnable then) {
        }

        @Override
        public void create(Window owner, Workflow workflow, Runnable then) {
        }
    };

    /** What the guard of a booking's acceptance says when the booking has no quote. */
    static final String NO_QUOTE = "A quote is needed before the client can accept it: enter the quoted amount first.";

    /** A booking in quote_provided, made and moved there by {@code actor}: with a quote, or with it taken away again. */
    static long bookingInQuoteProvided(TestStore store, Actor actor, String title, boolean withQuote) {
        long id = ((Outcome.Done) store.service.create(Booking.WORKFLOW, title, actor,
                (card, refs) -> Booking.QUOTE.set(card, new BigDecimal("70.00")))).cardId();
        for (String e : List.of("consultation_scheduled", "consultation_completed")) {
            assertThat(store.service.move(MoveRequest.byEvent(id, e, actor)).isDone()).isTrue();
        }
        if (!withQuote) {
            assertThat(store.service.edit(id, null, actor, (card, refs) -> Booking.QUOTE.set(card, null)).isDone()).isTrue();
        }
        return id;
    }

    /** The ids of the "Move via…" items of the menus on show. */
    static List<String> menuItemIds(FxRobot robot) {
        return menuItems(robot).map(MenuItem::getId).filter(i -> i != null && i.startsWith("move-")).toList();
    }

    /** The item {@code id} of a menu on show. */
    static MenuItem menuItem(FxRobot robot, String id) {
        return menuItems(robot).filter(i -> id.equals(i.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + id));
    }

    private static Stream<MenuItem> menuItems(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(w -> (ContextMenu) w).flatMap(m -> m.getItems().stream());
    }

    /** Shows the board {@code model} makes, opening cards with {@code opener}, and waits until every column shows its first cards. */
    static BoardView show(FxRobot robot, Stage stage, Supplier<BoardViewModel> model, CardOpener opener) throws InterruptedException {
        BoardView[] view = new BoardView[1];
        CountDownLatch ready = new CountDownLatch(1);
        robot.interact(() -> {
            view[0] = new BoardView(model.get(), opener);
            stage.getScene().setRoot(view[0]);
            view[0].load(ready::countDown);
        });
        assertThat(ready.await(20, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        return view[0];
    }

    /** Waits until what the last action set off is done and shown: the move or check, the board read again, its pages. */
    static void settle(FxBackgroundExecutor executor, BoardView view) throws Exception {
        WaitForAsyncUtils.waitForFxEvents(); // the action's events are handled: its work, if any, is on its way
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> executor.isIdle() && view.model().pending().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
