package network.higherself.console.app;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import network.higherself.console.demo.DemoData;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.Database;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.shell.MainWindow;
import network.higherself.console.ui.staff.SignInView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's start as a person meets it: the sign-in window is there, and takes typing, while the data folder is
 * still being opened; a sign-in pressed before the folder is open waits for it and then goes through; a folder that
 * cannot be opened still gets its sentence, and the console ends with status 1.
 */
@FxTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class DesktopStartTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemDefaultZone();

    /** Runs the console's start on a thread of its own (it returns once the window is closed); its exit status. */
    private CompletableFuture<Integer> start(DataFolder folder, java.util.concurrent.Callable<DesktopStart.Opened> open,
                                             AtomicReference<Throwable> refused) {
        return CompletableFuture.supplyAsync(() -> DesktopStart.run(folder, clock, open, e -> {
            refused.set(e);
            return 1;
        }, Duration.ofMinutes(10), null, false));
    }

    private static void type(FxRobot robot, String id, String text) throws Exception {
        for (int attempt = 1; ; attempt++) {
            // the field on a window that shows, looked up again each time (under load a lookup met a field that its
            // window no longer held a moment later)
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> field(robot, id) != null);
            TextInputControl field = field(robot, id);
            robot.clickOn(field);
            if (!waits(5, field::isFocused)) { // a window just shown by another thread may not be the focused one yet
                robot.interact(() -> {
                    if (field.getScene() != null && field.getScene().getWindow() != null) {
                        field.getScene().getWindow().requestFocus();
                    }
                    field.requestFocus();
                });
            }
            if (waits(10, field::isFocused) || attempt == 3) {
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, field::isFocused);
                robot.write(text);
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                        () -> field.getText() != null && field.getText().endsWith(text));
                return;
            }
        }
    }

    private static TextInputControl field(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAllAs(TextInputControl.class).stream()
                .filter(f -> f.getScene() != null && f.getScene().getWindow() != null
                        && f.getScene().getWindow().isShowing())
                .findFirst().orElse(null);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void theSignInWindowTakesTypingWhileTheDataOpensAndASignInPressedEarlyWaitsThenGoesThrough(FxRobot robot)
            throws Exception {
        DataFolder folder = new DataFolder(dir.resolve("console"));
        try (Services services = Services.open(folder, clock)) {
            services.demoData().seed();
        }
        CountDownLatch mayOpen = new CountDownLatch(1);
        AtomicReference<Throwable> refused = new AtomicReference<>();
        start(folder, () -> {
            mayOpen.await(); // the database is still being opened until the test says so
            return new DesktopStart.Opened(Services.open(folder, clock), "");
        }, refused);

        try {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#" + SignInView.USERNAME_ID).tryQuery().isPresent());
        type(robot, SignInView.USERNAME_ID, "theo");
        type(robot, SignInView.PASSWORD_ID, DemoData.DEMO_PASSWORD);
        robot.clickOn("#" + SignInView.BUTTON_ID);
        Button button = robot.lookup("#" + SignInView.BUTTON_ID).queryButton();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, button::isDisabled);
        Thread.sleep(500);
        assertThat(robot.lookup("#" + SignInView.USERNAME_ID).tryQuery()).as("still signing in: the data is not open yet")
                .isPresent();
        assertThat(robot.lookup("#" + SignInView.MESSAGE_ID).queryAs(Label.class).getText()).as("no refusal meanwhile")
                .isBlank();

        mayOpen.countDown();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#" + MainWindow.SIDEBAR_ID).tryQuery().isPresent());
        assertThat(robot.lookup("#" + MainWindow.SIDEBAR_ID).queryListView().getItems()).as("theo's boards").isNotEmpty();
        assertThat(refused.get()).isNull();
        } finally {
            mayOpen.countDown();
            closeKeepingJavaFx(robot); // whatever happened: a window closed by TestFX's clean-up would end JavaFX for the next test
        }
    }

    private static boolean waits(int seconds, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /**
     * Closes the console's window without ending JavaFX, which closing it does (and TestFX needs JavaFX after the test):
     * the console's run is left waiting, on a thread of the common pool.
     */
    private static void closeKeepingJavaFx(FxRobot robot) {
        robot.interact(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).forEach(w -> {
            w.setOnHidden(null);
            w.hide();
        }));
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aDamagedDatabaseStillGetsItsSentenceAndTheConsoleEndsWithStatus1(FxRobot robot) throws Exception {
        DataFolder folder = new DataFolder(dir.resolve("damaged"));
        Files.createDirectories(folder.path());
        Files.write(Database.databaseFile(folder), new byte[]{'n', 'o', 't', ' ', 'H', '2'});
        AtomicReference<Throwable> refused = new AtomicReference<>();
        CompletableFuture<Integer> status = start(folder, () -> new DesktopStart.Opened(Services.open(folder, clock), ""),
                refused);
        try {
            assertThat(status.get(120, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(refused.get()).as("the console's refusal").isNotNull();
            assertThat(refused.get().getMessage()).contains("is not a console database")
                    .contains("the console has left it as it is");
        } finally {
            closeKeepingJavaFx(robot); // whatever happened: a window closed by TestFX's clean-up would end JavaFX for the next test
        }
    }
}
