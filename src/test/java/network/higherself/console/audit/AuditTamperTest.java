package network.higherself.console.audit;

import network.higherself.console.app.Launcher;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Changes the audit trail behind the console's back, directly in the database file, and expects verify-audit to notice. */
class AuditTamperTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeAHistoryOfTenEntries() {
        try (TestStore store = new TestStore(dir)) {
            Actor malik = Actor.staff("malik", Role.MARKETING);
            for (int i = 0; i < 2; i++) {
                long id = ((Outcome.Done) store.service.create("WF-SFTR-PUB", "Client portal " + i, malik, null)).cardId();
                for (String event : new String[]{"design_complete", "internal_approval", "client_approval", "tests_passed"}) {
                    assertThat(store.service.move(MoveRequest.byEvent(id, event, malik).withNote("step")).isDone()).isTrue();
                }
            }
        }
    }

    private int verify() {
        CommandLine cl = Launcher.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute("--data-dir", dir.toString(), "verify-audit");
    }

    private void tamper(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("console"), "sa", "");
             Statement st = c.createStatement()) {
            for (String s : sql) {
                st.executeUpdate(s);
            }
        }
    }

    @Test
    void anUntouchedTrailVerifies() {
        assertThat(verify()).isZero();
        assertThat(out.toString()).contains("Audit trail intact: 10 entries checked.");
    }

    @Test
    void anEditedEntryIsNamed() throws SQLException {
        tamper("UPDATE audit_entry SET note = 'nothing to see' WHERE seq = 5");
        assertThat(verify()).isEqualTo(1);
        assertThat(err.toString()).contains("entry 5 (MOVED by malik) does not match its hash: it was changed after it was written");
    }

    @Test
    void anEditedActorIsNamed() throws SQLException {
        tamper("UPDATE audit_entry SET actor = 'jonas' WHERE seq = 2");
        assertThat(verify()).isEqualTo(1);
        assertThat(err.toString()).contains("entry 2 (MOVED by jonas) does not match its hash");
    }

    @Test
    void anEditWithARecomputedHashBreaksTheLinkToTheNextEntry() throws SQLException {
        // a careful forger rewrites entry 5 and its own hash: entry 6 no longer follows it
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("console"), "sa", "");
             Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT at, actor, action, workflow_id, card_id, from_state, to_state, event, details, prev_hash FROM audit_entry WHERE seq = 5");
            rs.next();
            String forged = AuditHash.of(5, rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), "forged", rs.getString(9), rs.getString(10));
            st.executeUpdate("UPDATE audit_entry SET note = 'forged', hash = '" + forged + "' WHERE seq = 5");
        }
        assertThat(verify()).isEqualTo(1);
        assertThat(err.toString()).contains("entry 6 does not follow entry 5");
    }

    @Test
    void aDeletedEntryIsNamed() throws SQLException {
        tamper("DELETE FROM audit_entry WHERE seq = 4");
        assertThat(verify()).isEqualTo(1);
        assertThat(err.toString()).contains("entry 4 is missing (the trail jumps from entry 3 to 5)");
    }

    @Test
    void aDeletedLastEntryIsNamed() throws SQLException {
        tamper("DELETE FROM audit_entry WHERE seq = 10");
        assertThat(verify()).isEqualTo(1);
        assertThat(err.toString()).contains("entry 10 is missing: 10 entries were written but the trail ends at entry 9");
    }

    @Test
    void reorderedEntriesAreNamed() throws SQLException {
        tamper("UPDATE audit_entry SET seq = 1000 WHERE seq = 3",
                "UPDATE audit_entry SET seq = 3 WHERE seq = 4",
                "UPDATE audit_entry SET seq = 4 WHERE seq = 1000");
        assertThat(verify()).isEqualTo(1);
        assertThat(err.toString()).contains("entry 3 does not follow entry 2");
    }
}
