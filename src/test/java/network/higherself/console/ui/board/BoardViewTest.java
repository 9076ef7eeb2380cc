package network.higherself.console.ui.board;

import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import network.higherself.console.card.Booking;
import network.higherself.console.move.CardChange;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.CardSummary;
import network.higherself.console.ui.card.EventInputForm;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.FxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The boards as a person uses them: dragging, the keyboard, search and limits, checked in the database. */
@FxTest
class BoardViewTest {

    @TempDir
    Path dir;

    private TestStore store;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private final Actor lucia = Actor.staff("amara", Role.ADMINISTRATOR); // board mechanics here; rights have their own tests
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        // WF-SFTR-PUB gets a second way from draft to internal review, so that a drop there needs a choice
        store = BoardOnStage.storeWithSecondWay(dir, stage, "WF-SFTR-PUB", "draft", "internal_review", "fast_tracked");
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    private BoardView show(FxRobot robot, String workflowId) throws InterruptedException {
        return BoardOnStage.show(robot, stage, store, executor, workflowId, lucia);
    }

    private long create(String workflowId, String title, CardChange fields, String... events) {
        long id = ((Outcome.Done) store.service.create(workflowId, title, lucia, fields)).cardId();
        for (String e : events) {
            Outcome o = store.service.move(MoveRequest.byEvent(id, e, Actor.staff("jonas", Role.MANAGER)));
            assertThat(o.isDone()).as(o.message()).isTrue();
        }
        return id;
    }

    private String stateOf(long id) throws SQLException {
        try (Connection c = store.db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state FROM card WHERE id = ?")) {
            ps.setLong(1, id);
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getString(1);
        }
    }

    private void settle(BoardView view) throws Exception {
        BoardOnStage.settle(executor, view);
    }

    /**
     * On a narrow board (1,200 pixels) no button's text is cut to "...": each of the toolbar's buttons is shown whole or
     * is in its overflow menu (»), whose button then shows; a wide board (1,600) shows them all.
     */
    @Test
    void theToolbarsButtonsAreShownWholeOrInItsOverflowMenu(FxRobot robot) throws Exception {
        BoardView view = show(robot, "WF-SFTR-PUB"); // the longest board name and "New interface release"
        robot.interact(() -> view.onDataMenu(List::of)); // the CSV menu, as the window gives it
        javafx.scene.control.ToolBar tools = robot.lookup(".board-tools").queryAs(javafx.scene.control.ToolBar.class);
        List<javafx.scene.control.ButtonBase> buttons = new java.util.ArrayList<>(tools.getItems().stream()
                .filter(javafx.scene.control.ButtonBase.class::isInstance).map(javafx.scene.control.ButtonBase.class::cast).toList());
        buttons.add(robot.lookup("#new-card").queryAs(javafx.scene.control.ButtonBase.class));
        assertThat(buttons).extracting(javafx.scene.control.ButtonBase::getText).contains("Whole workflow", "Mine", "Overdue",
                "High priority", "View", "Workflow and charts", "Data", "New interface release");
        for (double width : new double[]{1600, 1200}) {
            robot.interact(() -> stage.setWidth(width));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> overflowed = new java.util.ArrayList<>();
            for (javafx.scene.control.ButtonBase b : buttons) {
                if (isOnShow(b, tools)) {
                    assertThat(b.getWidth()).as("'%s' shown whole at %s", b.getText(), width).isGreaterThanOrEqualTo(b.prefWidth(-1) - 0.5);
                } else {
                    overflowed.add(b.getText());
                }
            }
            javafx.scene.Node more = tools.lookup(".tool-bar-overflow-button");
            assertThat(more != null && more.isVisible()).as("the overflow button at %s", width).isEqualTo(!overflowed.isEmpty());
            if (width == 1600) {
                assertThat(overflowed).as("all shown on a wide board").isEmpty();
            } else {
                assertThat(overflowed).as("some go into the overflow menu on a narrow one").isNotEmpty()
                        .doesNotContain("New interface release");
            }
        }
        javafx.scene.control.TextField search = robot.lookup("#" + BoardView.SEARCH_ID).queryAs(javafx.scene.control.TextField.class);
        assertThat(search.getWidth()).as("the search field gives way, but stays usable").isEqualTo(140.0);
        assertThat(view.getWidth()).isEqualTo(1200.0);
        assertThat(network.higherself.console.ui.common.CutShort.under(view)).isEmpty();
    }

    /** Whether {@code b} is laid out in the toolbar's row (not moved into its overflow menu). */
    private static boolean isOnShow(javafx.scene.control.ButtonBase b, javafx.scene.control.ToolBar tools) {
        if (b.getScene() == null || !b.isVisible()) {
            return false;
        }
        javafx.scene.Node n = b;
        while (n != null && n != tools) {
            n = n.getParent();
        }
        return n == tools || !tools.getItems().contains(b);
    }

    @Test
    void aLegalDragMovesTheCardAndSavesIt(FxRobot robot) throws Exception {
        long id = create("WF-GALLERY-EXH", "Tidelines", null);
        BoardView view = show(robot, "WF-GALLERY-EXH");

        robot.drag("Tidelines").dropTo("#column-artist_selection");
        settle(view);

        assertThat(stateOf(id)).isEqualTo("artist_selection");
        ListView<CardSummary> column = robot.lookup("#cards-artist_selection").queryListView();
        assertThat(column.getItems()).extracting(CardSummary::title).containsExactly("Tidelines");
        assertThat(view.model().column("concept").orElseThrow().countProperty().get()).isZero();
    }

    @Test
    void anIllegalDragLeavesTheCardAndSaysWhy(FxRobot robot) throws Exception {
        long id = create("WF-GALLERY-EXH", "Paper Cities", null);
        BoardView view = show(robot, "WF-GALLERY-EXH");

        robot.drag("Paper Cities").dropTo("#column-planning");
        settle(view);

        assertThat(stateOf(id)).isEqualTo("concept");
        Feedback f = view.model().feedbackProperty().get();
        assertThat(f.kind()).isEqualTo(Feedback.Kind.REFUSED);
        assertThat(f.message()).isEqualTo("No event leads from Concept to Planning. "
                + "An exhibition in Concept can go to Artist selection (by \u201cConcept approved\u201d).");
        ListView<CardSummary> home = robot.lookup("#cards-concept").queryListView();
        assertThat(home.getItems()).extracting(CardSummary::title).containsExactly("Paper Cities");
    }

    @Test
    void whileDraggingOnlyTheLegalColumnsAreLit(FxRobot robot) throws Exception {
        create("WF-WELL-BOOK", "Sound bath", (card, refs) -> Booking.QUOTE.set(card, new BigDecimal("40.00")),
                "consultation_scheduled", "consultation_completed");
        BoardView view = show(robot, "WF-WELL-BOOK");
        CardSummary card = view.model().column("quote_provided").orElseThrow().cards().get(0);

        robot.interact(() -> view.model().dragStarted(card));

        assertThat(robot.lookup(".column-lit").queryAll().stream().map(javafx.scene.Node::getId).toList())
                .containsExactlyInAnyOrder("column-payment_pending", "column-canceled");
        assertThat(robot.lookup(".column-dimmed").queryAll()).hasSize(9);
        robot.interact(() -> view.model().dragEnded());
        assertThat(robot.lookup(".column-lit").queryAll()).isEmpty();
    }

    @Test
    void whenTwoEventsLeadToTheColumnThePersonPicksOne(FxRobot robot) throws Exception {
        long id = create("WF-SFTR-PUB", "Members' area", null);
        BoardView view = show(robot, "WF-SFTR-PUB");

        robot.drag("Members' area").dropTo("#column-internal_review");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#" + EventPicker.ID).tryQuery()).isPresent();
        robot.clickOn("Fast tracked");
        robot.clickOn("OK");
        settle(view);

        assertThat(stateOf(id)).isEqualTo("internal_review");
        try (Connection c = store.db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT event FROM audit_entry WHERE card_id = ? AND action = 'MOVED'")) {
            ps.setLong(1, id);
            ResultSet rs = ps.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("fast_tracked");
        }
    }

    @Test
    void aGuardRefusalPutsTheCardBackWithTheReason(FxRobot robot) throws Exception {
        long id = create("WF-WELL-BOOK", "Reiki session", (card, refs) -> Booking.QUOTE.set(card, new BigDecimal("70.00")),
                "consultation_scheduled", "consultation_completed");
        store.service.edit(id, null, lucia, (card, refs) -> Booking.QUOTE.set(card, null));
        BoardView view = show(robot, "WF-WELL-BOOK");

        robot.drag("Reiki session").dropTo("#column-payment_pending");
        settle(view);

        assertThat(stateOf(id)).isEqualTo("quote_provided");
        assertThat(view.model().feedbackProperty().get().message())
                .isEqualTo("A quote is needed before the client can accept it: enter the quoted amount first.");
        ListView<CardSummary> home = robot.lookup("#cards-quote_provided").queryListView();
        assertThat(home.getItems()).extracting(CardSummary::title).containsExactly("Reiki session");
    }

    @Test
    void anEventThatNeedsInputAsksForItBeforeMoving(FxRobot robot) throws Exception {
        long id = create("WF-WELL-BOOK", "Couples massage", null, "consultation_scheduled");
        BoardView view = show(robot, "WF-WELL-BOOK");

        robot.drag("Couples massage").dropTo("#column-quote_provided");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#" + EventInputForm.DIALOG_ID).tryQuery()).as("the form asks for the quote").isPresent();

        robot.clickOn("#field-quote").write("eighty");
        robot.clickOn("#" + EventInputForm.OK_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#field-quote-problem").queryLabeled().getText())
                .contains("'eighty' is not an amount");
        assertThat(stateOf(id)).as("nothing moves while the input is wrong").isEqualTo("consultation");

        robot.doubleClickOn("#field-quote").eraseText(6).write("85");
        robot.clickOn("#" + EventInputForm.OK_ID);
        settle(view);

        assertThat(stateOf(id)).isEqualTo("quote_provided");
        try (Connection c = store.db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT quote FROM card WHERE id = ?")) {
            ps.setLong(1, id);
            ResultSet rs = ps.executeQuery();
            rs.next();
            assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("85.00");
        }
    }

    @Test
    void theKeyboardMovesACard(FxRobot robot) throws Exception {
        long id = create("WF-GALLERY-EXH", "Salt and Silver", null);
        create("WF-GALLERY-EXH", "Night Garden", null, "concept_approved");
        BoardView view = show(robot, "WF-GALLERY-EXH");
        robot.interact(view::focusFirstCard);

        robot.type(KeyCode.M);
        settle(view); // the menu shows once the pipeline has said what the card's events meet
        assertThat(robot.listWindows().stream().filter(w -> w instanceof javafx.scene.control.ContextMenu)
                .flatMap(w -> ((javafx.scene.control.ContextMenu) w).getItems().stream()).map(javafx.scene.control.MenuItem::getId))
                .as("the Move via… menu lists the legal event").contains("move-concept_approved");
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        settle(view);

        assertThat(stateOf(id)).isEqualTo("artist_selection");

        // arrows move the focus between columns; Enter on a card opens it (here: nothing to open)
        robot.interact(view::focusFirstCard);
        robot.type(KeyCode.RIGHT);
        ListView<CardSummary> next = robot.lookup("#cards-artist_selection").queryListView();
        assertThat(next.isFocused()).isTrue();
    }

    @Test
    void searchFiltersTheColumns(FxRobot robot) throws Exception {
        create("WF-GALLERY-EXH", "Light & Shadow", null);
        create("WF-GALLERY-EXH", "Tidelines", null);
        create("WF-GALLERY-EXH", "Second Nature", null, "concept_approved");
        BoardView view = show(robot, "WF-GALLERY-EXH");

        robot.clickOn("#" + BoardView.SEARCH_ID).write("tide");
        settle(view);

        ListView<CardSummary> concept = robot.lookup("#cards-concept").queryListView();
        assertThat(concept.getItems()).extracting(CardSummary::title).containsExactly("Tidelines");
        assertThat(view.model().column("artist_selection").orElseThrow().countProperty().get()).isZero();

        robot.type(KeyCode.ESCAPE);
        settle(view);
        assertThat(view.model().column("concept").orElseThrow().countProperty().get()).isEqualTo(2);
        assertThat(view.model().column("artist_selection").orElseThrow().countProperty().get()).isEqualTo(1);
    }

    @Test
    void aHardLimitRefusesAMoveOverIt(FxRobot robot) throws Exception {
        create("WF-GALLERY-EXH", "Night Garden", null, "concept_approved");
        long id = create("WF-GALLERY-EXH", "Weathered Forms", null);
        assertThat(store.limits.set("WF-GALLERY-EXH", "artist_selection", 1, true, lucia).isDone()).isTrue();
        BoardView view = show(robot, "WF-GALLERY-EXH");
        assertThat(robot.lookup("#column-artist_selection .column-count").queryLabeled().getText()).isEqualTo("1 / 1 max");

        robot.drag("Weathered Forms").dropTo("#column-artist_selection");
        settle(view);

        assertThat(stateOf(id)).isEqualTo("concept");
        assertThat(view.model().feedbackProperty().get().message())
                .isEqualTo("Artist selection is at its limit of 1 cards: move a card out of it first, or raise the column's limit.");
    }

    @Test
    void aSoftLimitTurnsTheColumnAmber(FxRobot robot) throws Exception {
        create("WF-GALLERY-EXH", "Night Garden", null);
        create("WF-GALLERY-EXH", "Tidelines", null);
        assertThat(store.limits.set("WF-GALLERY-EXH", "concept", 1, false, lucia).isDone()).isTrue();
        show(robot, "WF-GALLERY-EXH");
        assertThat(robot.lookup("#column-concept").query().getStyleClass()).contains(ColumnView.OVER_LIMIT);
        assertThat(robot.lookup("#column-planning").query().getStyleClass()).doesNotContain(ColumnView.OVER_LIMIT);
    }

    @Test
    void cardsCanBeReorderedWithinAColumn(FxRobot robot) throws Exception {
        create("WF-GALLERY-EXH", "First", null);
        create("WF-GALLERY-EXH", "Second", null);
        create("WF-GALLERY-EXH", "Third", null);
        BoardView view = show(robot, "WF-GALLERY-EXH");

        robot.drag("Third").dropTo("First");
        settle(view);

        ListView<CardSummary> concept = robot.lookup("#cards-concept").queryListView();
        assertThat(concept.getItems()).extracting(CardSummary::title).containsExactly("Third", "First", "Second");
        assertThat(new CardQueries(store.db.dataSource()).firstPage("WF-GALLERY-EXH", "concept", 10))
                .extracting(CardSummary::title).containsExactly("Third", "First", "Second");

        // the keyboard does the same: Ctrl+Down moves the selected card one place down
        robot.interact(view::focusFirstCard);
        robot.press(KeyCode.CONTROL).press(KeyCode.DOWN).release(KeyCode.DOWN).release(KeyCode.CONTROL);
        settle(view);
        assertThat(new CardQueries(store.db.dataSource()).firstPage("WF-GALLERY-EXH", "concept", 10))
                .extracting(CardSummary::title).containsExactly("First", "Third", "Second");
    }

}
