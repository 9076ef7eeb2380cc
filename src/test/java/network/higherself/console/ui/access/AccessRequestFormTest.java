package network.higherself.console.ui.access;

import network.higherself.console.card.PermissionRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.store.PermissionQueries;
import network.higherself.console.ui.common.ImmediateExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Ask for access" form's pickers, checks and sending, on a real database, without a screen or a JavaFX toolkit. */
class AccessRequestFormTest {

    @TempDir
    Path dir;

    private TestStore store;
    private StaffMember priya;
    private AccessRequestForm form;
    private final List<Outcome> sent = new ArrayList<>();

    @BeforeEach
    void open() {
        store = new TestStore(dir);
        priya = store.staff("priya", Role.CONSULTANT);
        AccessViewModel access = new AccessViewModel(store.service, store.workflows, new PermissionQueries(store.db.dataSource()),
                new ImmediateExecutor(), priya::asActor);
        form = new AccessRequestForm(access, priya.getId());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long requests() {
        return store.db.sessionFactory().fromSession(s -> s.createNativeQuery(
                "SELECT COUNT(*) FROM card WHERE workflow_id = 'WF-PERM-MGT'", Long.class).getSingleResult());
    }

    @Test
    void theFormAndItsSendButtonSayWhatIsMissingStepByStep() {
        assertThat(form.missingProperty().get()).isEqualTo("Choose a role, or a board and the right you need on it.");
        assertThat(form.sendTextProperty().get()).isEqualTo("Choose what you need");

        form.boardProperty().set(store.workflows.get("WF-WELL-BOOK"));
        assertThat(form.missingProperty().get()).isEqualTo("Choose what you need to do on Wellness bookings.");
        assertThat(form.sendTextProperty().get()).isEqualTo("Choose the right");

        form.rightProperty().set(AskedRight.Kind.MOVE);
        assertThat(form.missingProperty().get()).isEqualTo("Choose the event you need to move Wellness bookings cards with.");
        assertThat(form.sendTextProperty().get()).isEqualTo("Choose the event");

        form.eventProperty().set("payment_received");
        assertThat(form.missingProperty().get()).isEqualTo("Say why you need it: the manager decides on that.");
        assertThat(form.sendTextProperty().get()).isEqualTo("Say why");

        form.send(sent::add); // sent anyway (a key, a script): refused with the same sentence, nothing written
        assertThat(form.messageProperty().get()).isEqualTo("Say why you need it: the manager decides on that.");
        assertThat(sent).isEmpty();
        assertThat(requests()).isZero();

        form.justificationProperty().set("Covering the front desk on Saturdays.");
        assertThat(form.missingProperty().get()).isEmpty();
        assertThat(form.sendTextProperty().get()).isEqualTo("Send request");
        assertThat(form.summaryProperty().get())
                .isEqualTo("You ask for: Move cards on Wellness bookings via \u201cPayment received\u201d.");
        form.roleProperty().set(Role.FRONT_DESK);
        assertThat(form.summaryProperty().get()).isEqualTo("You ask for: the role Front desk, and to move cards on "
                + "Wellness bookings via \u201cPayment received\u201d.");
    }

    @Test
    void aRoleAloneIsEnoughAndTheRightPickersClearWithTheBoard() {
        form.roleProperty().set(Role.GALLERY_STAFF);
        form.justificationProperty().set("Helping with the spring exhibition.");
        assertThat(form.missingProperty().get()).isEmpty();

        form.boardProperty().set(store.workflows.get("WF-WELL-BOOK"));
        assertThat(form.events()).contains("payment_received", "client_accepted_quote");
        form.rightProperty().set(AskedRight.Kind.MOVE);
        form.eventProperty().set("payment_received");
        form.boardProperty().set(store.workflows.get("WF-GALLERY-EXH")); // another board: its own events
        assertThat(form.events()).doesNotContain("payment_received").contains("artists_confirmed");
        assertThat(form.eventProperty().get()).isNull();
        assertThat(form.missingProperty().get()).isEqualTo("Choose the event you need to move Gallery exhibits cards with.");
        form.rightProperty().set(AskedRight.Kind.VIEW);
        assertThat(form.missingProperty().get()).isEmpty();
        form.boardProperty().set(null); // no board after all: the role alone
        assertThat(form.rightProperty().get()).isNull();
        assertThat(form.missingProperty().get()).isEmpty();
    }

    @Test
    void aJustificationTooLongIsToldAsTheCardFormTellsIt() {
        form.roleProperty().set(Role.MARKETING);
        int max = PermissionRequest.JUSTIFICATION.maxLength();
        assertThat(max).isPositive();
        form.justificationProperty().set("x".repeat(max));
        assertThat(form.missingProperty().get()).isEmpty();
        form.justificationProperty().set("x".repeat(max + 1));
        assertThat(form.missingProperty().get())
                .isEqualTo("Justification is " + (max + 1) + " characters long; at most " + max + " fit.");
        assertThat(form.sendTextProperty().get()).isEqualTo("Shorten the justification");
        form.send(sent::add);
        assertThat(sent).isEmpty();
        assertThat(requests()).isZero();
    }

    @Test
    void aRequestMadeWithThePickersIsLoggedForReviewSaysWhereToFollowItAndIsSentOnlyOnce() {
        form.boardProperty().set(store.workflows.get("WF-WELL-BOOK"));
        form.rightProperty().set(AskedRight.Kind.MOVE);
        form.eventProperty().set("payment_received");
        form.justificationProperty().set("Covering the front desk on Saturdays.");

        form.send(sent::add);

        assertThat(sent).singleElement().satisfies(o -> assertThat(o.isDone()).as(o.message()).isTrue());
        assertThat(form.sentProperty().get()).isTrue();
        assertThat(form.sendTextProperty().get()).isEqualTo("Close");
        assertThat(form.messageProperty().get()).isEqualTo("Your request is sent: a manager decides it in \u201cReview "
                + "requests\u201d. Follow it on the Staff permissions board, where it waits in Manager review.");
        assertThat(new PermissionQueries(store.db.dataSource()).waitingForReview()).singleElement().satisfies(w -> {
            assertThat(w.requestedScopes()).isEqualTo("fire payment_received on WF-WELL-BOOK");
            assertThat(w.title()).isEqualTo("Access for priya: Move cards on Wellness bookings via \u201cPayment received\u201d");
        });

        form.send(sent::add); // a second click on the button
        assertThat(sent).hasSize(1);
        assertThat(requests()).isOne();
    }

    @Test
    void aFailureIsShownOnTheFormAndNothingIsSent() {
        form.boardProperty().set(store.workflows.get("WF-CONSULT"));
        form.rightProperty().set(AskedRight.Kind.VIEW);
        form.justificationProperty().set("To follow the projects.");
        store.close(); // the database is gone
        form.send(sent::add);
        assertThat(form.messageProperty().get()).startsWith("The request could not be saved: ");
        assertThat(form.sentProperty().get()).isFalse();
        assertThat(form.sendingProperty().get()).isFalse();
        assertThat(sent).isEmpty();
    }
}
