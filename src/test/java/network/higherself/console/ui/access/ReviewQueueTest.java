package network.higherself.console.ui.access;

import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.higherself.console.card.Booking;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A staff member asks for a right in the console; a manager approves it in the review queue; the right works. */
@FxTest
class ReviewQueueTest {

    @TempDir
    Path dir;

    private TestStore store;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private final AtomicReference<Actor> acting = new AtomicReference<>();
    private AccessViewModel model;
    private Stage stage;
    private StaffMember priya;
    private StaffMember jonas;
    private StaffMember amara;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        store = new TestStore(dir);
        priya = store.staff("priya", Role.CONSULTANT);
        jonas = store.staff("jonas", Role.MANAGER);
        amara = store.staff("amara", Role.ADMINISTRATOR);
        model = new AccessViewModel(store.service, new PermissionQueries(store.db.dataSource()), executor, acting::get);
        stage.setScene(new Scene(new StackPane(), 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    @Test
    void aManagerApprovesARequestAndTheRequestersNewRightWorks(FxRobot robot) throws Exception {
        long booking = ((Outcome.Done) store.service.create("WF-WELL-BOOK", "Reiki for Nora", Actor.system(),
                (c, refs) -> Booking.QUOTE.set(c, new BigDecimal("70.00")))).cardId();
        for (String e : new String[]{"consultation_scheduled", "consultation_completed", "client_accepted_quote"}) {
            step(booking, e, Actor.system());
        }
        store.service.edit(booking, null, Actor.system(), (c, refs) -> Booking.AMOUNT_PAID.set(c, new BigDecimal("70.00")));
        MoveRequest pay = MoveRequest.byEvent(booking, "payment_received", priya.asActor());
        assertThat(store.service.move(pay)).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Outcome.Refusal.NOT_PERMITTED));

        // priya asks from inside the console
        acting.set(priya.asActor());
        robot.interact(() -> AccessRequestDialog.show(stage, model, priya.getId(), () -> {
        }));
        robot.clickOn("#" + AccessRequestDialog.SCOPES_ID).write("fire payment_received on WF-WELL-BOOK");
        robot.clickOn("#" + AccessRequestDialog.WHY_ID).write("Covering the front desk on Saturdays.");
        robot.clickOn("Send request");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + AccessRequestDialog.ID).tryQuery().isEmpty());

        // jonas, a manager, sees it waiting and approves it
        acting.set(jonas.asActor());
        robot.interact(() -> ReviewQueueView.show(stage, model, () -> {
        }));
        ListView<PermissionQueries.Waiting> queue = robot.lookup("#" + ReviewQueueView.LIST_ID).queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().size() == 1);
        assertThat(queue.getItems().get(0).requester()).isEqualTo("priya");
        assertThat(queue.getItems().get(0).requestedScopes()).isEqualTo("fire payment_received on WF-WELL-BOOK");
        robot.clickOn("#" + ReviewQueueView.APPROVE_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().isEmpty());
        assertThat(robot.lookup("#" + ReviewQueueView.MESSAGE_ID).queryLabeled().getText()).startsWith("Approved:");

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
    void theRequesterCannotApproveTheirOwnRequest(FxRobot robot) throws Exception {
        acting.set(jonas.asActor());
        robot.interact(() -> AccessRequestDialog.show(stage, model, jonas.getId(), () -> {
        }));
        robot.clickOn("#" + AccessRequestDialog.SCOPES_ID).write("view WF-CONSULT");
        robot.clickOn("#" + AccessRequestDialog.WHY_ID).write("To follow the projects.");
        robot.clickOn("Send request");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + AccessRequestDialog.ID).tryQuery().isEmpty());

        robot.interact(() -> ReviewQueueView.show(stage, model, () -> {
        }));
        ListView<PermissionQueries.Waiting> queue = robot.lookup("#" + ReviewQueueView.LIST_ID).queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().size() == 1);
        robot.clickOn("#" + ReviewQueueView.APPROVE_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#" + ReviewQueueView.MESSAGE_ID).queryLabeled().getText().isEmpty());
        assertThat(robot.lookup("#" + ReviewQueueView.MESSAGE_ID).queryLabeled().getText())
                .isEqualTo("A request cannot be approved by the person who made it: another manager must approve it.");
        assertThat(queue.getItems()).hasSize(1);
    }

    @Test
    void aRequestWithABadScopeSaysHowToWriteIt(FxRobot robot) throws Exception {
        acting.set(priya.asActor());
        robot.interact(() -> AccessRequestDialog.show(stage, model, priya.getId(), () -> {
        }));
        robot.clickOn("#" + AccessRequestDialog.SCOPES_ID).write("everything please");
        robot.clickOn("#" + AccessRequestDialog.WHY_ID).write("Because.");
        robot.clickOn("Send request");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#" + AccessRequestDialog.MESSAGE_ID).queryLabeled().getText().contains("is not a scope"));
        assertThat(robot.lookup("#" + AccessRequestDialog.MESSAGE_ID).queryLabeled().getText())
                .contains("'everything please' is not a scope: write 'view WF-ID', 'create WF-ID', 'edit WF-ID' or 'fire EVENT on WF-ID'.");
        long requests = store.db.sessionFactory().fromSession(s -> s.createNativeQuery(
                "SELECT COUNT(*) FROM card WHERE workflow_id = 'WF-PERM-MGT'", Long.class).getSingleResult());
        assertThat(requests).as("nothing half-written").isZero();
    }

    private void step(long card, String event, Actor actor) {
        Outcome o = store.service.move(MoveRequest.byEvent(card, event, actor));
        assertThat(o.isDone()).as(event + ": " + o.message()).isTrue();
    }
}
