package network.higherself.console.ui.staff;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import network.higherself.console.move.TestStore;
import network.higherself.console.signin.SignInService;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.SignIn;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@FxTest
class FirstAdministratorViewTest {

    @TempDir
    Path dir;

    private TestStore store;
    private SignInService service;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private final AtomicReference<SignIn.SignedIn> signedIn = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        store = new TestStore(dir);
        service = new SignInService(store.db.sessionFactory(), store.clock);
        FirstAdministratorView view = new FirstAdministratorView(new FirstAdministratorViewModel(service, executor));
        view.onSignedIn(signedIn::set);
        Theme.applyLight();
        stage.setScene(new Scene(view, 900, 800));
        stage.show();
    }

    private static void replace(FxRobot robot, String id, String text) {
        javafx.scene.control.TextField field = robot.lookup("#" + id).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> field.setText(text));
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    @Test
    void aWeakOrMistypedPasswordIsRefusedAndAGoodOneCreatesTheAdministrator(FxRobot robot) throws Exception {
        assertThat(service.needsFirstAdministrator()).isTrue();
        Label message = robot.lookup("#" + FirstAdministratorView.MESSAGE_ID).queryAs(Label.class);
        robot.clickOn("#" + FirstAdministratorView.USERNAME_ID).write("amara");
        robot.clickOn("#" + FirstAdministratorView.DISPLAY_NAME_ID).write("Amara Osei");
        robot.clickOn("#" + FirstAdministratorView.PASSWORD_ID).write("short");
        robot.clickOn("#" + FirstAdministratorView.REPEAT_ID).write("short");
        robot.clickOn("#" + FirstAdministratorView.BUTTON_ID);
        assertThat(message.getText()).startsWith("A password needs at least 10 characters; this one has 5.");

        replace(robot, FirstAdministratorView.PASSWORD_ID, "lantern river sage");
        replace(robot, FirstAdministratorView.REPEAT_ID, "lantern river sagE");
        robot.clickOn("#" + FirstAdministratorView.BUTTON_ID);
        assertThat(message.getText()).isEqualTo("The two passwords differ: type the same password twice.");
        assertThat(service.needsFirstAdministrator()).isTrue();

        replace(robot, FirstAdministratorView.REPEAT_ID, "lantern river sag");
        robot.clickOn("#" + FirstAdministratorView.REPEAT_ID).type(javafx.scene.input.KeyCode.END).write("e")
                .type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> signedIn.get() != null || !message.getText().isEmpty());
        assertThat(message.getText()).isEmpty();
        assertThat(signedIn.get()).isEqualTo(new SignIn.SignedIn(Actor.staff("amara", Role.ADMINISTRATOR), "Amara Osei"));
        assertThat(service.needsFirstAdministrator()).isFalse();
        assertThat(service.signIn("amara", "lantern river sage".toCharArray())).isInstanceOf(SignIn.SignedIn.class);
    }
}
