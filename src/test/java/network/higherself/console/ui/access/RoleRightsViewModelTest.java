package network.higherself.console.ui.access;

import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.RoleDefaults;
import network.higherself.console.staff.WorkflowRights;
import network.higherself.console.ui.access.RoleRightsViewModel.Row;
import network.higherself.console.ui.common.ImmediateExecutor;
import network.higherself.console.workflow.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The roles-and-rights screen's state and commands, on a real database, without a screen or a JavaFX toolkit. */
class RoleRightsViewModelTest {

    private static final Actor AMARA = Actor.staff("amara", Role.ADMINISTRATOR);
    private static final Actor THEO = Actor.staff("theo", Role.FRONT_DESK);

    @TempDir
    Path dir;

    private TestStore store;
    private final AtomicReference<Actor> acting = new AtomicReference<>(AMARA);
    private final List<String> written = new ArrayList<>();
    private RoleRightsViewModel model;

    @BeforeEach
    void open() {
        store = new TestStore(dir);
        model = new RoleRightsViewModel(store.workflows, store.roleRights::rightsOf, (admin, role, workflowId, rights) -> {
            written.add(workflowId);
            return store.roleRights.set(admin, role, workflowId, rights);
        }, new ImmediateExecutor(), acting::get);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Row row(String workflowId) {
        return model.rows().stream().filter(r -> r.workflow().id().equals(workflowId)).findFirst().orElseThrow();
    }

    @Test
    void choosingARoleShowsWhatItMayDoOnEveryBoard() {
        assertThat(model.rows()).extracting(Row::workflow).containsExactlyElementsOf(store.workflows.all());
        assertThat(model.canSaveProperty().get()).as("nothing to save before a role is chosen").isFalse();

        model.roleProperty().set(Role.FRONT_DESK);

        assertThat(model.canSaveProperty().get()).isTrue();
        for (Workflow w : store.workflows.all()) {
            assertThat(row(w.id()).edited()).as(w.id()).isEqualTo(RoleDefaults.defaults(Role.FRONT_DESK, w.id()));
        }
        assertThat(row("WF-WELL-BOOK").eventsProperty().get()).isEqualTo("*");
        assertThat(row("WF-GALLERY-EXH").viewProperty().get()).isFalse();
    }

    @Test
    void savingStoresOnlyTheBoardsThatChangedAndSaysWhatTheyNowAllow() {
        model.roleProperty().set(Role.FRONT_DESK);
        row("WF-GALLERY-EXH").viewProperty().set(true);
        row("WF-CONSULT").editProperty().set(true);
        row("WF-CONSULT").eventsProperty().set("proposal_sent, terms_agreed");

        model.save();

        assertThat(written).containsExactlyInAnyOrder("WF-GALLERY-EXH", "WF-CONSULT");
        assertThat(model.messageProperty().get())
                .contains("Front desk on Gallery exhibits now: view, no events.")
                .contains("Front desk on Consulting projects now: view, edit, events proposal_sent,terms_agreed.");
        var stored = store.service.rightsOf(THEO);
        assertThat(stored.on("WF-GALLERY-EXH")).isEqualTo(WorkflowRights.VIEW);
        assertThat(stored.on("WF-CONSULT"))
                .as("editing implies seeing the board")
                .isEqualTo(new WorkflowRights(true, false, true, false, Set.of("proposal_sent", "terms_agreed")));

        written.clear();
        model.save();
        assertThat(written).as("what was saved is what was read now").isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Nothing changed.");
    }

    @Test
    void aRefusalIsShownAndNothingIsStored() throws Exception {
        model.roleProperty().set(Role.FRONT_DESK);
        row("WF-WELL-BOOK").eventsProperty().set("payment_received, fly_to_the_moon");

        model.save();

        assertThat(model.messageProperty().get()).startsWith("Wellness bookings has no event 'fly_to_the_moon'.");
        assertThat(roleRightRows()).isZero();

        acting.set(THEO); // the screen is the administrator's, but the service decides whoever asks
        row("WF-WELL-BOOK").eventsProperty().set("payment_received");
        model.save();
        assertThat(model.messageProperty().get()).isEqualTo("Only an administrator can change what a role may do.");
        assertThat(roleRightRows()).isZero();

        acting.set(AMARA); // the refused rows still count as changed: saving again stores them
        model.save();
        assertThat(model.messageProperty().get()).isEqualTo("Front desk on Wellness bookings now: view, create, edit, events payment_received.");
        assertThat(roleRightRows()).isOne();
    }

    @Test
    void aRoleWhoseRightsCannotBeReadSaysSo() {
        store.close(); // the database is gone

        model.roleProperty().set(Role.MARKETING);

        assertThat(model.messageProperty().get()).startsWith("The rights could not be read: ");
    }

    private long roleRightRows() throws Exception {
        try (Connection c = store.db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM role_right")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
