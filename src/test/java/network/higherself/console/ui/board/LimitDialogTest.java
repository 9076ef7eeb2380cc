package network.higherself.console.ui.board;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.higherself.console.store.ColumnLimit;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A column's work-in-progress limit, asked for in its dialog. */
@FxTest
class LimitDialogTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 800, 600));
        stage.show();
    }

    /** A column of the gallery's board; the dialog reads none of its cards. */
    private static ColumnViewModel galleryColumn(String state) {
        Workflow gallery = WorkflowCatalog.bundled().get("WF-GALLERY-EXH");
        return new ColumnViewModel(gallery.state(state).orElseThrow(), "", false, (offset, limit, size, onLoaded) -> {
            throw new AssertionError("the dialog reads no cards");
        });
    }

    /** The dialog, once its window shows. */
    private static DialogPane shown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane")
                .match((DialogPane p) -> p.getScene() != null && p.getScene().getWindow().isShowing()).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".dialog-pane").match((DialogPane p) -> p.getScene().getWindow().isShowing()).query();
    }

    @Test
    void theDialogStartsFromTheColumnAndGivesTheLimitChosen(FxRobot robot) throws Exception {
        ColumnViewModel concept = galleryColumn("concept");
        concept.countProperty().set(3);
        CompletableFuture<Optional<ColumnLimit>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(LimitDialog.ask(stage, concept)));
        DialogPane pane = shown(robot);

        assertThat(pane.getHeaderText()).isEqualTo("Concept holds 3 cards now.");
        Spinner<?> max = robot.lookup("#limit-max").queryAs(Spinner.class);
        assertThat(max.getValue()).as("no limit yet: the cards it holds").isEqualTo(3);
        assertThat(robot.lookup("#limit-hard").queryAs(CheckBox.class).isSelected()).isFalse();

        robot.clickOn(robot.from(max).lookup(".decrement-arrow-button").queryAs(javafx.scene.Node.class));
        robot.clickOn("#limit-hard");
        robot.clickOn(pane.lookupButton(ButtonType.OK));

        assertThat(answer.get(10, TimeUnit.SECONDS)).contains(new ColumnLimit("", "concept", 2, true));
    }

    @Test
    void aColumnWithALimitStartsFromItAndCancelGivesNothing(FxRobot robot) throws Exception {
        ColumnViewModel planning = galleryColumn("planning");
        planning.limitProperty().set(new ColumnLimit("WF-GALLERY-EXH", "planning", 5, true));
        CompletableFuture<Optional<ColumnLimit>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(LimitDialog.ask(stage, planning)));
        DialogPane pane = shown(robot);

        assertThat(robot.lookup("#limit-max").queryAs(Spinner.class).getValue()).isEqualTo(5);
        assertThat(robot.lookup("#limit-hard").queryAs(CheckBox.class).isSelected()).isTrue();
        robot.clickOn(pane.lookupButton(ButtonType.CANCEL));

        assertThat(answer.get(10, TimeUnit.SECONDS)).isEmpty();
    }
}
