package network.higherself.console.ui.help;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.common.ImmediateExecutor;
import network.higherself.console.ui.common.Png;
import network.higherself.console.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The About box and the keyboard help sheet, as they open over the window. */
@FxTest
class HelpScreensTest {

    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        Theme.applyLight();
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 900, 700));
        stage.show();
    }

    private static DialogPane shown(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(id).match((DialogPane p) -> p.getScene() != null
                && p.getScene().getWindow().isShowing()).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).query();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theAboutBoxShowsVersionFolderLogSizeAndSync(FxRobot robot) throws Exception {
        Path db = dir.resolve("console.mv.db");
        Files.write(db, new byte[2_048_000]);
        AboutViewModel model = new AboutViewModel("0.1.0", dir, dir.resolve("logs").resolve("console.log"), db);
        Platform.runLater(() -> {
            model.load(new ImmediateExecutor());
            AboutBox.show(stage, model);
        });
        DialogPane pane = shown(robot, "#about");
        assertThat(text(robot, "#about-version")).isEqualTo("0.1.0");
        assertThat(text(robot, "#about-data-folder")).isEqualTo(dir.toString());
        assertThat(text(robot, "#about-log")).isEqualTo(dir.resolve("logs").resolve("console.log").toString());
        assertThat(text(robot, "#about-database-size")).isEqualTo("2.0 MB");
        assertThat(text(robot, "#about-sync")).isEqualTo("Off: this console keeps its data on this computer only.");
        save(pane, "about.png");
    }

    @Test
    void theKeyboardHelpListsEveryShortcutInItsSection(FxRobot robot) throws Exception {
        Platform.runLater(() -> KeyboardHelp.show(stage));
        DialogPane pane = shown(robot, "#keyboard-help");
        List<String> sections = robot.from(pane).lookup(".help-section").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(sections).containsExactlyElementsOf(Shortcuts.ALL.stream().map(Shortcuts.Section::title).toList());
        List<String> what = robot.from(pane).lookup(".help-what").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(what).containsExactlyElementsOf(Shortcuts.ALL.stream()
                .flatMap(s -> s.shortcuts().stream()).map(Shortcuts.Shortcut::what).toList());
        List<String> keys = robot.from(pane).lookup("." + KeyboardHelp.KEY_STYLE).queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(keys).contains("F1", "?", "M", "Ctrl+F", "Ctrl+N", "Ctrl+Up", "Esc");
        save(pane, "keyboard-help.png");
    }

    private static void save(DialogPane pane, String name) throws Exception {
        CompletableFuture<byte[]> png = new CompletableFuture<>();
        Platform.runLater(() -> png.complete(Png.encode(pane.getScene().snapshot(null))));
        Path out = Path.of("target", "screenshots", name);
        Files.createDirectories(out.getParent());
        Files.write(out, png.get(10, TimeUnit.SECONDS));
    }
}
