package network.higherself.console.ui.shell;

import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import network.higherself.console.demo.DemoData;
import network.higherself.console.move.TestStore;
import network.higherself.console.signin.SignInService;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.PermissionQueries;
import network.higherself.console.store.StaffQueries;
import network.higherself.console.ui.access.AccessViewModel;
import network.higherself.console.ui.board.CardOpener;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.staff.SignInView;
import network.higherself.console.workflow.Workflow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The console as people meet it: sign in first, see what one's role allows, sign out. */
@FxTest
class ConsoleShellTest {

    @TempDir
    static Path dir;

    private static TestStore store;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private MainViewModel model;

    /**
     * The demo data is seeded before TestFX starts the window: seeded in {@code @Start}, on the JavaFX thread, it
     * took longer than TestFX waits for a start on a busy machine (a TimeoutException before the test began).
     */
    @BeforeAll
    static void seed() {
        store = new TestStore(dir, Clock.systemDefaultZone());
        store.demoData().seed();
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @Start
    void start(Stage stage) {
        model = new MainViewModel(store.workflows, store.service, store.limits, store.roleRights, new CardQueries(store.db.dataSource()),
                new StaffQueries(store.db.dataSource()), executor, store.clock, store.db.folder(), "");
        MainWindow window = new MainWindow(model, new CardOpener() {
            @Override
            public void open(Window owner, long cardId, Runnable then) {
            }

            @Override
            public void create(Window owner, Workflow workflow, Runnable then) {
            }
        }, new AccessViewModel(store.service, store.workflows, new PermissionQueries(store.db.dataSource()), executor, model::actor),
                new WindowSettings(dir.resolve("window.properties")));
        SignInService signIn = new SignInService(store.db.sessionFactory(), store.clock);
        new ConsoleShell(stage, window, model, signIn, executor, () -> DemoData.demoAccounts(store.db), Duration.ofMinutes(10), store.clock)
                .start(false, () -> {
                });
    }

    @AfterEach
    void close() {
        executor.close();
    }

    /**
     * Clicks a field and types into it as a person does, waiting until the field has the focus and then the text: on
     * a loaded machine the first keys could reach the window before the click's focus did, leaving the name empty
     * (and the sign-in button with nothing to do).
     */
    private static void type(FxRobot robot, String id, String text) throws Exception {
        javafx.scene.control.TextInputControl field = robot.lookup("#" + id).queryAs(javafx.scene.control.TextInputControl.class);
        for (int attempt = 1; attempt <= 3 && !field.isFocused(); attempt++) {
            robot.clickOn(field);
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, field::isFocused);
            } catch (java.util.concurrent.TimeoutException e) { // the click's focus lost on a loaded machine: ask again
                robot.interact(() -> {
                    if (field.getScene() != null && field.getScene().getWindow() != null) {
                        field.getScene().getWindow().requestFocus();
                    }
                    field.requestFocus();
                });
            }
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, field::isFocused);
        robot.write(text);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> field.getText() != null && field.getText().endsWith(text));
    }

    @Test
    void theFrontDeskSignsInAndSeesOnlyWhatTheFrontDeskMaySee(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#" + SignInView.USERNAME_ID).tryQuery()).as("the console starts on the sign-in screen").isPresent();

        type(robot, SignInView.USERNAME_ID, "theo");
        type(robot, SignInView.PASSWORD_ID, "not-the-password");
        robot.clickOn("#" + SignInView.BUTTON_ID);
        javafx.scene.control.Label message = robot.lookup("#" + SignInView.MESSAGE_ID).queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> message.getText() != null && !message.getText().isBlank());
        assertThat(message.getText()).startsWith("That user name and password do not match.");

        type(robot, SignInView.PASSWORD_ID, DemoData.DEMO_PASSWORD);
        robot.clickOn("#" + SignInView.BUTTON_ID);
        // what theo may see: the front desk's boards, plus what the demo's active permission requests granted him
        var rights = store.service.rightsOf(network.higherself.console.staff.Actor.staff("theo",
                network.higherself.console.staff.Role.FRONT_DESK));
        var visible = store.workflows.all().stream().filter(w -> rights.on(w.id()).view()).map(Workflow::board).toList();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#" + MainWindow.SIDEBAR_ID).tryQuery().isPresent()
                && robot.lookup("#" + MainWindow.SIDEBAR_ID).queryListView().getItems().size() == visible.size());

        ListView<Workflow> boards = robot.lookup("#" + MainWindow.SIDEBAR_ID).queryListView();
        assertThat(boards.getItems()).extracting(Workflow::board).containsExactlyElementsOf(visible)
                .contains("Wellness bookings", "Staff permissions").doesNotContain("Gallery exhibits", "Interface publishing");
        assertThat(robot.lookup("#signed-in-as").queryLabeled().getText()).isEqualTo("Theo Laurent (Front desk)");

        robot.clickOn("#sign-out");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + SignInView.USERNAME_ID).tryQuery().isPresent());
        assertThat(model.actor().kind()).as("nobody acts once signed out").isEqualTo(network.higherself.console.staff.Actor.Kind.SYSTEM);
    }
}
