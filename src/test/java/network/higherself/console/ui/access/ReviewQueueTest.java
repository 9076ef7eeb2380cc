package network.higherself.console.ui.access;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.higherself.console.card.Booking;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.demo.SteppingClock;
import network.higherself.console.move.FieldValues;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.store.PermissionQueries;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.FxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static network.higherself.console.ui.access.Pickers.pick;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member asks for a right in the console with the pickers alone; a manager finds it in the review queue (the
 * oldest request first, roles and rights in people's words) and approves it; the right works. Nobody is offered the
 * approval of their own request: the reason stands in the button's place, and the pipeline still refuses it.
 */
@FxTest
class ReviewQueueTest {

    @TempDir
    Path dir;

    private TestStore store;
    private SteppingClock clock;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private final AtomicReference<Actor> acting = new AtomicReference<>();
    private AccessViewModel model;
    private Stage stage;
    private StaffMember priya;
    private StaffMember jonas;
    private StaffMember amara;
    private StaffMember lucia;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        clock = new SteppingClock(TestStore.T0, ZoneOffset.UTC);
        store = new TestStore(dir, clock);
        priya = store.staff("priya", Role.CONSULTANT);
        jonas = store.staff("jonas", Role.MANAGER);
        amara = store.staff("amara", Role.ADMINISTRATOR);
        lucia = store.staff("lucia", Role.GALLERY_STAFF);
        model = new AccessViewModel(store.service, store.workflows, new PermissionQueries(store.db.dataSource()), executor,
                acting::get);
        stage.setScene(new Scene(new StackPane(), 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    @Test
    void aRequestMadeWithThePickersAloneReachesTheQueueAndItsApprovalGivesTheRight(FxRobot robot) throws Exception {
        long booking = ((Outcome.Done) store.service.create("WF-WELL-BOOK", "Reiki for Nora", Actor.system(),
                (c, refs) -> Booking.QUOTE.set(c, new BigDecimal("70.00")))).cardId();
        for (String e : new String[]{"consultation_scheduled", "consultation_completed", "client_accepted_quote"}) {
            step(booking, e, Actor.system());
        }
        store.service.edit(booking, null, Actor.system(), (c, refs) -> Booking.AMOUNT_PAID.set(c, new BigDecimal("70.00")));
        MoveRequest pay = MoveRequest.byEvent(booking, "payment_received", priya.asActor());
        assertThat(store.service.move(pay)).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Outcome.Refusal.NOT_PERMITTED));

        // priya asks from inside the console: three picks and a sentence, no id typed
        acting.set(priya.asActor());
        robot.interact(() -> AccessRequestDialog.show(stage, model, priya.getId(), () -> {
        }));
        pick(robot, AccessRequestDialog.BOARD_ID, "Wellness bookings");
        pick(robot, AccessRequestDialog.RIGHT_ID, "Move cards via an event");
        pick(robot, AccessRequestDialog.EVENT_ID, "Payment received");
        robot.clickOn("#" + AccessRequestDialog.WHY_ID).write("Covering the front desk on Saturdays.");
        robot.clickOn("Send request");
        // the form stays to say it went and where to follow it, until closed
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, AccessRequestDialog.MESSAGE_ID).startsWith("Your request is sent"));
        assertThat(text(robot, AccessRequestDialog.MESSAGE_ID)).contains("\u201cReview requests\u201d")
                .contains("Staff permissions board");
        robot.clickOn("Close");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + AccessRequestDialog.ID).tryQuery().isEmpty());

        // jonas, a manager, sees it waiting, in words, and approves it
        acting.set(jonas.asActor());
        ListView<PermissionQueries.Waiting> queue = openQueue(robot, 1);
        assertThat(queue.getItems().get(0).requester()).isEqualTo("priya");
        assertThat(queue.getItems().get(0).requestedScopes()).isEqualTo("fire payment_received on WF-WELL-BOOK");
        assertThat(textsUnder(robot, queue)).anySatisfy(t -> assertThat(t)
                .contains("priya asks \u00b7 Move cards on Wellness bookings via \u201cPayment received\u201d"));
        assertThat(textsUnder(robot, queue)).noneSatisfy(t -> assertThat(t).contains("WF-WELL-BOOK"));
        assertThat(robot.lookup("#" + ReviewQueueView.NO_APPROVAL_ID).query().isVisible()).isFalse();
        robot.clickOn("#" + ReviewQueueView.APPROVE_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().isEmpty());
        assertThat(text(robot, ReviewQueueView.MESSAGE_ID)).startsWith("Approved:");
        assertThat(model.waitingCountProperty().get()).isZero();

        // the rest of the way: security, set-up, notification, training
        long request = store.db.sessionFactory().fromSession(s -> s.createNativeQuery(
                "SELECT id FROM card WHERE workflow_id = 'WF-PERM-MGT'", Long.class).getSingleResult());
        step(request, "security_cleared", amara.asActor());
        step(request, "permissions_configured", jonas.asActor());
        step(request, "notification_sent", jonas.asActor());
        step(request, "training_completed", jonas.asActor());

        Outcome paid = store.service.move(pay);
        assertThat(paid.isDone()).as(paid.message()).isTrue();
    }

    @Test
    void theRequesterIsNotOfferedTheApprovalOfTheirOwnRequestAndIsToldWhy(FxRobot robot) throws Exception {
        acting.set(jonas.asActor());
        robot.interact(() -> AccessRequestDialog.show(stage, model, jonas.getId(), () -> {
        }));
        pick(robot, AccessRequestDialog.BOARD_ID, "Consulting projects");
        pick(robot, AccessRequestDialog.RIGHT_ID, "View its cards");
        robot.clickOn("#" + AccessRequestDialog.WHY_ID).write("To follow the projects.");
        robot.clickOn("Send request");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, AccessRequestDialog.MESSAGE_ID).startsWith("Your request is sent"));
        robot.clickOn("Close");

        ListView<PermissionQueries.Waiting> queue = openQueue(robot, 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#" + ReviewQueueView.NO_APPROVAL_ID).query().isVisible());
        assertThat(robot.lookup("#" + ReviewQueueView.APPROVE_ID).query().isVisible()).as("no Approve on one's own request").isFalse();
        assertThat(text(robot, ReviewQueueView.NO_APPROVAL_ID))
                .isEqualTo("A request cannot be approved by the person who made it: another manager must approve it.");
        assertThat(robot.lookup("#" + ReviewQueueView.ASK_ID).query().isDisabled()).isFalse();

        // the enforcement point still refuses it, whatever path asks (here the view model's own command)
        robot.interact(() -> model.approve(queue.getItems().get(0), () -> {
        }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, ReviewQueueView.MESSAGE_ID).isEmpty());
        assertThat(text(robot, ReviewQueueView.MESSAGE_ID))
                .isEqualTo("A request cannot be approved by the person who made it: another manager must approve it.");
        assertThat(queue.getItems()).hasSize(1);

        // another manager is offered it
        StaffMember elena = store.staff("elena", Role.MANAGER);
        robot.interact(() -> ((javafx.stage.Window) robot.lookup("#" + ReviewQueueView.ID).query().getScene().getWindow()).hide());
        acting.set(elena.asActor());
        openQueue(robot, 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#" + ReviewQueueView.APPROVE_ID).query().isVisible());
        assertThat(robot.lookup("#" + ReviewQueueView.NO_APPROVAL_ID).query().isVisible()).isFalse();
    }

    @Test
    void theQueueOpensOnTheRequestThatHasWaitedLongest(FxRobot robot) throws Exception {
        // made in one order, sent for review in another: the oldest waiting is neither the first made nor the last
        long first = make(priya, Role.MARKETING, "view WF-CONSULT");
        long second = make(lucia, null, "edit WF-GALLERY-EXH");
        long third = make(amara, null, "view WF-MKTG-CAMP");
        clock.set(TestStore.T0.plus(Duration.ofHours(1)));
        log(second, lucia);
        clock.set(TestStore.T0.plus(Duration.ofHours(2)));
        log(third, amara);
        clock.set(TestStore.T0.plus(Duration.ofHours(3)));
        log(first, priya);

        acting.set(jonas.asActor());
        ListView<PermissionQueries.Waiting> queue = openQueue(robot, 3);
        assertThat(queue.getItems()).extracting(PermissionQueries.Waiting::id).containsExactly(second, third, first);
        assertThat(queue.getSelectionModel().getSelectedItem().id()).isEqualTo(second);
        assertThat(model.selectedProperty().get().id()).isEqualTo(second);
        assertThat(robot.lookup("#" + ReviewQueueView.APPROVE_ID).query().isVisible()).isTrue();

        // decided, the next oldest is selected
        robot.clickOn("#" + ReviewQueueView.APPROVE_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(queue.getSelectionModel().getSelectedItem().id()).isEqualTo(third);
    }

    @Test
    void rolesAreShownAsPeopleSayThem(FxRobot robot) throws Exception {
        long asked = make(lucia, Role.GALLERY_STAFF, null);
        log(asked, lucia);
        acting.set(jonas.asActor());
        ListView<PermissionQueries.Waiting> queue = openQueue(robot, 1);
        assertThat(textsUnder(robot, queue)).anySatisfy(t -> assertThat(t).contains("lucia asks \u00b7 Role: Gallery staff"));
        assertThat(textsUnder(robot, queue)).noneSatisfy(t -> assertThat(t).containsAnyOf("GALLERY_STAFF", "gallery staff"));
        robot.interact(() -> ((javafx.stage.Window) robot.lookup("#" + ReviewQueueView.ID).query().getScene().getWindow()).hide());

        acting.set(priya.asActor());
        robot.interact(() -> AccessRequestDialog.show(stage, model, priya.getId(), () -> {
        }));
        ComboBox<?> roles = robot.lookup("#" + AccessRequestDialog.ROLE_ID).queryComboBox();
        robot.clickOn(roles);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, roles::isShowing);
        List<String> shown = robot.lookup(".combo-box-popup .list-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null && !t.isEmpty()).toList();
        assertThat(shown).containsExactly("(no role)", "Administrator", "Manager", "Gallery staff", "Front desk", "Consultant",
                "Marketing");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }

    // ------------------------------------------------------------------ helpers

    private ListView<PermissionQueries.Waiting> openQueue(FxRobot robot, int expected) throws Exception {
        robot.interact(() -> ReviewQueueView.show(stage, model, () -> {
        }));
        ListView<PermissionQueries.Waiting> queue = robot.lookup("#" + ReviewQueueView.LIST_ID).queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().size() == expected);
        WaitForAsyncUtils.waitForFxEvents();
        return queue;
    }

    private long make(StaffMember who, Role role, String scopes) {
        Outcome o = store.service.create(PermissionRequest.WORKFLOW, "Access for " + who.getUsername(), who.asActor(),
                FieldValues.NONE.withValue(PermissionRequest.STAFF_MEMBER, who.getId()).with(PermissionRequest.REQUESTED_ROLE, role)
                        .with(PermissionRequest.REQUESTED_SCOPES, scopes).with(PermissionRequest.JUSTIFICATION, "Needed for work."));
        assertThat(o.isDone()).as(o.message()).isTrue();
        return ((Outcome.Done) o).cardId();
    }

    private void log(long request, StaffMember who) {
        step(request, PermissionRequest.LOG_EVENT, who.asActor());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryLabeled().getText();
    }

    private static List<String> textsUnder(FxRobot robot, Node node) {
        return robot.from(node).lookup(".label")
                .queryAllAs(Labeled.class).stream().map(Labeled::getText).filter(t -> t != null).toList();
    }

    private void step(long card, String event, Actor actor) {
        Outcome o = store.service.move(MoveRequest.byEvent(card, event, actor));
        assertThat(o.isDone()).as(event + ": " + o.message()).isTrue();
    }
}
