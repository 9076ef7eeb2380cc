package network.higherself.console.ui.errors;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.common.Png;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An error no code caught, in an event handler or on another thread: the person gets a dialog in words with the place
 * of the details and a way to copy them, and the window goes on working.
 */
@FxTest
class WindowErrorsTest {

    private static final String WHERE = "The details are written in the console's log, /home/ada/.local/share/higher-self-console/logs/console.log.";
    private final AtomicInteger clicks = new AtomicInteger();

    @Start
    void start(Stage stage) {
        network.higherself.console.ui.common.Theme.applyLight();
        WindowErrors errors = new WindowErrors("9.9-test", e -> WHERE);
        Thread.currentThread().setUncaughtExceptionHandler(errors); // as DesktopStart does on the JavaFX thread
        Thread.setDefaultUncaughtExceptionHandler(errors);
        Button boom = new Button("Boom");
        boom.setId("boom");
        boom.setOnAction(e -> {
            throw new IllegalStateException("the board's cache is empty");
        });
        Button other = new Button("Other");
        other.setId("other");
        other.setOnAction(e -> {
            throw new ArithmeticException("/ by zero");
        });
        Button count = new Button("Count");
        count.setId("count");
        count.setOnAction(e -> clicks.incrementAndGet());
        stage.setScene(new Scene(new VBox(10, boom, other, count), 600, 400));
        stage.show();
    }

    private static Optional<DialogPane> dialog(FxRobot robot) {
        return robot.lookup("#unexpected-error").match((DialogPane p) -> p.getScene() != null
                && p.getScene().getWindow().isShowing()).tryQuery();
    }

    private static DialogPane shown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialog(robot).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return dialog(robot).orElseThrow();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void anErrorInAHandlerIsShownInWordsItsDetailsCopiedAndTheWindowGoesOn(FxRobot robot) throws Exception {
        robot.clickOn("#boom");
        DialogPane pane = shown(robot);

        assertThat(text(robot, "#error-what")).isEqualTo("Something went wrong in the window errors test that the console "
                + "did not expect. What you did last may not have been done: look whether it was, and try again. The "
                + "console keeps running; if the problem comes back, close it and start it again.");
        assertThat(text(robot, "#error-where")).isEqualTo(WHERE);
        assertThat(robot.lookup("#error-more").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#error-copied").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#error-details").queryAs(TextArea.class).getText())
                .startsWith("Higher Self Console 9.9-test")
                .contains("Thread: JavaFX Application Thread")
                .contains("java.lang.IllegalStateException: the board's cache is empty");

        robot.clickOn("#error-copy");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#error-copied").queryAs(Label.class).isVisible()).isTrue();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).contains("java.lang.IllegalStateException: the board's cache is empty")
                .contains("WindowErrorsTest");

        // another error while it shows: counted in it, not a second dialog on top
        Thread worker = new Thread(() -> {
            throw new IllegalArgumentException("a background failure");
        }, "worker");
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#error-more").queryAs(Label.class).isVisible());
        assertThat(text(robot, "#error-more")).isEqualTo("One more problem happened since; its details are written down too.");
        assertThat(robot.lookup("#unexpected-error").queryAll()).hasSize(1);
        saveScreenshot(pane);

        robot.clickOn(pane.lookupButton(ButtonType.CLOSE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialog(robot).isEmpty());

        robot.clickOn("#count");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clicks).as("the window still answers").hasValue(1);

        robot.clickOn("#boom"); // the same problem again: logged, not shown again
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog(robot)).isEmpty();

        robot.clickOn("#other"); // another problem is shown
        shown(robot);
        assertThat(robot.lookup("#error-details").queryAs(TextArea.class).getText())
                .contains("java.lang.ArithmeticException: / by zero");
    }

    private static void saveScreenshot(DialogPane pane) throws Exception {
        byte[][] png = new byte[1][];
        CountDown.run(() -> png[0] = Png.encode(pane.getScene().snapshot(null)));
        Path out = Path.of("target", "screenshots", "unexpected-error.png");
        Files.createDirectories(out.getParent());
        Files.write(out, png[0]);
    }

    /** Runs on the JavaFX thread and waits. */
    private static final class CountDown {
        static void run(Runnable r) throws Exception {
            java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    r.run();
                    done.complete(null);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
            done.get(10, TimeUnit.SECONDS);
        }
    }
}
