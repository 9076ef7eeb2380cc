package network.higherself.console.ui.shell;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import network.higherself.console.store.DataFolder;
import network.higherself.console.ui.common.Theme;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @Start
    void start(Stage stage) {
        Theme.applyLight();
        new MainWindow(new MainViewModel(WorkflowCatalog.bundled(), new DataFolder(Path.of("/tmp/hsc-test")))).show(stage);
    }

    @Test
    void theEightWorkflowsAreListed(FxRobot robot) {
        ListView<Workflow> list = robot.lookup("#" + MainWindow.SIDEBAR_ID).queryListView();
        assertThat(list.getItems()).extracting(Workflow::board).containsExactly("Gallery exhibits", "Wellness bookings",
                "Consulting projects", "Marketing campaigns", "Content", "Interface publishing", "Agent communications",
                "Staff permissions");
        assertThat(robot.lookup(".sidebar-name").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Gallery exhibits", "Wellness bookings");
    }

    @Test
    void choosingABoardShowsItsStatesInOrder(FxRobot robot) {
        robot.clickOn("Wellness bookings");
        ListView<MainViewModel.StateRow> states = robot.lookup("#" + MainWindow.STATE_LIST_ID).queryListView();
        assertThat(states.getItems()).extracting(MainViewModel.StateRow::id).startsWith("inquiry", "consultation", "quote_provided");
        assertThat(robot.lookup(".board-title").queryAs(Label.class).getText()).isEqualTo("Wellness bookings");
        assertThat(robot.lookup(".state-label").queryAllAs(Label.class)).extracting(Label::getText).contains("Quote provided");
    }
}
