package network.higherself.console.ui.staff;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import network.higherself.console.demo.DemoData.DemoAccount;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@FxTest
class SignInViewTest {

    private static final String PASSWORD = "quiet morning tide";

    @TempDir
    Path dir;

    private TestStore store;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private final AtomicReference<SignIn.SignedIn> signedIn = new AtomicReference<>();
    private SignInViewModel model;

    @Start
    void start(Stage stage) {
        store = new TestStore(dir);
        store.staff("theo", Role.FRONT_DESK);
        store.staff("amara", Role.ADMINISTRATOR);
        SignInService service = new SignInService(store.db.sessionFactory(), store.clock);
        service.setPassword(Actor.system(), "theo", PASSWORD.toCharArray());
        service.setPassword(Actor.system(), "amara", PASSWORD.toCharArray());
        model = new SignInViewModel(service, executor, () -> List.of(
                new DemoAccount("amara", "amara", Role.ADMINISTRATOR, PASSWORD),
                new DemoAccount("theo", "theo", Role.FRONT_DESK, PASSWORD)));
        SignInView view = new SignInView(model);
        view.onSignedIn(signedIn::set);
        Theme.applyLight();
        stage.setScene(new Scene(view, 1100, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    @Test
    void aWrongPasswordIsRefusedWithTheSentenceAndTheRightOneSignsIn(FxRobot robot) throws Exception {
        robot.clickOn("#" + SignInView.USERNAME_ID).write("theo");
        robot.clickOn("#" + SignInView.PASSWORD_ID).write("not my password");
        robot.clickOn("#" + SignInView.BUTTON_ID);
        Label message = robot.lookup("#" + SignInView.MESSAGE_ID).queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !message.getText().isEmpty());
        assertThat(message.getText()).isEqualTo(
                "That user name and password do not match. 4 attempts left before the account is locked for 15 minutes.");
        assertThat(message.isVisible()).isTrue();
        assertThat(signedIn.get()).isNull();
        assertThat(robot.lookup("#" + SignInView.PASSWORD_ID).queryAs(PasswordField.class).getText())
                .as("the password is not kept").isEmpty();
        assertThat(robot.lookup("#" + SignInView.USERNAME_ID).queryAs(TextField.class).getText()).isEqualTo("theo");

        // the password field has the keyboard again: type and press Enter
        robot.write(PASSWORD).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> signedIn.get() != null);
        assertThat(signedIn.get()).isEqualTo(new SignIn.SignedIn(Actor.staff("theo", Role.FRONT_DESK), "theo"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.isVisible()).isFalse();

        try (Connection c = store.db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT actor || ' ' || action FROM audit_entry WHERE actor = 'theo' ORDER BY seq")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("theo SIGN_IN_FAILED");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("theo SIGNED_IN");
        }
    }

    @Test
    void theDemoAccountsAreListedAsDemoAndChoosingOneFillsInItsUserName(FxRobot robot) throws Exception {
        Node demo = robot.lookup("#" + SignInView.DEMO_ID).query();
        assertThat(demo.isVisible()).as("hidden until the demo accounts are read").isFalse();
        robot.interact(model::loadDemoAccounts);
        executor.awaitIdle();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(demo.isVisible()).isTrue();
        assertThat(robot.from(demo).lookup(".demo-tag").queryAs(Label.class).getText()).isEqualTo("DEMO");
        assertThat(robot.from(demo).lookup(".demo-password").queryAs(Label.class).getText()).isEqualTo(PASSWORD);
        assertThat(robot.from(demo).lookup(".demo-account-name").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("amara", "theo");

        robot.clickOn("#demo-account-amara");
        assertThat(robot.lookup("#" + SignInView.USERNAME_ID).queryAs(TextField.class).getText()).isEqualTo("amara");
        assertThat(robot.lookup("#" + SignInView.PASSWORD_ID).queryAs(PasswordField.class).isFocused()).isTrue();
        robot.write(PASSWORD).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> signedIn.get() != null);
        assertThat(signedIn.get().actor()).isEqualTo(Actor.staff("amara", Role.ADMINISTRATOR));
    }

    @Test
    void theButtonWaitsForANameAndAPassword(FxRobot robot) {
        Node button = robot.lookup("#" + SignInView.BUTTON_ID).query();
        assertThat(button.isDisabled()).isTrue();
        robot.clickOn("#" + SignInView.USERNAME_ID).write("theo");
        assertThat(button.isDisabled()).isTrue();
        robot.clickOn("#" + SignInView.PASSWORD_ID).write("x");
        assertThat(button.isDisabled()).isFalse();
    }
}
