package network.higherself.console.ui.board;

import javafx.scene.Scene;
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
        Theme.applyLight();
        stage.setScene(new Scene(new StackPane(), 1500, 800));
        stage.show();
        return store;
    }

    /** Shows the board {@code model} makes (built on the JavaFX thread) and waits until every column shows its first cards. */
    static BoardView show(FxRobot robot, Stage stage, Supplier<BoardViewModel> model) throws InterruptedException {
        BoardView[] view = new BoardView[1];
        CountDownLatch ready = new CountDownLatch(1);
        robot.interact(() -> {
            view[0] = new BoardView(model.get(), new CardOpener() {
                @Override
                public void open(Window owner, long cardId, Runnable then) {
                }

                @Override
                public void create(Window owner, Workflow workflow, Runnable then) {
                }
            });
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
