package network.higherself.console.ui.access;

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

/** The "Ask for access" form's checks and sending, on a real database, without a screen or a JavaFX toolkit. */
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
        AccessViewModel access = new AccessViewModel(store.service, new PermissionQueries(store.db.dataSource()),
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
    void aFormThatDoesNotSayWhatOrWhyIsNotSent() {
        form.justificationProperty().set("Covering Saturdays.");
        form.send(sent::add);
        assertThat(form.messageProperty().get()).isEqualTo("Choose a role or write the rights you need.");

        form.justificationProperty().set("  ");
        form.roleProperty().set(Role.MANAGER);
        form.send(sent::add);
        assertThat(form.messageProperty().get()).isEqualTo("Say why you need it: the manager decides on that.");

        assertThat(sent).isEmpty();
        assertThat(form.sentProperty().get()).isFalse();
        assertThat(requests()).isZero();
    }

    @Test
    void aRequestIsMadeLoggedForReviewAndSentOnlyOnce() {
        form.scopesProperty().set("fire payment_received on WF-WELL-BOOK");
        form.justificationProperty().set("Covering the front desk on Saturdays.");

        form.send(sent::add);

        assertThat(sent).singleElement().satisfies(o -> assertThat(o.isDone()).as(o.message()).isTrue());
        assertThat(form.sentProperty().get()).isTrue();
        assertThat(new PermissionQueries(store.db.dataSource()).waitingForReview()).singleElement()
                .satisfies(w -> assertThat(w.requestedScopes()).isEqualTo("fire payment_received on WF-WELL-BOOK"));

        form.send(sent::add); // a second click on "Send request"
        assertThat(sent).hasSize(1);
        assertThat(requests()).isOne();
    }

    @Test
    void aRefusalOrAFailureIsShownOnTheForm() {
        form.scopesProperty().set("everything please");
        form.justificationProperty().set("Because.");
        form.send(sent::add);
        assertThat(form.messageProperty().get()).contains("'everything please' is not a scope");
        assertThat(sent).isEmpty();
        assertThat(requests()).isZero();

        store.close(); // the database is gone
        form.scopesProperty().set("view WF-CONSULT");
        form.send(sent::add);
        assertThat(form.messageProperty().get()).startsWith("The request could not be saved: ");
        assertThat(form.sentProperty().get()).isFalse();
    }
}
