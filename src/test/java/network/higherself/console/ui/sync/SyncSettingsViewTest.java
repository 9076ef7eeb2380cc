package network.higherself.console.ui.sync;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.higherself.console.app.Services;
import network.higherself.console.staff.Actor;
import network.higherself.console.store.DataFolder;
import network.higherself.console.sync.ServerAddress;
import network.higherself.console.sync.TestServer;
import network.higherself.console.sync.TwoDesktops;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.common.ImmediateExecutor;
import network.higherself.console.ui.common.Png;
import network.higherself.console.ui.common.Theme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync settings as an administrator and as front-desk staff see them: the form says what to type, the connection
 * is tried and made with the password remembered only when asked, a non-administrator cannot connect, and
 * disconnecting asks first.
 */
@FxTest
class SyncSettingsViewTest {

    @TempDir
    static Path dir;
    private static TestServer server;
    private static Services desk;
    private static String configWas;
    private final List<ServerAddress> started = new ArrayList<>();
    private int stopped;
    private Stage stage;

    @BeforeAll
    static void aDeskAndAServer() throws Exception {
        configWas = System.getProperty("hsc.config.dir");
        System.setProperty("hsc.config.dir", dir.resolve("config").toString());
        server = TestServer.start(dir.resolve("server"));
        TwoDesktops.makeTemplates(dir.resolve("templates"));
        desk = Services.open(new DataFolder(TwoDesktops.copy(dir.resolve("templates").resolve("a"), dir.resolve("desk"))),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        desk.close();
        server.close();
        if (configWas == null) {
            System.clearProperty("hsc.config.dir");
        } else {
            System.setProperty("hsc.config.dir", configWas);
        }
    }

    @Start
    void start(Stage stage) {
        Theme.applyLight();
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 900, 760));
        stage.show();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        Platform.runLater(() -> robot.listWindows().stream().filter(w -> w != stage).toList()
                .forEach(w -> ((Stage) w).close()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void open(FxRobot robot, Actor who) throws Exception {
        SyncSettingsViewModel model = new SyncSettingsViewModel(desk.sync(), new ImmediateExecutor(), () -> who,
                started::add, () -> stopped++);
        Platform.runLater(() -> SyncSettingsView.show(stage, model));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sync-settings").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void type(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> f.setText(text));
    }

    @Test
    void frontDeskStaffSeeWhySyncIsNotTheirsToConnect(FxRobot robot) throws Exception {
        open(robot, Actor.staff("priya", network.higherself.console.staff.Role.GALLERY_STAFF));
        assertThat(text(robot, "#sync-settings-status")).startsWith("Sync is off");
        assertThat(robot.lookup("#sync-connect").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#sync-role-note").queryAs(Label.class).isVisible()).isTrue();
        assertThat(text(robot, "#sync-role-note")).contains("Only an administrator connects");
    }

    @Test
    void anAdministratorConnectsWithTheFormAndDisconnectsAfterConfirming(FxRobot robot) throws Exception {
        String url = server.newDatabase("settings");
        String port = url.replaceAll(".*localhost:(\\d+)/.*", "$1");
        open(robot, TwoDesktops.AMARA);

        // the form says what is missing, in words, before anything is tried
        robot.clickOn("#sync-test");
        assertThat(text(robot, "#sync-message")).startsWith("Type the server's name or address");
        type(robot, "#sync-host", "jdbc:postgresql://localhost");
        robot.clickOn("#sync-test");
        assertThat(text(robot, "#sync-message")).contains("cannot be a host name");
        type(robot, "#sync-host", "localhost");
        type(robot, "#sync-port", "99999");
        robot.clickOn("#sync-test");
        assertThat(text(robot, "#sync-message")).startsWith("The port is a number from 1 to 65535");

        type(robot, "#sync-port", port);
        type(robot, "#sync-database", "settings");
        type(robot, "#sync-user", TestServer.OWNER);
        robot.interact(() -> robot.lookup("#sync-security").queryComboBox().getSelectionModel()
                .select(SyncSettingsViewModel.Security.DISABLE));
        assertThat(robot.lookup("#sync-address").queryAs(TextField.class).getText())
                .isEqualTo("jdbc:postgresql://localhost:" + port + "/settings?sslmode=disable");
        robot.clickOn("#sync-test");
        assertThat(text(robot, "#sync-message")).contains("asks for a password and none was given");

        robot.clickOn("#sync-password").write("owner-secret");
        robot.clickOn("#sync-test");
        assertThat(text(robot, "#sync-message")).startsWith("The server answered. It is not set up for the console yet");
        assertThat(desk.sync().settings()).isEmpty(); // a test saves nothing

        robot.clickOn("#sync-remember");
        save(robot, "sync-settings.png");
        robot.clickOn("#sync-connect");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#sync-message")).contains("are on the server now")
                .contains("The password is remembered on this computer");
        assertThat(text(robot, "#sync-settings-status")).startsWith("Connected to " + TestServer.OWNER + " at jdbc:postgresql://localhost:" + port + "/settings")
                .contains("The server's password is remembered");
        assertThat(started).singleElement().satisfies(a -> assertThat(a.password()).isEqualTo("owner-secret"));
        assertThat(desk.sync().rememberedPassword()).contains("owner-secret");
        assertThat(robot.lookup("#sync-host").queryAs(TextField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#sync-password").queryAs(TextField.class).getText()).isEmpty();

        // a wrong password for the running session is tried first, and refused with a sentence
        robot.clickOn("#sync-password").write("not-it");
        robot.clickOn("#sync-use-password");
        assertThat(text(robot, "#sync-message")).contains("refused the user name or password");
        assertThat(started).hasSize(1);

        robot.clickOn("#sync-disconnect");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .button").queryAll().stream()
                .anyMatch(n -> n instanceof Button b && "OK".equals(b.getText())));
        robot.clickOn((Button) robot.lookup(".dialog-pane .button").queryAll().stream()
                .filter(n -> n instanceof Button b && "OK".equals(b.getText())).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stopped).isEqualTo(1);
        assertThat(text(robot, "#sync-settings-status")).startsWith("Sync is off");
        assertThat(desk.sync().settings()).isEmpty();
    }

    private static void save(FxRobot robot, String name) throws Exception {
        DialogPane pane = robot.lookup("#sync-settings").queryAs(DialogPane.class);
        CompletableFuture<byte[]> png = new CompletableFuture<>();
        Platform.runLater(() -> png.complete(Png.encode(pane.getScene().snapshot(null))));
        Path out = Path.of("target", "screenshots", name);
        Files.createDirectories(out.getParent());
        Files.write(out, png.get(10, TimeUnit.SECONDS));
    }
}
