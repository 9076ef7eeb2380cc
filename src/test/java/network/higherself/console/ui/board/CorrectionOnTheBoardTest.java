package network.higherself.console.ui.board;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditEntry;
import network.higherself.console.card.Booking;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardSummary;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.FxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Putting a wrong move right on the board: the toast after a move offers "Undo", and Ctrl+Z takes back the
 * person's last move; either puts the card back in its column, recorded as a correction. A move into a final
 * column asks first, and Cancel leaves the card where it was.
 */
@FxTest
class CorrectionOnTheBoardTest {

    @TempDir
    Path dir;

    private TestStore store;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    /** Front desk: the bookings are his board. */
    private final Actor theo = Actor.staff("theo", Role.FRONT_DESK);
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        // a booking may also be withdrawn from Quote provided into Canceled (a final column) without input
        store = BoardOnStage.storeWithSecondWay(dir, stage, Booking.WORKFLOW, "quote_provided", "canceled", "client_withdrew");
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    private BoardView show(FxRobot robot) throws InterruptedException {
        return BoardOnStage.showBookings(robot, stage, store, executor, theo, BoardOnStage.NO_OPENER);
    }

    private void settle(BoardView view) throws Exception {
        BoardOnStage.settle(executor, view);
    }

    /** The titles the column of {@code state} shows. */
    private static List<String> shown(FxRobot robot, String state) {
        @SuppressWarnings("unchecked")
        ListView<CardSummary> list = (ListView<CardSummary>) robot.lookup("#column-" + state + " .column-cards").query();
        return list.getItems().stream().filter(c -> c != null).map(CardSummary::title).toList();
    }

    /** Moves the focused card by keyboard: M, then the event's item of the menu. */
    private static void moveByKeyboard(FxRobot robot, BoardView view, String event) throws Exception {
        robot.interact(view::focusFirstCard);
        robot.type(KeyCode.M);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> BoardOnStage.menuItemIds(robot).contains("move-" + event));
        MenuItem item = BoardOnStage.menuItem(robot, "move-" + event);
        Platform.runLater(() -> { // not waited for: the move may ask first, in a dialog of its own
            item.getParentPopup().hide();
            item.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private AuditEntry lastEntry(long id) {
        return store.db.sessionFactory().fromSession(s -> s.createSelectionQuery(
                "from AuditEntry where cardId = :id order by seq desc", AuditEntry.class).setParameter("id", id)
                .setMaxResults(1).getSingleResult());
    }

    @Test
    void undoOnTheToastAfterAMovePutsTheCardBackInItsColumn(FxRobot robot) throws Exception {
        long id = BoardOnStage.bookingInQuoteProvided(store, theo, "Sound bath for Ada", true);
        BoardView view = show(robot);

        moveByKeyboard(robot, view, "client_accepted_quote");
        settle(view);
        assertThat(shown(robot, "payment_pending")).containsExactly("Sound bath for Ada");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(BoardView.UNDO).tryQuery().isPresent());

        robot.clickOn(robot.lookup(BoardView.UNDO).queryAs(Button.class));
        settle(view);
        assertThat(shown(robot, "quote_provided")).containsExactly("Sound bath for Ada");
        assertThat(shown(robot, "payment_pending")).isEmpty();
        AuditEntry last = lastEntry(id);
        assertThat(last.getAction()).isEqualTo(AuditAction.CORRECTED);
        assertThat(last.getActor()).isEqualTo("theo");
        assertThat(last.getNote()).isEqualTo(BoardViewModel.UNDO_REASON);
    }

    @Test
    void ctrlZTakesBackTheLastMoveAndThenSaysThereIsNothingLeftToUndo(FxRobot robot) throws Exception {
        long id = BoardOnStage.bookingInQuoteProvided(store, theo, "Reiki session", true);
        BoardView view = show(robot);
        moveByKeyboard(robot, view, "client_accepted_quote");
        settle(view);
        assertThat(shown(robot, "payment_pending")).containsExactly("Reiki session");

        // while the toast shows, the window's keys go to it (JavaFX hands them to the topmost popup): Ctrl+Z works there too
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        settle(view);
        assertThat(shown(robot, "quote_provided")).as("%s, focus on %s", view.model().feedbackProperty().get(),
                view.getScene().getFocusOwner()).containsExactly("Reiki session");
        assertThat(lastEntry(id).getAction()).isEqualTo(AuditAction.CORRECTED);
        assertThat(view.model().feedbackProperty().get().title()).isEqualTo("Move taken back");

        robot.clickOn("Reiki session"); // Ctrl+Z on the board itself
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        settle(view);
        assertThat(view.model().feedbackProperty().get().title()).isEqualTo("Nothing to undo");
        assertThat(shown(robot, "quote_provided")).containsExactly("Reiki session");
    }

    @Test
    void aMoveIntoAFinalColumnAsksFirstAndCancelLeavesTheCardWhereItWas(FxRobot robot) throws Exception {
        long id = BoardOnStage.bookingInQuoteProvided(store, theo, "Forest walk", true);
        BoardView view = show(robot);

        moveByKeyboard(robot, view, "client_withdrew");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + BoardView.CONFIRM_FINAL_ID).tryQuery().isPresent());
        DialogPane ask = robot.lookup("#" + BoardView.CONFIRM_FINAL_ID).queryAs(DialogPane.class);
        assertThat(ask.getHeaderText()).isEqualTo("Move 'Forest walk' to Canceled?");
        assertThat(ask.getContentText()).startsWith("Canceled is a final column");
        robot.clickOn("Cancel");
        settle(view);
        assertThat(shown(robot, "quote_provided")).containsExactly("Forest walk");
        assertThat(lastEntry(id).getAction()).as("nothing was written").isEqualTo(AuditAction.MOVED);

        moveByKeyboard(robot, view, "client_withdrew");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + BoardView.CONFIRM_FINAL_ID).tryQuery().isPresent());
        robot.clickOn("Move to Canceled");
        settle(view);
        assertThat(shown(robot, "canceled")).containsExactly("Forest walk");
    }
}
