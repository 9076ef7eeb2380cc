package network.higherself.console.ui.board;

import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import network.higherself.console.card.Booking;
import network.higherself.console.move.MoveCheck;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.WorkflowRights;
import network.higherself.console.store.CardSummary;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.FxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A board offers only what will work for the person: while a card is dragged, the columns their rights let them
 * move it to light up, one whose guard will refuse now shows a lock and the reason; the "Move via…" menu and the
 * event picker follow the same answer, which comes from the change pipeline.
 */
@FxTest
class OfferOnlyWhatWorksTest {


    @TempDir
    Path dir;

    private TestStore store;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private final Actor theo = Actor.staff("theo", Role.FRONT_DESK);
    private final Actor amara = Actor.staff("amara", Role.ADMINISTRATOR);
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        store = BoardOnStage.bookingsWithDeposit(dir, stage);
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    private BoardView show(FxRobot robot, Actor actor) throws InterruptedException {
        return BoardOnStage.showBookings(robot, stage, store, executor, actor, BoardOnStage.NO_OPENER);
    }

    /** A booking with its quote given, then taken away again: in quote_provided, its acceptance's guard refuses. */
    private long bookingWithoutQuote(String title) {
        return BoardOnStage.bookingInQuoteProvided(store, amara, title, false);
    }

    /** Front desk may fire every event of the bookings board but {@code except}. */
    private void frontDeskMayNotFire(String except) {
        Set<String> events = new HashSet<>(store.workflows.get(Booking.WORKFLOW).events());
        events.remove(except);
        Outcome o = store.roleRights.set(Actor.system(), Role.FRONT_DESK, Booking.WORKFLOW,
                new WorkflowRights(true, true, true, false, events));
        assertThat(o.isDone()).as(o.message()).isTrue();
    }

    private void settle(BoardView view) throws Exception {
        BoardOnStage.settle(executor, view);
    }

    @Test
    void whileDraggingAColumnWhoseGuardWillRefuseShowsALockAndTheReason(FxRobot robot) throws Exception {
        bookingWithoutQuote("Reiki session");
        frontDeskMayNotFire("client_declined_quote");
        BoardView view = show(robot, theo);
        CardSummary card = view.model().column("quote_provided").orElseThrow().cards().get(0);

        robot.interact(() -> view.model().dragStarted(card));
        settle(view);

        Node pending = robot.lookup("#column-payment_pending").query();
        // the acceptance is locked, but the deposit (no guard) leads there too: the column takes the card
        assertThat(pending.getStyleClass()).contains(ColumnView.LIT);
        assertThat(robot.lookup("#column-canceled").query().getStyleClass()).as("declining is not theo's to do")
                .contains(ColumnView.DIMMED);

        // without the deposit's way, the column is locked, says why, and hovering it says so too
        frontDeskMayNotFire("deposit_accepted");
        robot.interact(() -> view.model().dragEnded());
        robot.interact(() -> view.model().dragStarted(card));
        settle(view);
        assertThat(pending.getStyleClass()).contains(ColumnView.LOCKED).doesNotContain(ColumnView.LIT);
        assertThat(robot.lookup("#column-payment_pending ." + ColumnView.LOCK).query().isVisible()).isTrue();
        assertThat(robot.lookup("#column-payment_pending ." + ColumnView.LOCK_REASON).queryAs(Label.class).getText()).isEqualTo(BoardOnStage.NO_QUOTE);
        Tooltip hover = (Tooltip) pending.getProperties().get("javafx.scene.control.Tooltip");
        assertThat(hover.getText()).isEqualTo(BoardOnStage.NO_QUOTE);
        assertThat(robot.lookup("#column-canceled").query().getStyleClass()).contains(ColumnView.LIT);

        robot.interact(() -> view.model().dragEnded());
        assertThat(pending.getStyleClass()).doesNotContain(ColumnView.LOCKED);
        assertThat(robot.lookup("#column-payment_pending ." + ColumnView.LOCK).query().isVisible()).isFalse();
        assertThat(pending.getProperties().get("javafx.scene.control.Tooltip")).isNull();
    }

    @Test
    void theMoveMenuOffersOnlyThePersonsEventsAndALockedOneSaysWhyInsteadOfMoving(FxRobot robot) throws Exception {
        long id = bookingWithoutQuote("Sound bath for Ada");
        frontDeskMayNotFire("client_declined_quote");
        BoardView view = show(robot, theo);
        robot.interact(view::focusFirstCard);

        robot.type(KeyCode.M);
        settle(view);

        assertThat(BoardOnStage.menuItemIds(robot)).as("declining is not theo's to fire")
                .containsExactly("move-deposit_accepted", "move-client_accepted_quote"); // the definition's order
        MenuItem accept = BoardOnStage.menuItem(robot, "move-client_accepted_quote");
        assertThat(accept.getStyleClass()).contains(BoardView.LOCKED_MOVE);
        assertThat(accept.getGraphic()).isNotNull();
        assertThat(BoardOnStage.menuItem(robot, "move-deposit_accepted").getStyleClass()).doesNotContain(BoardView.LOCKED_MOVE);

        robot.interact(accept::fire);
        settle(view);
        assertThat(view.model().feedbackProperty().get().message()).isEqualTo(BoardOnStage.NO_QUOTE);
        assertThat(store.service.check(id, theo)).extracting(MoveCheck::verdict).contains(MoveCheck.Verdict.LOCKED);
        assertThat(view.model().column("quote_provided").orElseThrow().countProperty().get()).as("nothing moved").isEqualTo(1);
    }

    @Test
    void thePickerShowsALockedEventButOnlyLetsThePersonChooseOneThatWillGo(FxRobot robot) throws Exception {
        long id = bookingWithoutQuote("Couples massage");
        BoardView view = show(robot, theo);

        robot.drag("Couples massage").dropTo("#column-payment_pending");
        settle(view);

        DialogPane picker = robot.lookup("#" + EventPicker.ID).queryAs(DialogPane.class);
        @SuppressWarnings("unchecked")
        ListView<MoveCheck> list = robot.lookup("#" + EventPicker.ID + " .list-view").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(m -> m.transition().event(), MoveCheck::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple("deposit_accepted", MoveCheck.Verdict.OPEN),
                org.assertj.core.groups.Tuple.tuple("client_accepted_quote", MoveCheck.Verdict.LOCKED));
        assertThat(list.getSelectionModel().getSelectedItem().transition().event()).as("the one that will go").isEqualTo("deposit_accepted");
        robot.interact(() -> list.getSelectionModel().select(1));
        assertThat(picker.lookupButton(ButtonType.OK).isDisabled()).as("a locked event cannot be chosen").isTrue();
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("OK");
        settle(view);

        assertThat(view.model().column("payment_pending").orElseThrow().countProperty().get()).isEqualTo(1);
        assertThat(store.service.check(id, theo)).as("it is in payment_pending now: its events are those from there")
                .extracting(m -> m.transition().from()).containsOnly("payment_pending");
    }

    @Test
    void whenTheRightsLeaveOneOfTwoEventsTheDropFiresItWithoutAsking(FxRobot robot) throws Exception {
        long id = bookingWithoutQuote("Breathwork class");
        frontDeskMayNotFire("client_accepted_quote");
        BoardView view = show(robot, theo);

        robot.drag("Breathwork class").dropTo("#column-payment_pending");
        settle(view);

        assertThat(robot.lookup("#" + EventPicker.ID).tryQuery()).as("nothing to choose").isEmpty();
        assertThat(view.model().column("payment_pending").orElseThrow().countProperty().get()).isEqualTo(1);
        assertThat(store.service.check(id, theo)).extracting(m -> m.transition().from()).containsOnly("payment_pending");
    }


}
