package network.higherself.console.ui.access;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.WorkflowRights;
import network.higherself.console.ui.access.RoleRightsViewModel.Row;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.FxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator opens "Roles and rights", lets the front desk see the gallery's board, and saves. */
@FxTest
class RoleRightsViewTest {

    private static final Actor AMARA = Actor.staff("amara", Role.ADMINISTRATOR);

    @TempDir
    Path dir;

    private TestStore store;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        store = new TestStore(dir);
        stage.setScene(new Scene(new StackPane(), 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    @Test
    void anAdministratorLetsTheFrontDeskSeeTheGalleryBoard(FxRobot robot) throws Exception {
        RoleRightsViewModel model = new RoleRightsViewModel(store.workflows, store.roleRights::rightsOf,
                store.roleRights::set, executor, () -> AMARA);
        robot.interact(() -> RoleRightsView.show(stage, model));
        assertThat(robot.lookup("#" + RoleRightsView.SAVE_ID).query().isDisabled()).as("no role chosen yet").isTrue();

        robot.clickOn("#" + RoleRightsView.ROLE_ID).clickOn("Front desk"); // roles as people say them
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, executor::isIdle);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Row> table = robot.lookup("#" + RoleRightsView.TABLE_ID).queryTableView();
        assertThat(table.getItems()).filteredOn(r -> r.workflow().id().equals("WF-WELL-BOOK")).singleElement()
                .satisfies(r -> assertThat(r.eventsProperty().get()).isEqualTo("*"));

        Node gallery = robot.lookup(".table-row-cell").match((TableRow<Row> r) -> r.getItem() != null
                && r.getItem().workflow().id().equals("WF-GALLERY-EXH")).query();
        robot.clickOn(robot.from(gallery).lookup(".check-box").nth(0).queryAs(Node.class)); // View
        robot.clickOn("#" + RoleRightsView.SAVE_ID);
        Label message = robot.lookup("#" + RoleRightsView.MESSAGE_ID).queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !message.getText().isEmpty());

        assertThat(message.getText()).isEqualTo("Front desk on Gallery exhibits now: view, no events.");
        assertThat(store.service.rightsOf(Actor.staff("theo", Role.FRONT_DESK)).on("WF-GALLERY-EXH"))
                .isEqualTo(WorkflowRights.VIEW);
    }
}
