package network.higherself.console.store;

import network.higherself.console.app.Commands;
import network.higherself.console.audit.AuditAnchor;
import network.higherself.console.move.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every copy in {@code backups/} has a manifest beside it holding the audit trail's head at the time of the copy
 * (an anchor kept outside the database): verify-audit accepts it with {@code --expect} while the trail is whole,
 * and names a trail cut back behind it.
 */
class BackupManifestTest {

    @TempDir
    Path dir;

    @Test
    void aCopyMadeAtStartHasTheTrailsHeadInItsManifest() throws Exception {
        Path file = dir.resolve("console.mv.db");
        byte[] leftOpen;
        AuditAnchor head;
        try (TestStore store = new TestStore(dir, DamagedDatabaseTest.CLOCK)) {
            for (int i = 0; i < 3; i++) {
                DatabaseTest.createBooking(store, "Booking " + i);
            }
            try (Connection c = store.db.dataSource().getConnection()) {
                head = AuditAnchor.ofHead(c).orElseThrow();
            }
            leftOpen = Files.readAllBytes(file); // as a killed console leaves it: a copy is made at the next start
        }
        Files.write(file, leftOpen);
        try (Database db = Database.open(new DataFolder(dir), DamagedDatabaseTest.CLOCK)) {
            List<Path> copies = DatabaseTest.backups(dir);
            assertThat(copies).hasSize(1);
            Path manifest = Database.manifestOf(copies.get(0));
            assertThat(Files.readString(manifest)).isEqualTo(copies.get(0).getFileName()
                    + ": a copy of console.mv.db made 2026-11-02 09:00:00\n"
                    + "audit entries: 3\naudit head hash: " + head.hash() + "\nanchor: 3:" + head.hash() + "\n"
                    + "To check later that the trail was neither cut nor rewritten up to here: verify-audit --expect 3:"
                    + head.hash() + "\n");
        }

        assertThat(verify("--expect", head.toString())).isZero();
        try (TestStore store = new TestStore(dir, DamagedDatabaseTest.CLOCK); Connection c = store.db.dataSource().getConnection();
             var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM audit_entry WHERE seq = 3");
            st.executeUpdate("UPDATE audit_head SET last_seq = 2, last_hash = (SELECT hash FROM audit_entry WHERE seq = 2)");
            st.executeUpdate("DELETE FROM outbox_event WHERE card_id = (SELECT MAX(id) FROM card)");
            st.executeUpdate("DELETE FROM card WHERE id = (SELECT MAX(id) FROM card)");
        }
        StringWriter err = new StringWriter();
        assertThat(verify(err)).as("cut with the card it made: the chain and the tables agree").isZero();
        assertThat(verify(err, "--expect", head.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("the trail ends at entry 2, but the anchor " + head + " was taken when it had 3 "
                + "entries: entry 3 was cut off");
    }

    private int verify(String... args) {
        return verify(new StringWriter(), args);
    }

    private int verify(StringWriter err, String... args) {
        return Commands.run(dir, new StringWriter(), err,
                Stream.concat(Stream.of("verify-audit"), Stream.of(args)).toArray(String[]::new));
    }
}
