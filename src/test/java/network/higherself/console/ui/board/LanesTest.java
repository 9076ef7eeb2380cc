package network.higherself.console.ui.board;

import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Card;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.WorkflowRights;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.CardSummary;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.workflow.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Swimlanes (issue 13 point 9): rows by assignee, counted, folded and remembered; a drag across lanes edits the field. */
@FxTest
class LanesTest {

    @TempDir
    Path dir;

    private TestStore store;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private final Actor amara = Actor.staff("amara", Role.ADMINISTRATOR);
    private final Actor theo = Actor.staff("theo", Role.FRONT_DESK);
    private Stage stage;
    /** The board's layout as the window keeps it, by key. */
    private final Map<String, String> settings = new HashMap<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        store = new TestStore(dir);
        store.staff("amara", Role.ADMINISTRATOR);
        store.staff("theo", Role.FRONT_DESK);
        BoardOnStage.prepare(stage, 1500, 900);
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    /** A booking assigned to {@code assignee} (null: nobody), moved to {@code consultation} when asked. */
    private long booking(String title, String assignee, boolean consultation) {
        long id = ((Outcome.Done) store.service.create(Booking.WORKFLOW, title, amara,
                (card, refs) -> Card.ASSIGNEE.set(card, assignee))).cardId();
        if (consultation) {
            assertThat(store.service.move(MoveRequest.byEvent(id, "consultation_scheduled", amara)).isDone()).isTrue();
        }
        return id;
    }

    /** The bookings' board as {@code actor} sees it, its layout restored from and kept in {@link #settings}. */
    private BoardView show(FxRobot robot, Actor actor) throws InterruptedException {
        Workflow w = store.workflows.get(Booking.WORKFLOW);
        return BoardOnStage.show(robot, stage, () -> {
            BoardViewModel model = new BoardViewModel(w, store.service, store.limits,
                    new CardQueries(store.db.dataSource()), executor, () -> actor, () -> store.service.rightsOf(actor),
                    store.clock);
            model.layout().restore(settings::get);
            model.layout().onChange(settings::put);
            return model;
        });
    }

    private void settle(BoardView view) throws Exception {
        BoardOnStage.settle(executor, view);
    }

    /** Chooses "View > Lanes > {@code item}". */
    private static void lanesBy(FxRobot robot, String item) {
        robot.clickOn("#" + BoardView.VIEW_ID);
        robot.clickOn("#" + BoardView.LANES_ID);
        robot.clickOn("#" + item);
    }

    private BoardView byAssignee(FxRobot robot, BoardView view) throws Exception {
        lanesBy(robot, "lanes-assignee");
        settle(view);
        return view;
    }

    private CardSummary card(long id) {
        return new CardQueries(store.db.dataSource()).card(id).orElseThrow();
    }

    /** How many audit entries the card has. */
    private int auditEntries(long id) throws Exception {
        try (Connection c = store.db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_entry WHERE card_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static List<String> lanes(BoardView view) {
        return view.laneViews().stream().map(l -> l.lane().label() + " " + l.lane().countProperty().get()).toList();
    }

    @Test
    void lanesByAssigneeShowARowPerPersonWithItsCountAndACountPerCell(FxRobot robot) throws Exception {
        booking("Sound bath", "amara", false);
        booking("Reiki session", "amara", true);
        booking("Massage", "amara", true);
        booking("Yoga retreat", "theo", false);
        booking("Breathwork", null, true);
        BoardView view = byAssignee(robot, show(robot, amara));

        assertThat(lanes(view)).containsExactly("amara 3", "theo 1", "Unassigned 1");
        assertThat(view.laneCell("amara", "consultation").orElseThrow().list().getItems())
                .extracting(CardSummary::title).containsExactlyInAnyOrder("Reiki session", "Massage");
        assertThat(view.laneCell("amara", "inquiry").orElseThrow().list().getItems())
                .extracting(CardSummary::title).containsExactly("Sound bath");
        assertThat(view.laneCell("Unassigned", "consultation").orElseThrow().list().getItems())
                .extracting(CardSummary::title).containsExactly("Breathwork");
        assertThat(robot.lookup(".lane-header .column-count").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).containsExactly("3", "1", "1");
        assertThat(view.model().column("consultation").orElseThrow().countProperty().get())
                .as("the column's header counts every lane").isEqualTo(3);
        assertThat(robot.lookup(".board-column").queryAll()).as("the columns' headers stay, one per state").hasSize(12);

        // a search narrows the lanes' counts too
        robot.interact(() -> view.model().searchProperty().set("Reiki"));
        settle(view);
        assertThat(lanes(view)).containsExactly("amara 1", "Unassigned 0");
    }

    @Test
    void theLaneChoiceAndAFoldedLaneAreRememberedWhenTheBoardOpensAgain(FxRobot robot) throws Exception {
        booking("Sound bath", "amara", false);
        booking("Yoga retreat", "theo", false);
        BoardView view = byAssignee(robot, show(robot, amara));
        assertThat(view.laneCell("theo", "inquiry")).isPresent();

        robot.clickOn(view.laneViews().get(1).lookup(".lane-header .button"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.laneCell("theo", "inquiry")).as("folded to its name").isEmpty();
        assertThat(settings).containsEntry(BoardLayout.LANES, "assignee")
                .containsEntry(BoardLayout.COLLAPSED_LANES, "assignee%3A%3Dtheo");

        BoardView again = show(robot, amara);
        settle(again);
        assertThat(lanes(again)).containsExactly("amara 1", "theo 1", "Unassigned 0");
        assertThat(again.laneViews().get(1).getStyleClass()).contains(LaneView.FOLDED);
        assertThat(again.laneCell("theo", "inquiry")).isEmpty();
        assertThat(again.laneCell("amara", "inquiry").orElseThrow().list().getItems()).extracting(CardSummary::title)
                .containsExactly("Sound bath");
        assertThat(again.model().laneField()).map(f -> f.label()).contains("Assignee");

        lanesBy(robot, "lanes-none");
        settle(again);
        assertThat(again.laneViews()).isEmpty();
        assertThat(robot.lookup("#cards-inquiry").queryListView().getItems()).hasSize(2);
        assertThat(settings).containsEntry(BoardLayout.LANES, "");
    }

    @Test
    void aDragToAnotherColumnInAnotherLaneMovesTheCardAndChangesItsAssignee(FxRobot robot) throws Exception {
        long id = booking("Sound bath", "amara", false);
        booking("Yoga retreat", "theo", true);
        BoardView view = byAssignee(robot, show(robot, amara));
        int before = auditEntries(id);

        robot.drag("Sound bath").dropTo(view.laneCell("theo", "consultation").orElseThrow().node());
        settle(view);

        assertThat(card(id).state()).isEqualTo("consultation");
        assertThat(card(id).assignee()).isEqualTo("theo");
        assertThat(auditEntries(id)).as("a move and an edit, each audited").isEqualTo(before + 2);
        assertThat(view.laneCell("theo", "consultation").orElseThrow().list().getItems()).extracting(CardSummary::title)
                .containsExactlyInAnyOrder("Sound bath", "Yoga retreat");
        assertThat(view.model().feedbackProperty().get().message()).contains("moved to Consultation, assignee set to theo");

        // within its column, to another lane: the assignee alone changes
        robot.drag("Sound bath").dropTo(view.laneCell("Unassigned", "consultation").orElseThrow().node());
        settle(view);
        assertThat(card(id).state()).isEqualTo("consultation");
        assertThat(card(id).assignee()).isNull();
        assertThat(auditEntries(id)).isEqualTo(before + 3);
        assertThat(lanes(view)).containsExactly("theo 1", "Unassigned 1");
    }

    @Test
    void underACollapsedColumnALanesCellIsANarrowCountThatStillTakesADropAndTheCellsKeepTheColumnsWidths(FxRobot robot)
            throws Exception {
        long id = booking("Sound bath", "amara", false);
        booking("Yoga retreat", "theo", true);
        BoardView view = byAssignee(robot, show(robot, amara));
        robot.clickOn("#collapse-consultation");
        WaitForAsyncUtils.waitForFxEvents();

        LaneView.CellView theos = view.laneCell("theo", "consultation").orElseThrow();
        assertThat(theos.list()).as("no list under a collapsed column").isNull();
        javafx.scene.Node strip = robot.lookup("#column-consultation").query();
        assertThat(theos.node().getWidth()).as("as narrow as the column's strip").isEqualTo(strip.getBoundsInParent().getWidth())
                .isLessThan(60);
        javafx.scene.Node inquiry = robot.lookup("#column-inquiry").query();
        LaneView.CellView amaras = view.laneCell("amara", "inquiry").orElseThrow();
        assertThat(amaras.node().localToScene(amaras.node().getBoundsInLocal()).getMinX())
                .as("aligned with its column's header").isEqualTo(inquiry.localToScene(inquiry.getBoundsInLocal()).getMinX());

        robot.drag("Sound bath").dropTo(theos.node());
        settle(view);
        assertThat(card(id).state()).isEqualTo("consultation");
        assertThat(card(id).assignee()).isEqualTo("theo");
        assertThat(robot.lookup(".lane-cell .column-count").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).as("each lane's count under the strip").contains("2");

        robot.clickOn("#" + BoardView.FIT_ID); // the whole workflow: the cells follow the columns' new widths
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node followUp = robot.lookup("#column-follow_up").query();
        LaneView.CellView cell = view.laneCell("theo", "follow_up").orElseThrow();
        assertThat(cell.node().getWidth()).isEqualTo(followUp.getBoundsInParent().getWidth());
        assertThat(cell.node().localToScene(cell.node().getBoundsInLocal()).getMinX())
                .isEqualTo(followUp.localToScene(followUp.getBoundsInLocal()).getMinX());
    }

    @Test
    void withoutTheRightToEditTheCardMovesButKeepsItsAssigneeAndThePersonIsToldWhy(FxRobot robot) throws Exception {
        // front desk may fire every event on the bookings board, but not edit a booking
        Outcome o = store.roleRights.set(Actor.system(), Role.FRONT_DESK, Booking.WORKFLOW,
                new WorkflowRights(true, true, false, true, Set.of()));
        assertThat(o.isDone()).as(o.message()).isTrue();
        long id = booking("Sound bath", "amara", false);
        long other = booking("Yoga retreat", "theo", true);
        BoardView view = byAssignee(robot, show(robot, theo));
        int before = auditEntries(id);

        robot.drag("Sound bath").dropTo(view.laneCell("theo", "consultation").orElseThrow().node());
        settle(view);

        assertThat(card(id).state()).as("the move is theo's to make").isEqualTo("consultation");
        assertThat(card(id).assignee()).as("the edit is not").isEqualTo("amara");
        assertThat(auditEntries(id)).as("the move alone is audited").isEqualTo(before + 1);
        Feedback told = view.model().feedbackProperty().get();
        assertThat(told.kind()).isEqualTo(Feedback.Kind.REFUSED);
        assertThat(told.title()).isEqualTo("Moved, assignee not changed");
        assertThat(told.message()).contains("'Sound bath' moved to Consultation, but its assignee was not changed:")
                .contains("may not edit cards on Wellness bookings");
        assertThat(view.laneCell("amara", "consultation").orElseThrow().list().getItems()).extracting(CardSummary::title)
                .containsExactly("Sound bath");

        // within its column, to another lane: refused in words, nothing written
        int otherBefore = auditEntries(other);
        long version = card(other).version();
        robot.drag("Yoga retreat").dropTo(view.laneCell("Unassigned", "consultation").orElseThrow().node());
        settle(view);
        assertThat(card(other).assignee()).isEqualTo("theo");
        assertThat(card(other).version()).isEqualTo(version);
        assertThat(auditEntries(other)).isEqualTo(otherBefore);
        told = view.model().feedbackProperty().get();
        assertThat(told.title()).isEqualTo("Assignee not changed");
        assertThat(told.message()).startsWith("'Yoga retreat' keeps its assignee: ").contains("may not edit cards");
    }

    @Test
    void theKeyboardGoesAcrossTheColumnsOfALaneAndDownIntoTheNextLaneAndMovesTheCard(FxRobot robot) throws Exception {
        booking("Sound bath", "amara", false);
        booking("Reiki session", "amara", true);
        long massage = booking("Massage", "theo", true);
        BoardView view = byAssignee(robot, show(robot, amara));

        robot.interact(view::focusFirstCard);
        assertThat(focused(robot)).isEqualTo("Sound bath");
        robot.type(KeyCode.RIGHT);
        assertThat(focused(robot)).as("the next column of the same lane").isEqualTo("Reiki session");
        robot.type(KeyCode.DOWN);
        assertThat(focused(robot)).as("past the cell's last card: the lane below, same column").isEqualTo("Massage");
        robot.type(KeyCode.UP);
        assertThat(focused(robot)).isEqualTo("Reiki session");
        robot.type(KeyCode.DOWN);

        robot.type(KeyCode.M);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> BoardOnStage.menuItemIds(robot).contains("move-consultation_completed"));
        robot.clickOn(BoardOnStage.menuItem(robot, "move-consultation_completed").getText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#field-quote").tryQuery().isPresent());
        robot.clickOn("#field-quote").write("80");
        robot.clickOn("#" + network.higherself.console.ui.card.EventInputForm.OK_ID);
        settle(view);
        assertThat(card(massage).state()).isEqualTo("quote_provided");
        assertThat(card(massage).assignee()).as("a move by keyboard keeps the card's lane").isEqualTo("theo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Massage".equals(focused(robot)));
        ListView<?> cell = view.laneCell("theo", "quote_provided").orElseThrow().list();
        assertThat(cell.isFocused()).as("the moved card has the focus, in its lane").isTrue();
    }

    /** The title of the card that has the keyboard focus, or null. */
    @SuppressWarnings("unchecked")
    private static String focused(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node owner = robot.listTargetWindows().get(0).getScene().getFocusOwner();
        if (owner instanceof ListView<?> list && list.getFocusModel().getFocusedItem() instanceof CardSummary c) {
            return c.title();
        }
        return null;
    }
}
