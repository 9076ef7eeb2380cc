package network.higherself.console.ui.shell;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.StaffQueries;
import network.higherself.console.ui.access.AccessViewModel;
import network.higherself.console.ui.board.BoardView;
import network.higherself.console.ui.board.CardOpener;
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
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The window at 1360x860: the widest board fits in "Whole workflow", zoom and the sidebar are remembered. */
@FxTest
class WholeWorkflowInTheWindowTest {

    @TempDir
    Path dir;

    private TestStore store;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private MainWindow window;

    @Start
    void start(Stage stage) throws InterruptedException {
        store = new TestStore(dir);
        store.staff("amara", Role.ADMINISTRATOR);
        window = open(stage);
    }

    /** A main window over the test's store and settings file, shown at 1360x860 once amara is signed in. */
    private MainWindow open(Stage stage) throws InterruptedException {
        MainViewModel model = new MainViewModel(store.workflows, store.service, store.limits, store.roleRights,
                new CardQueries(store.db.dataSource()), new StaffQueries(store.db.dataSource()), executor, store.clock,
                store.db.folder(), "");
        MainWindow w = new MainWindow(model, new CardOpener() {
            @Override
            public void open(javafx.stage.Window owner, long cardId, Runnable then) {
            }

            @Override
            public void create(javafx.stage.Window owner, Workflow workflow, Runnable then) {
            }
        }, new AccessViewModel(store.service, store.workflows, new network.higherself.console.store.PermissionQueries(store.db.dataSource()),
                executor, model::actor), new WindowSettings(dir.resolve("window.properties")));
        CountDownLatch ready = new CountDownLatch(1);
        stage.setWidth(1360);
        stage.setHeight(860);
        w.show(stage, () -> {
            model.signInAs("amara");
            ready.countDown();
        });
        stage.setWidth(1360);
        stage.setHeight(860);
        return w;
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    private BoardView showBoard(FxRobot robot, String name, String id) throws Exception {
        robot.clickOn(name);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.boardView(id) != null
                && window.boardView(id).getScene() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return window.boardView(id);
    }

    @Test
    void wholeWorkflowShowsEveryOneOfTheFourteenConsultingColumnsAt1360Wide(FxRobot robot) throws Exception {
        BoardView board = showBoard(robot, "Consulting projects", "WF-CONSULT");
        ScrollPane scroll = (ScrollPane) board.getCenter();
        List<Node> columns = robot.lookup(".board-column").queryAll().stream().toList();
        assertThat(columns).hasSize(14);
        assertThat(columns.stream().filter(c -> inSight(scroll, c)).count()).as("before: a few columns only").isLessThan(6);

        robot.clickOn("#" + "board-fit");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(board.getScene().getWidth()).isEqualTo(1360.0);
        assertThat(columns).allSatisfy(c -> assertThat(inSight(scroll, c)).as(c.getId() + " in sight").isTrue());
        assertThat(window.isSidebarShown()).as("with the sidebar shown").isTrue();
        assertThat(new WindowSettings(dir.resolve("window.properties")).text("board.WF-CONSULT.fit", null)).isEqualTo("true");
    }

    @Test
    void theZoomIsRememberedPerBoardForTheNextStart(FxRobot robot) throws Exception {
        BoardView gallery = showBoard(robot, "Gallery exhibits", "WF-GALLERY-EXH");
        robot.clickOn("#" + BoardView.SEARCH_ID);
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).type(KeyCode.EQUALS).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(gallery.model().layout().zoomProperty().get()).isEqualTo(1.3);
        BoardView consulting = showBoard(robot, "Consulting projects", "WF-CONSULT");
        assertThat(consulting.model().layout().zoomProperty().get()).as("another board keeps its own").isEqualTo(1.0);

        Stage[] again = new Stage[1];
        MainWindow[] next = new MainWindow[1];
        robot.interact(() -> {
            try {
                again[0] = new Stage();
                next[0] = open(again[0]);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // the next start opens on the first board, the gallery's, at the zoom it was left at
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> next[0].boardView("WF-GALLERY-EXH") != null);
        assertThat(next[0].boardView("WF-GALLERY-EXH").model().layout().zoomProperty().get()).isEqualTo(1.3);
        assertThat(new WindowSettings(dir.resolve("window.properties")).text("board.WF-CONSULT.zoom", null))
                .as("nothing kept for a board whose zoom was not changed").isNull();
        robot.interact(() -> again[0].close());
    }

    @Test
    void ctrlBHidesTheSidebarAndTheWindowRemembersIt(FxRobot robot) throws Exception {
        BoardView board = showBoard(robot, "Consulting projects", "WF-CONSULT");
        double wide = board.getWidth();
        robot.clickOn("#" + BoardView.SEARCH_ID);
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#sidebar").tryQuery()).as("the sidebar is gone").isEmpty();
        assertThat(robot.lookup("#" + MainWindow.RAIL_ID).query().isVisible()).isTrue();
        assertThat(board.getWidth()).as("the board takes the room").isGreaterThan(wide + 200);
        assertThat(new WindowSettings(dir.resolve("window.properties")).flag(MainWindow.SIDEBAR_HIDDEN)).isTrue();

        robot.clickOn("#show-sidebar");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sidebar").query().isVisible()).isTrue();
        assertThat(new WindowSettings(dir.resolve("window.properties")).flag(MainWindow.SIDEBAR_HIDDEN)).isFalse();
        robot.clickOn("#hide-sidebar");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.isSidebarShown()).isFalse();
    }

    /** Whether {@code column} lies wholly inside the board's visible part. */
    private static boolean inSight(ScrollPane scroll, Node column) {
        Bounds view = scroll.localToScene(scroll.getBoundsInLocal());
        Bounds c = column.localToScene(column.getBoundsInLocal());
        return c.getMinX() >= view.getMinX() - 1 && c.getMaxX() <= view.getMaxX() + 1;
    }
}
