package network.higherself.console.ui.card;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.higherself.console.agent.TaskItem;
import network.higherself.console.agent.TaskService;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Client;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.WorkflowRights;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static network.higherself.console.ui.card.CardFixture.text;
import static network.higherself.console.ui.card.CardFixture.visible;
import static network.higherself.console.ui.card.CardFixture.waitFor;
import static network.higherself.console.ui.card.CardFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ruvo's preparation checklist in the card dialog: seen and ticked by front desk (rights enforced), read only for
 * someone who may not edit bookings, closed once the booking has left preparation, absent on a card without one.
 */
@FxTest
class CardChecklistViewTest {

    private static final Actor THEO = Actor.staff("theo", Role.FRONT_DESK);
    private static final Actor AMARA = Actor.staff("amara", Role.ADMINISTRATOR);
    private static final Actor LUCIA = Actor.staff("lucia", Role.GALLERY_STAFF);
    private static final List<String> KINDS = List.of("room", "practitioner", "materials", "client_reminder");

    /** Who has the dialog open: the signed-in person. */
    private final AtomicReference<Actor> acting = new AtomicReference<>(THEO);

    @TempDir
    Path dir;

    private CardFixture fx;
    private Stage stage;
    private long clientId;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fx = new CardFixture(dir, acting::get);
        Client ada = new Client("Ada Lovelace", "ada@example.com", "+44 20 7946 0958");
        fx.store.db.sessionFactory().inTransaction(s -> s.persist(ada));
        clientId = ada.getId();
        Theme.applyLight();
        stage.setScene(new Scene(new StackPane(), 800, 600));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        fx.closeWindows(robot, stage);
        fx.close();
    }

    private TaskService tasks() {
        return fx.services.agents().tasks();
    }

    /** A paid booking with a service date, created and moved on by people through the agents' enforcement point. */
    private long booking(List<String> events) {
        Outcome created = fx.services.cards().create(Booking.WORKFLOW, "Reiki for Ada", THEO, (card, refs) -> {
            Booking b = (Booking) card;
            Booking.CLIENT.set(b, refs.get(Client.class, clientId));
            Booking.QUOTE.set(b, new BigDecimal("120.00"));
            Booking.AMOUNT_PAID.set(b, new BigDecimal("120.00"));
            Booking.SERVICE_AT.set(b, LocalDateTime.parse("2026-11-10T14:00"));
        });
        long id = ((Outcome.Done) created).cardId();
        for (String e : events) {
            Outcome o = fx.services.cards().move(MoveRequest.byEvent(id, e, AMARA));
            assertThat(o).as("%s: %s", e, o.message()).isInstanceOf(Outcome.Done.class);
        }
        return id;
    }

    /** A booking in preparation: Ruvo made its checklist on the way in. */
    private long bookingInPreparation() {
        return booking(List.of("consultation_scheduled", "consultation_completed", "client_accepted_quote", "payment_received",
                "confirmation_sent", "approaching_service_date"));
    }

    private void open(FxRobot robot, long id) {
        robot.interact(() -> fx.editor.openCard(stage, id, () -> {
        }));
        waitFor(robot, "#" + CardDetailsView.FORM_ID);
    }

    private static CheckBox box(FxRobot robot, String kind) {
        return robot.lookup("#" + CardDetailsView.TASK_ID_PREFIX + kind).queryAs(CheckBox.class);
    }

    /** A task's title beside its box (the history names the tasks too). */
    private static Label taskTitle(FxRobot robot, String title) {
        return robot.lookup(".task-title").match(org.testfx.matcher.control.LabeledMatchers.hasText(title)).queryAs(Label.class);
    }

    private static String progress(FxRobot robot) {
        return text(robot, "#" + CardDetailsView.CHECKLIST_PROGRESS_ID);
    }

    private static List<String> labels(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Label.class).stream()
                .sorted(java.util.Comparator.comparingDouble(l -> l.localToScene(0, 0).getY()))
                .map(Label::getText).toList();
    }

    @Test
    void frontDeskSeesRuvosFourTasksTicksThemAndTheServiceCanStart(FxRobot robot) {
        long id = bookingInPreparation();
        open(robot, id);
        waitFor(robot, "#" + CardDetailsView.CHECKLIST_ID);
        assertThat(text(robot, "#" + CardDetailsView.CHECKLIST_TITLE_ID)).isEqualTo("Preparation checklist");
        assertThat(progress(robot)).isEqualTo("0 of 4 done");
        assertThat(labels(robot, ".checklist-meta")).containsExactly("Made by Ruvo when the booking entered Preparation");
        assertThat(labels(robot, ".task-title")).containsExactly("Book the room",
                "Confirm the practitioner", "Prepare the materials",
                "Remind Ada Lovelace of the appointment on 10 Nov 14:00");
        assertThat(labels(robot, ".task-detail")).containsOnly("Required").hasSize(4);
        for (String kind : KINDS) {
            assertThat(box(robot, kind).isSelected()).isFalse();
            assertThat(box(robot, kind).isDisabled()).as(kind).isFalse();
        }
        assertThat(text(robot, "#" + CardDetailsView.CHECKLIST_NOTICE_ID)).as("nothing in the way").isNullOrEmpty();

        robot.clickOn("#" + CardDetailsView.TASK_ID_PREFIX + "room");
        waitUntil("the tick to be stored and shown", () -> progress(robot).equals("1 of 4 done"));
        TaskItem room = tasks().tasksOf(id).get(0);
        assertThat(room.kind()).isEqualTo("room");
        assertThat(room.done()).isTrue();
        assertThat(room.doneBy()).isEqualTo("theo");
        assertThat(box(robot, "room").isSelected()).isTrue();
        assertThat(labels(robot, ".task-detail")).containsExactly("Done by theo  \u00b7  2026-11-02 09:00", "Required",
                "Required", "Required");
        assertThat(labels(robot, ".history-what").get(0)).as("the history is read again")
                .isEqualTo("Ticked: Book the room");
        assertThat(text(robot, "#" + CardDetailsView.CHECKLIST_MESSAGE_ID)).as("no refusal to show").isNullOrEmpty();

        // the rest by their titles, as a person would click the words
        for (String title : List.of("Confirm the practitioner", "Prepare the materials",
                "Remind Ada Lovelace of the appointment on 10 Nov 14:00")) {
            String before = progress(robot);
            robot.clickOn(taskTitle(robot, title));
            waitUntil("the tick of " + title, () -> !progress(robot).equals(before));
        }
        assertThat(progress(robot)).isEqualTo("4 of 4 done");
        assertThat(tasks().tasksOf(id)).allSatisfy(t -> assertThat(t.done()).isTrue());
        assertThat(tasks().openRequired(id)).isEmpty();

        Outcome started = fx.services.cards().move(MoveRequest.byEvent(id, "service_started", THEO));
        assertThat(started).as(started.message()).isInstanceOf(Outcome.Done.class);
    }

    @Test
    void closingTheCardAfterATickRefreshesTheBoardClosingItUntouchedDoesNot(FxRobot robot) {
        long id = bookingInPreparation();
        java.util.concurrent.atomic.AtomicInteger boardRefreshes = new java.util.concurrent.atomic.AtomicInteger();
        robot.interact(() -> fx.editor.openCard(stage, id, boardRefreshes::incrementAndGet));
        waitFor(robot, "#" + CardDetailsView.CHECKLIST_ID);
        robot.clickOn("Cancel");
        waitUntil("the card to close", () -> robot.lookup("#" + CardDetailsView.FORM_ID).tryQuery().isEmpty());
        assertThat(boardRefreshes.get()).as("nothing changed: the board is not read again").isZero();

        robot.interact(() -> fx.editor.openCard(stage, id, boardRefreshes::incrementAndGet));
        waitFor(robot, "#" + CardDetailsView.CHECKLIST_ID);
        robot.clickOn("#" + CardDetailsView.TASK_ID_PREFIX + "room");
        waitUntil("the tick to be stored and shown", () -> progress(robot).equals("1 of 4 done"));
        robot.clickOn("Cancel");
        waitUntil("the card to close", () -> robot.lookup("#" + CardDetailsView.FORM_ID).tryQuery().isEmpty());
        assertThat(boardRefreshes.get()).as("the card on the board shows the checklist's progress").isEqualTo(1);
    }

    @Test
    void untickingOpensATaskAgain(FxRobot robot) {
        long id = bookingInPreparation();
        assertThat(tasks().tick(tasks().tasksOf(id).get(1).id(), true, AMARA).isDone()).isTrue();
        open(robot, id);
        waitFor(robot, "#" + CardDetailsView.CHECKLIST_ID);
        assertThat(progress(robot)).isEqualTo("1 of 4 done");
        assertThat(labels(robot, ".task-detail").get(1)).isEqualTo("Done by amara  \u00b7  2026-11-02 09:00");

        robot.clickOn("#" + CardDetailsView.TASK_ID_PREFIX + "practitioner");
        waitUntil("the untick", () -> progress(robot).equals("0 of 4 done"));
        assertThat(tasks().tasksOf(id).get(1).done()).isFalse();
        assertThat(box(robot, "practitioner").isSelected()).isFalse();
        assertThat(labels(robot, ".history-what").get(0)).isEqualTo("Unticked: Confirm the practitioner");
    }

    @Test
    void someoneWhoMayNotEditBookingsSeesTheChecklistWithDisabledBoxesAndWhy(FxRobot robot) {
        long id = bookingInPreparation();
        acting.set(LUCIA);
        open(robot, id);
        waitFor(robot, "#" + CardDetailsView.CHECKLIST_ID);
        assertThat(text(robot, "#" + CardDetailsView.CHECKLIST_NOTICE_ID)).isEqualTo("You can read this checklist but not "
                + "tick it: lucia (gallery staff) may not edit cards on Wellness bookings. Ask for the right with a permission request.");
        for (String kind : KINDS) {
            assertThat(box(robot, kind).isDisabled()).as(kind).isTrue();
        }
        robot.clickOn(taskTitle(robot, "Book the room"));
        robot.clickOn("#" + CardDetailsView.TASK_ID_PREFIX + "room");
        fx.executorIdle();
        assertThat(box(robot, "room").isSelected()).isFalse();
        assertThat(tasks().tasksOf(id)).noneSatisfy(t -> assertThat(t.done()).isTrue());
        assertThat(progress(robot)).isEqualTo("0 of 4 done");
    }

    @Test
    void aTickRefusedAfterTheRightWasTakenAwayPutsTheBoxBackAndSaysWhy(FxRobot robot) {
        long id = bookingInPreparation();
        open(robot, id);
        waitFor(robot, "#" + CardDetailsView.CHECKLIST_ID);
        assertThat(box(robot, "room").isDisabled()).isFalse();
        // while the dialog is open, an administrator leaves front desk only the right to look at bookings
        Outcome changed = fx.services.roleRights().set(AMARA, Role.FRONT_DESK, Booking.WORKFLOW, WorkflowRights.VIEW);
        assertThat(changed.isDone()).as(changed.message()).isTrue();

        robot.clickOn("#" + CardDetailsView.TASK_ID_PREFIX + "room");
        waitUntil("the refusal", () -> text(robot, "#" + CardDetailsView.CHECKLIST_MESSAGE_ID) != null);
        assertThat(text(robot, "#" + CardDetailsView.CHECKLIST_MESSAGE_ID)).as("the checklist says why, in the checklist")
                .isEqualTo("theo (front desk) may not edit cards on Wellness bookings. Ask for the right with a permission request.");
        assertThat(text(robot, "#" + CardDetailsView.MESSAGE_ID)).as("the form's line is for the form").isNullOrEmpty();
        waitUntil("the boxes to show what is stored", () -> !box(robot, "room").isSelected() && box(robot, "room").isDisabled());
        assertThat(tasks().tasksOf(id).get(0).done()).isFalse();
        assertThat(text(robot, "#" + CardDetailsView.CHECKLIST_NOTICE_ID)).startsWith("You can read this checklist but not tick it");
        assertThat(progress(robot)).isEqualTo("0 of 4 done");
    }

    @Test
    void onceTheServiceHasStartedTheChecklistIsClosed(FxRobot robot) {
        long id = bookingInPreparation();
        for (TaskItem t : tasks().tasksOf(id)) {
            assertThat(tasks().tick(t.id(), true, THEO).isDone()).isTrue();
        }
        assertThat(fx.services.cards().move(MoveRequest.byEvent(id, "service_started", THEO)).isDone()).isTrue();
        open(robot, id);
        waitFor(robot, "#" + CardDetailsView.CHECKLIST_ID);
        assertThat(text(robot, "#" + CardDetailsView.CHECKLIST_NOTICE_ID))
                .isEqualTo("This checklist is closed: the booking is in Service delivery now, so its tasks can no longer be ticked.");
        assertThat(progress(robot)).isEqualTo("4 of 4 done");
        for (String kind : KINDS) {
            assertThat(box(robot, kind).isSelected()).isTrue();
            assertThat(box(robot, kind).isDisabled()).as(kind).isTrue();
        }
    }

    @Test
    void aCardWithoutAChecklistShowsNoChecklist(FxRobot robot) {
        long id = booking(List.of("consultation_scheduled"));
        open(robot, id);
        waitUntil("the history", () -> visible(robot, "#" + CardDetailsView.HISTORY_ID));
        fx.executorIdle();
        assertThat(visible(robot, "#" + CardDetailsView.CHECKLIST_ID)).isFalse();
        assertThat(robot.lookup(".task-title").tryQuery()).isEmpty();
    }
}
