package network.higherself.console.ui.card;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditEntry;
import network.higherself.console.card.Booking;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.common.Png;
import network.higherself.console.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static network.higherself.console.ui.card.CardFixture.text;
import static network.higherself.console.ui.card.CardFixture.visible;
import static network.higherself.console.ui.card.CardFixture.waitFor;
import static network.higherself.console.ui.card.CardFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Undo last move" in the card's dialog: offered to the person who just moved the card, asking why; done, the card
 * is back in its column and its history shows the correction with the reason. Not offered for someone else's move.
 */
@FxTest
class CardUndoTest {

    private static final Actor THEO = Actor.staff("theo", Role.FRONT_DESK);
    private static final Actor AMARA = Actor.staff("amara", Role.ADMINISTRATOR);

    private final AtomicReference<Actor> acting = new AtomicReference<>(THEO);

    @TempDir
    Path dir;

    private CardFixture fx;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fx = new CardFixture(dir, acting::get);
        Theme.applyLight();
        stage.setScene(new Scene(new StackPane(), 800, 600));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        fx.closeWindows(robot, stage);
        fx.close();
    }

    /**
     * A booking with a quote in Consultation (the move there sent Nyra's hand-off: that one cannot be taken back),
     * moved on into Quote provided by {@code mover}.
     */
    private long bookingMovedBy(Actor mover) {
        long id = ((Outcome.Done) fx.services.cards().create(Booking.WORKFLOW, "Reiki for Ada", THEO,
                (c, r) -> Booking.QUOTE.set((Booking) c, new java.math.BigDecimal("120.00")))).cardId();
        assertThat(fx.services.cards().move(MoveRequest.byEvent(id, "consultation_scheduled", AMARA)).isDone()).isTrue();
        Outcome moved = fx.services.cards().move(MoveRequest.byEvent(id, "consultation_completed", mover));
        assertThat(moved).as(moved.message()).isInstanceOf(Outcome.Done.class);
        return id;
    }

    private void open(FxRobot robot, long id) {
        robot.interact(() -> fx.editor.openCard(stage, id, () -> {
        }));
        waitFor(robot, "#" + CardDetailsView.FORM_ID);
        fx.executorIdle(); // the question whether the last move can be taken back is answered
    }

    @Test
    void theMoverTakesTheMoveBackFromTheCardsDialogGivingTheReason(FxRobot robot) throws Exception {
        long id = bookingMovedBy(THEO);
        open(robot, id);
        waitFor(robot, "#card-undo-move");

        Button undo = robot.lookup("#card-undo-move").queryAs(Button.class);
        Platform.runLater(undo::fire); // not waited for: it asks why, in a dialog of its own
        waitFor(robot, "#" + CardDetailsView.UNDO_REASON_ID);
        assertThat(robot.lookup("#" + CardDetailsView.UNDO_REASON_ID).queryAs(DialogPane.class).getHeaderText())
                .isEqualTo("The card goes back to the column it came from. Why?");
        CardFixture.replaceText(robot, "#" + CardDetailsView.UNDO_REASON_ID + " .text-field", "Dropped in the wrong column");
        robot.clickOn("OK");

        waitUntil("the correction's answer", () -> visible(robot, "#card-undo-message"));
        assertThat(text(robot, "#card-undo-message"))
                .isEqualTo("'Reiki for Ada' is back in Consultation: the move to Quote provided was taken back.");
        fx.executorIdle();
        String state = fx.store.db.sessionFactory().fromSession(s -> s.find(Booking.class, id).getState());
        assertThat(state).isEqualTo("consultation");
        List<AuditEntry> corrections = fx.audit(id, AuditAction.CORRECTED);
        assertThat(corrections).singleElement().satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("theo");
            assertThat(e.getNote()).isEqualTo("Dropped in the wrong column");
        });
        waitUntil("the history to show the correction", () -> robot.lookup(".history-what").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("Move taken back: Quote provided \u2192 Consultation")));
        assertThat(visible(robot, "#card-undo-move")).as("nothing more to take back").isFalse();
        save(robot, "card-correction.png"); // looked at: the trail's top entry is the correction with its reason
    }

    @Test
    void someoneElsesMoveIsNotOfferedForUndo(FxRobot robot) {
        long id = bookingMovedBy(AMARA);
        open(robot, id);
        waitUntil("the history", () -> !robot.lookup(".history-what").queryAll().isEmpty());
        fx.executorIdle();
        assertThat(visible(robot, "#card-undo-move")).isFalse();
        acting.set(AMARA);
        fx.closeWindows(robot, stage);
        open(robot, id);
        waitFor(robot, "#card-undo-move");
    }

    private static void save(FxRobot robot, String name) throws Exception {
        Window dialog = robot.listWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#" + CardDetailsView.DIALOG_ID) != null).findFirst().orElseThrow();
        CompletableFuture<byte[]> png = new CompletableFuture<>();
        Platform.runLater(() -> png.complete(Png.encode(dialog.getScene().snapshot(null))));
        Path out = Path.of("target", "screenshots", name);
        Files.createDirectories(out.getParent());
        Files.write(out, png.get(10, TimeUnit.SECONDS));
    }
}
