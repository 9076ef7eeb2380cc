package network.higherself.console.ui.shell;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardQueries;
import network.higherself.console.ui.common.Theme;
import network.higherself.console.workflow.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    Path dir;

    private TestStore store;

    @Start
    void start(Stage stage) {
        store = new TestStore(dir);
        store.service.create("WF-WELL-BOOK", "Sound bath", Actor.staff("theo", Role.FRONT_DESK), null);
        Theme.applyLight();
        new MainWindow(new MainViewModel(store.workflows, store.db.folder(), new CardQueries(store.db.dataSource()), "")).show(stage);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theEightWorkflowsAreListed(FxRobot robot) {
        ListView<Workflow> list = robot.lookup("#" + MainWindow.SIDEBAR_ID).queryListView();
        assertThat(list.getItems()).extracting(Workflow::board).containsExactly("Gallery exhibits", "Wellness bookings",
                "Consulting projects", "Marketing campaigns", "Content", "Interface publishing", "Agent communications",
                "Staff permissions");
        assertThat(robot.lookup(".sidebar-name").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Gallery exhibits", "Wellness bookings");
        assertThat(robot.lookup(".sidebar-count").queryAllAs(Label.class)).extracting(Label::getText)
                .as("one booking, nothing elsewhere").containsExactly("0", "1", "0", "0", "0", "0", "0", "0");
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
