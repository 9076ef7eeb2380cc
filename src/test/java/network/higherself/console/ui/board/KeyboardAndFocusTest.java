package network.higherself.console.ui.board;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardSummary;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.common.Png;
import network.higherself.console.workflow.Workflow;
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
 * The keyboard on a board: after a move by keyboard or once a card's dialog closed, the moved card has the focus (the
 * next key acts on it at once); several cards of a column are selected with Shift/Ctrl and the arrows, and move
 * together, each checked by the card service, a refusal naming the card and why.
 */
@FxTest
class KeyboardAndFocusTest {


    @TempDir
    Path dir;

    private TestStore store;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
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

    private BoardView show(FxRobot robot, CardOpener opener) throws InterruptedException {
        return BoardOnStage.showBookings(robot, stage, store, executor, amara, opener);
    }

    private BoardView show(FxRobot robot) throws InterruptedException {
        return show(robot, BoardOnStage.NO_OPENER);
    }

    private long booking(String title, String quote) {
        return BoardOnStage.bookingInQuoteProvided(store, amara, title, quote != null);
    }

    private void settle(BoardView view) throws Exception {
        BoardOnStage.settle(executor, view);
    }

    /** The card that has the keyboard focus: the focused list's selected card, or null when no list has it. */
    private static CardSummary focusedCard(BoardView view) {
        Node owner = view.getScene().getFocusOwner();
        if (!(owner instanceof ListView<?> list) || !list.getStyleClass().contains("column-cards")) {
            return null;
        }
        @SuppressWarnings("unchecked")
        ListView<CardSummary> cards = (ListView<CardSummary>) list;
        return cards.getSelectionModel().getSelectedItems().size() == 1 ? cards.getSelectionModel().getSelectedItem() : null;
    }

    /** Whether the whole column {@code query} is within the board's visible part. */
    private static boolean inSight(FxRobot robot, BoardView view, String query) {
        javafx.geometry.Bounds column = robot.lookup(query).query().localToScene(robot.lookup(query).query().getBoundsInLocal());
        javafx.geometry.Bounds board = view.getCenter().localToScene(view.getCenter().getBoundsInLocal());
        return column.getMinX() >= board.getMinX() && column.getMaxX() <= board.getMaxX();
    }

    private static long selectedOnBoard(BoardView view) {
        return view.lookupAll(".column-cards").stream().map(n -> (ListView<?>) n)
                .mapToLong(l -> l.getSelectionModel().getSelectedIndices().size()).sum();
    }

    @Test
    void afterAMoveByKeyboardTheMovedCardHasTheFocusAndMWorksOnItAtOnce(FxRobot robot) throws Exception {
        long id = booking("Sound bath for Ada", "70.00");
        BoardView view = show(robot);
        robot.interact(() -> stage.setWidth(900)); // Payment pending, where the card goes, is off screen
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inSight(robot, view, "#column-payment_pending")).isFalse();
        robot.interact(view::focusFirstCard);

        robot.type(KeyCode.M);
        settle(view);
        assertThat(BoardOnStage.menuItemIds(robot)).contains("move-deposit_accepted", "move-client_accepted_quote");
        choose(robot, "move-client_accepted_quote");
        settle(view);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> focusedCard(view) != null);

        CardSummary focused = focusedCard(view);
        assertThat(focused.id()).isEqualTo(id);
        assertThat(focused.state()).as("it has the focus where it went").isEqualTo("payment_pending");
        assertThat(selectedOnBoard(view)).as("one card selected on the board").isEqualTo(1);
        assertThat(inSight(robot, view, "#column-payment_pending")).as("the board scrolled to its column").isTrue();

        // no arrow first: M acts on the moved card, offering the moves from its new column
        robot.type(KeyCode.M);
        settle(view);
        assertThat(BoardOnStage.menuItemIds(robot)).contains("move-payment_received").doesNotContain("move-client_accepted_quote");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void onceTheCardsDialogClosesTheCardHasTheFocusWhereItIsNow(FxRobot robot) throws Exception {
        long other = booking("Breathwork class", "70.00");
        long id = booking("Couples massage", "70.00");
        Alert[] dialog = new Alert[1];
        BoardView view = show(robot, new CardOpener() {
            @Override
            public void open(Window owner, long cardId, Runnable then) {
                // the card's dialog: while it is open the card may be moved (its move form); closing it runs then
                dialog[0] = new Alert(Alert.AlertType.INFORMATION, "Card " + cardId, ButtonType.CLOSE);
                dialog[0].initOwner(owner);
                dialog[0].setOnHidden(e -> then.run());
                dialog[0].show();
            }

            @Override
            public void create(Window owner, Workflow workflow, Runnable then) {
            }
        });
        robot.clickOn("Couples massage");
        assertThat(focusedCard(view).id()).isEqualTo(id);

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog[0]).isNotNull();
        assertThat(dialog[0].isShowing()).isTrue();
        Outcome moved = store.service.move(MoveRequest.byEvent(id, "deposit_accepted", amara));
        assertThat(moved.isDone()).as(moved.message()).isTrue();
        robot.interact(() -> dialog[0].close());
        settle(view);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> focusedCard(view) != null
                && "payment_pending".equals(focusedCard(view).state()));

        assertThat(focusedCard(view).id()).isEqualTo(id);
        assertThat(focusedCard(view).id()).isNotEqualTo(other);
        assertThat(selectedOnBoard(view)).isEqualTo(1);
    }

    @Test
    void shiftAndCtrlSelectSeveralCardsOfAColumnWhichMoveTogether(FxRobot robot) throws Exception {
        long a = booking("Reiki session", "70.00");
        long b = booking("Sound bath", "80.00");
        long c = booking("Yoga retreat", "90.00");
        long elsewhere = booking("Forest walk", "50.00");
        assertThat(store.service.move(MoveRequest.byEvent(elsewhere, "deposit_accepted", amara)).isDone()).isTrue();
        BoardView view = show(robot);
        Label count = robot.lookup("#" + BoardView.SELECTION_ID).queryAs(Label.class);

        robot.clickOn("Forest walk"); // a card of another column, selected first
        robot.clickOn("Reiki session");
        assertThat(selectedOnBoard(view)).as("one card at a time across the columns").isEqualTo(1);
        assertThat(count.isVisible()).isFalse();
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN, KeyCode.DOWN).release(KeyCode.SHIFT);
        assertThat(count.getText()).isEqualTo("3 cards selected");
        assertThat(count.isVisible()).isTrue();
        robot.press(KeyCode.CONTROL).clickOn("Sound bath").release(KeyCode.CONTROL);
        assertThat(count.getText()).as("Ctrl-click takes one out").isEqualTo("2 cards selected");
        robot.press(KeyCode.CONTROL).clickOn("Sound bath").release(KeyCode.CONTROL);
        assertThat(count.getText()).isEqualTo("3 cards selected");
        robot.clickOn("Reiki session");
        robot.press(KeyCode.SHIFT).clickOn("Yoga retreat").release(KeyCode.SHIFT);
        assertThat(count.getText()).as("Shift-click takes the range").isEqualTo("3 cards selected");
        assertThat(selectedCells(robot)).as("each selected card shows it")
                .containsExactlyInAnyOrder("Reiki session", "Sound bath", "Yoga retreat");
        save(view, "board-multi-select.png"); // looked at: the count in the toolbar, each selected card tinted

        robot.type(KeyCode.M);
        settle(view);
        choose(robot, "move-client_accepted_quote");
        settle(view);

        for (long id : List.of(a, b, c)) {
            assertThat(store.service.check(id, amara)).extracting(m -> m.transition().from()).containsOnly("payment_pending");
        }
        assertThat(view.model().column("payment_pending").orElseThrow().countProperty().get()).isEqualTo(4);
        assertThat(view.model().column("quote_provided").orElseThrow().countProperty().get()).isZero();
        assertThat(view.model().feedbackProperty().get().message()).isEqualTo("3 cards moved to Payment pending.");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> focusedCard(view) != null);
        assertThat(focusedCard(view).id()).isEqualTo(a);
    }

    @Test
    void aPartialRefusalNamesTheRefusedCardAndWhyAndTheOthersStayMoved(FxRobot robot) throws Exception {
        long a = booking("Reiki session", "70.00");
        long b = booking("Sound bath", null);
        long c = booking("Yoga retreat", "90.00");
        BoardView view = show(robot);

        robot.clickOn("Reiki session");
        robot.press(KeyCode.SHIFT).clickOn("Yoga retreat").release(KeyCode.SHIFT);
        robot.type(KeyCode.M);
        settle(view);
        MenuItem accept = BoardOnStage.menuItem(robot, "move-client_accepted_quote");
        assertThat(accept.getStyleClass()).as("it goes for two of the three").doesNotContain(BoardView.LOCKED_MOVE);
        choose(robot, "move-client_accepted_quote");
        settle(view);

        Feedback said = view.model().feedbackProperty().get();
        assertThat(said.kind()).isEqualTo(Feedback.Kind.REFUSED);
        assertThat(said.title()).isEqualTo("2 of 3 cards moved to Payment pending");
        assertThat(said.message()).isEqualTo("'Sound bath' was not moved: " + BoardOnStage.NO_QUOTE);
        assertThat(said.title() + said.message()).doesNotContain("payment_pending", "client_accepted_quote");
        for (long id : List.of(a, c)) {
            assertThat(store.service.check(id, amara)).extracting(m -> m.transition().from()).containsOnly("payment_pending");
        }
        assertThat(store.service.check(b, amara)).extracting(m -> m.transition().from()).containsOnly("quote_provided");
        assertThat(view.model().column("quote_provided").orElseThrow().countProperty().get()).isEqualTo(1);
    }

    @Test
    void draggingASelectionMovesAllOfIt(FxRobot robot) throws Exception {
        long a = booking("Reiki session", "70.00");
        long b = booking("Sound bath", "80.00");
        booking("Yoga retreat", "90.00");
        BoardView view = show(robot);

        robot.clickOn("Reiki session");
        robot.press(KeyCode.CONTROL).clickOn("Sound bath").release(KeyCode.CONTROL);
        robot.drag("Sound bath").dropTo("#column-payment_pending");
        settle(view);
        // two events lead there: the picker asks once, for both cards
        assertThat(robot.lookup("#" + EventPicker.ID).queryAs(javafx.scene.control.DialogPane.class).getHeaderText())
                .startsWith("Several events take '2 cards' to ");
        robot.clickOn("OK");
        settle(view);

        for (long id : List.of(a, b)) {
            assertThat(store.service.check(id, amara)).extracting(m -> m.transition().from()).containsOnly("payment_pending");
        }
        assertThat(view.model().column("payment_pending").orElseThrow().countProperty().get()).isEqualTo(2);
        assertThat(view.model().column("quote_provided").orElseThrow().countProperty().get()).as("Yoga retreat stays").isEqualTo(1);
    }

    private static void save(BoardView view, String name) throws Exception {
        java.util.concurrent.CompletableFuture<byte[]> png = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> png.complete(Png.encode(view.getScene().snapshot(null))));
        Path out = Path.of("target", "screenshots", name);
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.write(out, png.get(10, TimeUnit.SECONDS));
    }

    /** Chooses the menu item {@code id}, as a click does: it fires and the menu closes. */
    private static void choose(FxRobot robot, String id) {
        MenuItem item = BoardOnStage.menuItem(robot, id);
        robot.interact(() -> {
            item.getParentPopup().hide();
            item.fire();
        });
    }

    private static List<String> selectedCells(FxRobot robot) {
        return robot.lookup(".column-cards .list-cell").queryAll().stream().map(n -> (ListCell<?>) n)
                .filter(cell -> cell.isSelected() && cell.getItem() != null && cell.isVisible())
                .filter(cell -> cell.lookup("." + CardCell.CARD) != null)
                .map(cell -> ((CardSummary) cell.getItem()).title()).toList();
    }


}
