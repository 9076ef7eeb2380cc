package network.higherself.console.ui.card;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.higherself.console.card.Booking;
import network.higherself.console.card.CardKinds;
import network.higherself.console.card.ContentPiece;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static network.higherself.console.ui.card.CardFixture.text;
import static network.higherself.console.ui.card.CardFixture.waitFor;
import static network.higherself.console.ui.card.CardFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

@FxTest
class EventInputFormTest {

    private static final Actor THEO = Actor.staff("theo", Role.FRONT_DESK);

    @TempDir
    Path dir;

    private TestStore store;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        store = new TestStore(dir);
        Theme.applyLight();
        stage.setScene(new Scene(new StackPane(), 800, 600));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> List.copyOf(javafx.stage.Window.getWindows()).stream().filter(w -> w != stage)
                .forEach(javafx.stage.Window::hide));
        store.close();
    }

    private AtomicReference<EventInputForm.Answer> ask(FxRobot robot, String workflowId, String event, String heading) {
        AtomicReference<EventInputForm.Answer> answer = new AtomicReference<>();
        robot.interact(() -> EventInputForm.ask(stage, workflowId, heading,
                CardKinds.newCard(workflowId, "").inputsFor(event), Map.of(), type -> List.of()).show(answer::set));
        waitFor(robot, "#" + EventInputForm.DIALOG_ID);
        return answer;
    }

    @Test
    void theQuoteAskedForCompletesTheConsultationMove(FxRobot robot) {
        long id = ((Outcome.Done) store.service.create(Booking.WORKFLOW, "Sound bath", THEO, null)).cardId();
        assertThat(store.service.move(network.higherself.console.move.MoveRequest.byEvent(id, "consultation_scheduled", THEO))
                .isDone()).isTrue();
        AtomicReference<EventInputForm.Answer> answer = ask(robot, Booking.WORKFLOW, "consultation_completed",
                "Consultation completed");
        Button ok = robot.lookup("#" + EventInputForm.OK_ID).queryButton();
        assertThat(ok.isDisabled()).as("the quote is needed first").isTrue();

        robot.clickOn("#field-quote").write("12,5x");
        waitFor(robot, "#field-quote-problem");
        assertThat(text(robot, "#field-quote-problem")).isEqualTo("'12,5x' is not an amount: write it like 120.00");
        assertThat(ok.isDisabled()).isTrue();
        CardFixture.replaceText(robot, "#field-quote", "95");
        waitUntil("Continue to be enabled", () -> !ok.isDisabled());
        robot.clickOn(ok);
        waitUntil("the answer", () -> answer.get() != null);

        Outcome moved = store.service.move(answer.get().request(id, "consultation_completed", THEO));
        assertThat(moved.isDone()).as(moved.message()).isTrue();
        BigDecimal quote = store.db.sessionFactory().fromSession(s -> Booking.QUOTE.get(s.find(Booking.class, id)));
        assertThat(quote).isEqualByComparingTo("95.00");
        assertThat(answer.get().note()).isNull();
    }

    @Test
    void aNoteAskedForGoesWithTheMove(FxRobot robot) {
        AtomicReference<EventInputForm.Answer> answer = ask(robot, ContentPiece.WORKFLOW, "changes_requested", "Changes requested");
        assertThat(text(robot, ".field-label")).isEqualTo("What needs to change *");
        robot.clickOn("#field-note").write("Shorter intro, and credit the photographer.");
        robot.clickOn("#" + EventInputForm.OK_ID);
        waitUntil("the answer", () -> answer.get() != null);
        assertThat(answer.get().note()).isEqualTo("Shorter intro, and credit the photographer.");
        assertThat(answer.get().values()).containsOnlyKeys("note");
    }

    @Test
    void cancellingGivesNoAnswer(FxRobot robot) {
        AtomicReference<EventInputForm.Answer> answer = ask(robot, Booking.WORKFLOW, "client_declined_quote", "Client declined quote");
        robot.clickOn("#field-cancel-reason").write("Found another date elsewhere.");
        robot.clickOn("Cancel");
        waitUntil("the form to close", () -> !CardFixture.visible(robot, "#" + EventInputForm.DIALOG_ID));
        assertThat(answer.get()).isNull();
    }
}
