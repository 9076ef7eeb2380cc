package network.higherself.console.ui.card;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import network.higherself.console.agent.PatternRegistry;
import network.higherself.console.app.Services;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditEntry;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.store.CardQueries;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A database, the services over it and a card editor, for the card form's UI tests (composed, not inherited). */
final class CardFixture implements AutoCloseable {

    final TestStore store;
    final Services services;
    final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    final CardEditor editor;

    CardFixture(Path dir, Supplier<Actor> actor) {
        store = new TestStore(dir);
        Clock clock = Clock.fixed(TestStore.T0, ZoneOffset.UTC);
        services = Services.wire(store.db, store.workflows, clock, PatternRegistry.bundled());
        editor = new CardEditor(services.cardForms(),
                ChecklistStore.of(services.agents().tasks()),
                services.workflows(), services.clock().getZone(), executor, actor);
    }

    /** The card's audit entries of that action, oldest first. */
    List<AuditEntry> audit(long cardId, AuditAction action) {
        return store.db.sessionFactory().fromSession(s -> s.createSelectionQuery(
                        "from AuditEntry where cardId = :id and action = :a order by seq", AuditEntry.class)
                .setParameter("id", cardId).setParameter("a", action).getResultList());
    }

    /** Waits for the background work queued so far and the JavaFX events it handed back. */
    void executorIdle() {
        try {
            executor.awaitIdle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitUntil(String what, Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> condition.get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Waited 20 s for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitFor(FxRobot robot, String query) {
        waitUntil(query + " to show", () -> robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent());
    }

    /** Selects what the field holds and types {@code text} over it, as a person would. */
    static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A);
        robot.push(javafx.scene.input.KeyCode.BACK_SPACE);
        robot.write(text);
    }

    static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n.isVisible() && n.getScene() != null
                && n.getScene().getWindow().isShowing()).orElse(false);
    }

    /** Whether a card dialog is still showing. */
    static boolean dialogShowing(FxRobot robot) {
        return robot.listWindows().stream().anyMatch(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#" + CardDetailsView.DIALOG_ID) != null);
    }

    void closeWindows(FxRobot robot, Stage keep) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != keep).forEach(Window::hide));
    }

    @Override
    public void close() {
        try {
            executor.awaitIdle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.close();
        store.close();
    }

    /** The window that shows {@code query}'s node, as a PNG under target/screenshots (to look at). */
    static void snapshot(FxRobot robot, String query, String name) {
        javafx.scene.Scene scene = robot.lookup(query).query().getScene();
        java.util.concurrent.atomic.AtomicReference<byte[]> png = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> png.set(network.higherself.console.ui.common.Png.encode(scene.snapshot(null))));
        try {
            Path out = Path.of("target", "screenshots", name);
            java.nio.file.Files.createDirectories(out.getParent());
            java.nio.file.Files.write(out, png.get());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
