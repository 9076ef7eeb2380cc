package network.higherself.console.ui.board;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import network.higherself.console.agent.AgentFixture;
import network.higherself.console.agent.AgentRun;
import network.higherself.console.card.AgentMessage;
import network.higherself.console.card.Booking;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.StaffQueries;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.common.Theme;
import network.higherself.console.ui.shell.MainViewModel;
import network.higherself.console.workflow.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What time and the agents put on a board, as a person sees it: a card's countdown moving on with the clock, a
 * refusal the agents hold shown on its card in the agent's name, and the Agent communications board with its
 * approved and denied messages (the reason on the denied one). The clock is the test's; nothing sleeps for time.
 */
@FxTest
class AgentsOnTheBoardTest {

    @TempDir
    Path dir;

    private AgentFixture fx;
    private MainViewModel main;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fx = new AgentFixture(dir);
        // 2026-11-02 09:00 UTC is 10:00 in Berlin, the fixture's zone
        main = new MainViewModel(fx.workflows, fx.cards(), fx.limits(), fx.services.roleRights(), new CardQueries(fx.db.dataSource()),
                new StaffQueries(fx.db.dataSource()), executor, fx.clock, new DataFolder(dir), "");
        Theme.applyLight();
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1600, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        fx.close();
    }

    @Test
    void aBookingWaitingForPaymentShowsItsCountdownWhichMovesOnWithTheClock(FxRobot robot) throws Exception {
        long id = fx.cardIn(Booking.WORKFLOW, "payment_pending", (c, r) -> {
            Booking.PAYMENT_DEADLINE.set(c, LocalDateTime.parse("2026-11-02T12:30")); // 2 h 30 min from now
            Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-12-01T10:00"));
        });
        BoardView view = show(robot, Booking.WORKFLOW);

        Label countdown = visible(robot, "#cards-payment_pending", ".card-countdown");
        assertThat(countdown.getText()).isEqualTo("payment times out in 2 h");
        assertThat(countdown.getStyleClass()).doesNotContain(CardCell.COUNTDOWN_PASSED);
        assertThat(visibleTexts(robot, "#cards-booking_confirmed", ".card-countdown"))
                .as("a card that waits for no time shows no countdown").isEmpty();

        fx.clock.advance(Duration.ofHours(2));
        robot.interact(view::repaintTimes);
        awaitText(robot, "#cards-payment_pending", ".card-countdown", "payment times out in 30 min");

        fx.clock.advance(Duration.ofMinutes(45));
        robot.interact(view::repaintTimes);
        awaitText(robot, "#cards-payment_pending", ".card-countdown", "payment deadline passed");
        Label passed = visible(robot, "#cards-payment_pending", ".card-countdown");
        assertThat(passed.getText()).isEqualTo("payment deadline passed");
        assertThat(passed.getStyleClass()).contains(CardCell.COUNTDOWN_PASSED);

        // Solari fires the timeout; the board on show is read again and the card has left for canceled
        AgentRun run = fx.agents.runner().run();
        assertThat(run.of(AgentRun.Kind.FIRED)).extracting(AgentRun.Line::cardId).containsExactly(id);
        robot.interact(() -> main.agentsRan(run, fx.agents.runner().holds()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#cards-canceled").lookup(".card-title")
                .queryAll().stream().anyMatch(n -> n.isVisible() && "A payment_pending card".equals(((Label) n).getText())));
        assertThat(visibleTexts(robot, "#cards-canceled", ".card-countdown")).isEmpty();
    }

    @Test
    void whatTheAgentsMoveDuringADragShowsOnceTheDragEndsEvenWhenNothingIsDropped(FxRobot robot) throws Exception {
        long waiting = fx.cardIn(Booking.WORKFLOW, "payment_pending", (c, r) -> {
            Booking.PAYMENT_DEADLINE.set(c, LocalDateTime.parse("2026-11-02T09:30")); // passed: due now
            Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-12-01T10:00"));
        });
        fx.cardIn(Booking.WORKFLOW, "inquiry", null);
        BoardView view = show(robot, Booking.WORKFLOW);
        BoardViewModel board = view.model();
        var dragged = robot.lookup("#cards-inquiry").queryListView().getItems().get(0);
        robot.interact(() -> board.dragStarted((network.higherself.console.store.CardSummary) dragged));

        AgentRun run = fx.agents.runner().run();
        assertThat(run.of(AgentRun.Kind.FIRED)).extracting(AgentRun.Line::cardId).containsExactly(waiting);
        robot.interact(() -> main.agentsRan(run, fx.agents.runner().holds()));
        // what the run set off is done (the counts read again) and shown: no refresh of the board under the card
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, executor::isIdle);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visibleTexts(robot, "#cards-payment_pending", ".card-title")).containsExactly("A payment_pending card");

        robot.interact(board::dragEnded); // released outside any column
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> visibleTexts(robot, "#cards-payment_pending", ".card-title").isEmpty());
        assertThat(visibleTexts(robot, "#cards-canceled", ".card-title")).containsExactly("A payment_pending card");
    }

    @Test
    void aRefusalTheAgentsHoldIsShownOnItsCardInTheAgentsNameUntilItIsResolved(FxRobot robot) throws Exception {
        long id = fx.cardIn(Booking.WORKFLOW, "payment_pending", (c, r) -> {
            Booking.PAYMENT_DEADLINE.set(c, LocalDateTime.parse("2026-11-02T09:30"));
            Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-12-01T10:00"));
        });
        fx.cardIn(Booking.WORKFLOW, "canceled", (c, r) -> { });
        assertThat(fx.limits().set(Booking.WORKFLOW, "canceled", 1, true, fx.admin).isDone()).isTrue();
        show(robot, Booking.WORKFLOW);
        assertThat(visibleTexts(robot, "#cards-payment_pending", ".card-agent-note")).isEmpty();

        AgentRun refused = fx.agents.runner().run();
        assertThat(refused.of(AgentRun.Kind.REFUSED)).extracting(AgentRun.Line::cardId).containsExactly(id);
        robot.interact(() -> main.agentsRan(refused, fx.agents.runner().holds()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !visibleTexts(robot, "#cards-payment_pending", ".card-agent-note").isEmpty());
        assertThat(visibleTexts(robot, "#cards-payment_pending", ".card-agent-note")).singleElement().satisfies(t ->
                assertThat(t).startsWith("Solari could not apply \u201cPayment timeout\u201d: ").contains("limit"));

        // someone makes room and moves the card by hand: the note goes with the refusal
        assertThat(fx.limits().set(Booking.WORKFLOW, "canceled", null, false, fx.admin).isDone()).isTrue();
        Outcome o = fx.cards().move(MoveRequest.byEvent(id, "payment_timeout", fx.admin));
        assertThat(o.isDone()).as(o.message()).isTrue();
        fx.clock.advance(Duration.ofSeconds(30));
        AgentRun after = fx.agents.runner().run();
        robot.interact(() -> main.agentsRan(after, fx.agents.runner().holds()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> visibleTexts(robot, "#cards-payment_pending", ".card-title").isEmpty());
        assertThat(main.agentNotes()).isEmpty();
        assertThat(visibleTexts(robot, "#cards-canceled", ".card-agent-note")).isEmpty();
    }

    @Test
    void theAgentCommunicationsBoardShowsApprovedAndDeniedMessagesWithTheReason(FxRobot robot) throws Exception {
        long booking = fx.cardIn(Booking.WORKFLOW, "inquiry", null);
        Outcome handOff = fx.cards().move(MoveRequest.byEvent(booking, "consultation_scheduled", Actor.agent("Nyra")));
        assertThat(handOff.isDone()).as(handOff.message()).isTrue();
        assertThat(fx.agents.runner().run().of(AgentRun.Kind.MESSAGE_COMPLETED)).hasSize(1);
        AgentRun.Line denied = fx.agents.gate().send("Nyra", "Liora", "lead_handoff",
                "{\"card_id\": " + booking + ", \"client\": \"Nora Blake\"}");
        assertThat(denied.kind()).isEqualTo(AgentRun.Kind.MESSAGE_DENIED);

        show(robot, AgentMessage.WORKFLOW);

        assertThat(visibleTexts(robot, "#cards-communication_completed", ".card-title")).singleElement().asString()
                .isEqualTo("lead_handoff: Nyra \u2192 Solari about booking #" + booking + " 'A inquiry card'");
        assertThat(visibleTexts(robot, "#cards-communication_completed", ".card-facts"))
                .singleElement().asString().contains("Nyra \u2192 Solari").contains("lead_handoff");
        assertThat(visibleTexts(robot, "#cards-communication_completed", ".card-agent-note")).isEmpty();

        assertThat(visibleTexts(robot, "#cards-communication_denied", ".card-title"))
                .containsExactly("lead_handoff: Nyra \u2192 Liora");
        assertThat(visibleTexts(robot, "#cards-communication_denied", ".card-agent-note")).singleElement().asString()
                .startsWith("No authorized pattern lets Nyra send lead_handoff to Liora");
        for (String gateState : List.of("request_initiated", "pattern_verification", "permissions_check", "data_validation")) {
            assertThat(visibleTexts(robot, "#cards-" + gateState, ".card-title")).as(gateState).isEmpty();
        }
    }

    @Test
    void aDeniedMessageWithItsWrappedReasonShowsWholeAtTheTopOfItsColumn(FxRobot robot) throws Exception {
        long booking = fx.cardIn(Booking.WORKFLOW, "inquiry", null);
        AgentRun.Line denied = fx.agents.gate().send("Nyra", "Liora", "lead_handoff",
                "{\"card_id\": " + booking + ", \"client\": \"Nora Blake\"}");
        assertThat(denied.kind()).isEqualTo(AgentRun.Kind.MESSAGE_DENIED);

        show(robot, AgentMessage.WORKFLOW);

        javafx.scene.control.ListView<?> list = robot.lookup("#cards-communication_denied").queryListView();
        Label note = visible(robot, "#cards-communication_denied", ".card-agent-note");
        assertThat(note.getHeight()).as("the reason wraps onto three lines").isGreaterThan(3 * note.getFont().getSize());
        Node card = note.getParent();
        javafx.geometry.Bounds inList = list.sceneToLocal(card.localToScene(card.getLayoutBounds()));
        // the card's top border sits at the list's top (under the cell's 3 px padding), not cut off above it
        assertThat(inList.getMinY()).as("top of the card in its column's list").isBetween(0.0, 4.0);
        javafx.scene.control.ListCell<?> cell = (javafx.scene.control.ListCell<?>) card.getParent();
        assertThat(inList.getMaxY()).as("the cell holds the whole card")
                .isLessThanOrEqualTo(list.sceneToLocal(cell.localToScene(cell.getLayoutBounds())).getMaxY());
    }

    // ------------------------------------------------------------------ helpers

    private BoardView show(FxRobot robot, String workflowId) throws InterruptedException {
        Workflow w = fx.workflows.get(workflowId);
        return BoardOnStage.show(robot, stage, () -> {
            main.select(workflowId);
            return main.board(w);
        });
    }

    /** Waits (a layout pulse or two: a list repaints its cells on the next one) for the label to say {@code text}. */
    private static void awaitText(FxRobot robot, String column, String style, String text) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> visibleTexts(robot, column, style).equals(List.of(text)));
        } catch (java.util.concurrent.TimeoutException e) {
            assertThat(visibleTexts(robot, column, style)).as(style + " in " + column).containsExactly(text);
        }
    }

    /** The one visible label of {@code style} in the column's list. */
    private static Label visible(FxRobot robot, String column, String style) {
        List<Label> labels = visibleLabels(robot, column, style);
        assertThat(labels).as(style + " in " + column).hasSize(1);
        return labels.get(0);
    }

    private static List<String> visibleTexts(FxRobot robot, String column, String style) {
        return visibleLabels(robot, column, style).stream().map(Label::getText).toList();
    }

    private static List<Label> visibleLabels(FxRobot robot, String column, String style) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(column).lookup(style).queryAll().stream()
                .filter(AgentsOnTheBoardTest::shown).map(Label.class::cast).toList();
    }

    /** Shown on screen: it and every parent visible (a list keeps spare cells, hidden or empty). */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getParent() != null && ((Label) n).getText() != null && !((Label) n).getText().isBlank();
    }
}
