package network.higherself.console.audit;

import network.higherself.console.app.Commands;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.demo.DemoData;
import network.higherself.console.move.DbRows;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.signin.SignInService;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.SignIn;
import network.higherself.console.staff.WorkflowRights;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * verify-audit replays the trail and compares it with the tables: a database made by the demo and then used as
 * people use it (moves, edits, reorders, a column renumbered, grants given, applied again after an audit and removed,
 * rights and limits set, sign-ins, a lockout and a password reset) is "intact"; each change made directly in a
 * table, behind the console's back, is named in a sentence; a trail cut or rewritten after an anchor was kept is
 * named against that anchor.
 */
class TrailReplayTest {

    @TempDir
    static Path used;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The demo data, then a session of real use, through the console's own paths. */
    @BeforeAll
    static void aDemoDatabaseInUse() {
        assertThat(Commands.run(used, new StringWriter(), new StringWriter(), "init-demo")).isZero();

        try (TestStore store = new TestStore(used)) {
            DbRows rows = new DbRows(store.db.dataSource());
            Actor amara = Actor.staff("amara", Role.ADMINISTRATOR);
            Actor jonas = Actor.staff("jonas", Role.MANAGER);

            // moves and an edit
            long booking = id(rows, "WF-WELL-BOOK", "inquiry");
            done(store.service.move(MoveRequest.byEvent(booking, "consultation_scheduled", amara)));
            done(store.service.edit(booking, null, amara, (c, r) -> c.setTitle("Sound bath for two")));
            // reorders, until the column is renumbered to make room
            List<Long> column = ids(rows, "WF-GALLERY-EXH", "concept");
            for (int i = 0; i < 12; i++) {
                done(store.service.create("WF-GALLERY-EXH", "Study " + i, amara, null));
            }
            boolean renumbered = false;
            for (int i = 0; i < 14 && !renumbered; i++) {
                column = ids(rows, "WF-GALLERY-EXH", "concept");
                Outcome o = done(store.service.reorder(column.get(column.size() - 1), column.get(0), column.get(1), null, amara));
                renumbered = o.message().equals("The column was renumbered.");
            }
            assertThat(renumbered).isTrue();
            // a grant that comes in force, one applied again after an audit, one removed
            done(store.service.move(MoveRequest.byEvent(id(rows, PermissionRequest.WORKFLOW, "training"), "training_completed", jonas)));
            done(store.service.move(MoveRequest.byEvent(id(rows, PermissionRequest.WORKFLOW, "modification"), "changes_applied", jonas)));
            done(store.service.move(MoveRequest.byEvent(id(rows, PermissionRequest.WORKFLOW, "active"), "revocation_requested", jonas)));
            // rights and limits
            done(store.roleRights.set(amara, Role.FRONT_DESK, "WF-CONSULT",
                    new WorkflowRights(true, false, true, false, Set.of("lead_qualified"))));
            done(store.limits.set("WF-WELL-BOOK", "canceled", 9, true, amara));
            done(store.limits.set("WF-CONSULT", "proposal", 4, false, amara));
            done(store.limits.set("WF-CONSULT", "proposal", null, false, amara));
            // sign-ins: one right, five wrong (a lockout), one more refused while locked; another lockout lifted
            SignInService signIn = new SignInService(store.db.sessionFactory(), store.clock);
            assertThat(signIn.signIn("lucia", DemoData.DEMO_PASSWORD.toCharArray())).isInstanceOf(SignIn.SignedIn.class);
            for (String name : List.of("priya", "theo")) {
                for (int i = 0; i < 6; i++) {
                    assertThat(signIn.signIn(name, "not the password".toCharArray())).isInstanceOf(SignIn.Refused.class);
                }
            }
            assertThat(signIn.signIn("malik", "not the password".toCharArray())).isInstanceOf(SignIn.Refused.class);
            assertThat(signIn.setPassword(amara, "theo", "a new long passphrase".toCharArray())).isEmpty();
        }
    }

    @BeforeEach
    void aCopyOfIt() throws IOException {
        Files.copy(used.resolve("console.mv.db"), dir.resolve("console.mv.db"));
    }

    @Test
    void aDatabaseUsedThroughTheConsoleIsIntactAndItsAnchorIsPrinted() {
        assertThat(verify()).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Audit trail intact: ")
                .containsPattern("The tables are what the trail records: \\d+ cards, 7 accounts, 1 role rights and 1 column limits compared.")
                .containsPattern("--expect \\d+:[0-9a-f]{64}\\)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aStateChangedInTheTableIsNamedWithItsLabels() throws SQLException {
        long booking = titled("Sound bath for two");
        sql("UPDATE card SET state = 'completed' WHERE id = " + booking);
        assertThat(verify()).isEqualTo(1);
        assertThat(err.toString()).contains("- Booking #" + booking + " 'Sound bath for two' is in the column Completed in the "
                + "table, but the trail leaves it in Consultation: its state was changed without an entry.");
    }

    @Test
    void aVersionOrBoardChangedInTheTableIsNamed() throws SQLException {
        long exhibition = id("WF-GALLERY-EXH", "concept");
        long booking = id("WF-WELL-BOOK", "completed"); // consulting projects have a column Completed too
        sql("UPDATE card SET version = version + 1 WHERE id = " + exhibition,
                "UPDATE card SET workflow_id = 'WF-CONSULT' WHERE id = " + booking);
        assertThat(verify()).isEqualTo(1);
        assertThat(err.toString()).containsPattern("- Exhibition #" + exhibition + " '[^']+' is at version \\d+ in the table, "
                        + "but the trail records \\d+ changes? since its creation")
                .contains("is on the board Consulting projects in the table, but the trail created it on the board Wellness bookings");
    }

    @Test
    void aRoleChangedInTheTableIsNamed() throws SQLException {
        sql("UPDATE staff_member SET role = 'ADMINISTRATOR' WHERE username = 'lucia'");
        assertThat(verify()).isEqualTo(1);
        assertThat(err.toString()).contains("- The account lucia (Lucia Marin) has the role Administrator in the table, but the "
                + "trail created it as Gallery staff and records no change of role.");
    }

    @Test
    void anAccountAddedInTheTableIsNamed() throws SQLException {
        sql("INSERT INTO staff_member (username, display_name, role, created_at) VALUES ('mallory', 'Mallory', 'ADMINISTRATOR', "
                + "CURRENT_TIMESTAMP)");
        assertThat(verify()).isEqualTo(1);
        assertThat(err.toString()).contains("- The account mallory (Mallory), Administrator, is in the table, but no entry of "
                + "the trail created it.");
    }

    @Test
    void aLockLiftedOrACountResetInTheTableIsNamed() throws SQLException {
        sql("UPDATE staff_member SET locked_until = NULL WHERE username = 'priya'",
                "UPDATE staff_member SET failed_attempts = 0 WHERE username = 'malik'");
        assertThat(verify()).isEqualTo(1);
        assertThat(err.toString()).containsPattern("- The account priya \\(Priya Nair\\) has no lock in the table, but the trail "
                        + "locked it until 20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC: the lock was lifted without an entry.")
                .contains("- The account malik (Malik Hassan) has 0 failed sign-ins counted in the table, but the trail counts 1");
        assertThat(err.toString()).doesNotContain("theo");
    }

    @Test
    void aGrantChangedInTheTableIsNamed() throws SQLException {
        long request;
        String scopes;
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, granted_scopes FROM card WHERE workflow_id = 'WF-PERM-MGT' "
                     + "AND state = 'active' AND granted_scopes IS NOT NULL ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            request = rs.getLong(1);
            scopes = rs.getString(2);
        }
        sql("UPDATE card SET granted_role = 'ADMINISTRATOR' WHERE id = " + request);
        assertThat(verify()).isEqualTo(1);
        assertThat(err.toString()).containsPattern("- Permission request #" + request + " '[^']+' grants role administrator; "
                + Pattern.quote(scopes) + " to \\w+ in the table, but the trail granted " + Pattern.quote(scopes) + " to \\w+\\.");
    }

    @Test
    void aRightAndALimitChangedInTheTableAreNamed() throws SQLException {
        sql("UPDATE role_right SET can_create = TRUE, events = '*' WHERE role = 'FRONT_DESK'",
                "INSERT INTO role_right (role, workflow_id, can_view, can_create, can_edit, events) "
                        + "VALUES ('MARKETING', 'WF-PERM-MGT', TRUE, TRUE, TRUE, '*')",
                "UPDATE column_limit SET max_cards = 90, hard = FALSE WHERE workflow_id = 'WF-WELL-BOOK'",
                "INSERT INTO column_limit (workflow_id, state, max_cards, hard) VALUES ('WF-CONSULT', 'invoicing', 1, TRUE)");
        assertThat(verify()).isEqualTo(1);
        assertThat(err.toString())
                .contains("- Front desk on the board Consulting projects may view, create, edit, all events in the table, "
                        + "but the trail last set view, edit, events lead_qualified.")
                .contains("- Marketing on the board Staff permissions may view, create, edit, all events in the table, but no "
                        + "entry of the trail set that: the role's defaults apply there.")
                .contains("- The column Canceled of the board Wellness bookings has a soft limit of 90 cards in the table, but "
                        + "the trail last set a hard limit of 9 cards.")
                .contains("- The column Invoicing of the board Consulting projects has a hard limit of 1 card in the table, but "
                        + "the trail never set one.");
    }

    @Test
    void aLimitRemovedInTheTableIsNamed() throws SQLException {
        sql("DELETE FROM column_limit");
        assertThat(verify()).isEqualTo(1);
        assertThat(err.toString()).contains("- The trail set a hard limit of 9 cards on the column Canceled of the board "
                + "Wellness bookings, but the table has no limit there.");
    }

    @Test
    void aTrailCutAfterAnAnchorWithItsHeadRewrittenIsNamedAgainstTheAnchor() throws SQLException {
        assertThat(verify()).isZero();
        String anchor = anchor();
        long count = Long.parseLong(anchor.substring(0, anchor.indexOf(':')));
        // the last entries are sign-ins and a password reset: cutting them and rewriting the head leaves a chain
        // that verifies on its own
        long keep = count - 2;
        sql("DELETE FROM audit_entry WHERE seq > " + keep,
                "UPDATE audit_head SET last_seq = " + keep + ", last_hash = (SELECT hash FROM audit_entry WHERE seq = " + keep + ")");
        assertThat(verify("--expect", anchor)).isEqualTo(1);
        assertThat(err.toString()).contains("Audit trail broken: the trail ends at entry " + keep + ", but the anchor " + anchor
                + " was taken when it had " + count + " entries: entries " + (keep + 1) + " to " + count + " were cut off");
    }

    @Test
    void aTrailRewrittenWithEveryHashRecomputedIsNamedOnlyAgainstAnAnchor() throws SQLException {
        assertThat(verify()).isZero();
        String anchor = anchor();
        long count = Long.parseLong(anchor.substring(0, anchor.indexOf(':')));
        rewriteNoteAndRehash(3, "nothing happened here");
        out.getBuffer().setLength(0);
        assertThat(verify()).as("the chain alone cannot tell: %s", err).isZero();
        assertThat(out.toString()).doesNotContain(anchor);
        assertThat(verify("--expect", anchor)).isEqualTo(1);
        assertThat(err.toString()).contains("Audit trail broken: entry " + count + " is not the entry the anchor " + anchor
                + " was taken of");
    }

    @Test
    void anAnchorOfAnEarlierEntryStillHoldsAfterMoreEntries() {
        assertThat(verify()).isZero();
        String anchor = anchor();
        try (TestStore store = new TestStore(dir)) {
            done(store.service.create("WF-CONSULT", "Later project", Actor.staff("amara", Role.ADMINISTRATOR), null));
        }
        assertThat(verify("--expect", anchor)).as(err.toString()).isZero();
    }

    @Test
    void anAnchorThatIsNotOneIsAUsageErrorWithASentence() {
        for (String bad : List.of("abc", "12:xyz", "0:" + "a".repeat(64), "-3:" + "a".repeat(64), "12", "12:" + "a".repeat(63),
                "99999999999999999999:" + "a".repeat(64), "1:\n" + "a".repeat(64), "x".repeat(10_000))) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            assertThat(verify("--expect", bad)).as(bad).isEqualTo(2);
            assertThat(err.toString()).as(bad).contains("is not an anchor: it is the number of entries (1 or more), a colon "
                    + "and the hash of that entry").doesNotContain("Exception").doesNotContain("at network.");
        }
    }

    // ------------------------------------------------------------------ helpers

    private int verify(String... more) {
        return Commands.run(dir, out, err, Stream.concat(Stream.of("verify-audit"), Stream.of(more)).toArray(String[]::new));
    }

    private String anchor() {
        Matcher m = Pattern.compile("--expect (\\d+:[0-9a-f]{64})\\)").matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        return m.group(1);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("console"), "sa", "");
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.executeUpdate(s);
            }
        }
    }

    private long id(String workflowId, String... states) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM card WHERE workflow_id = ? AND state = ? ORDER BY id")) {
            for (String state : states) {
                ps.setString(1, workflowId);
                ps.setString(2, state);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
        }
        throw new AssertionError("no card of " + workflowId + " in " + List.of(states));
    }

    private long titled(String title) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT id FROM card WHERE title = ?")) {
            ps.setString(1, title);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(title).isTrue();
                return rs.getLong(1);
            }
        }
    }

    /** What someone holding the file can do: change an entry and recompute every hash from it to the head. */
    private void rewriteNoteAndRehash(long from, String note) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE audit_entry SET note = '" + note + "' WHERE seq = " + from);
            String prev;
            try (ResultSet rs = st.executeQuery("SELECT hash FROM audit_entry WHERE seq = " + (from - 1))) {
                rs.next();
                prev = rs.getString(1);
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT seq, at, actor, action, workflow_id, card_id, "
                    + "from_state, to_state, event, note, details FROM audit_entry WHERE seq >= " + from + " ORDER BY seq");
                 PreparedStatement up = c.prepareStatement("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE seq = ?")) {
                while (rs.next()) {
                    long card = rs.getLong("card_id");
                    Long cardId = rs.wasNull() ? null : card;
                    String hash = AuditHash.of(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                            rs.getString("actor"), rs.getString("action"), rs.getString("workflow_id"), cardId,
                            rs.getString("from_state"), rs.getString("to_state"), rs.getString("event"), rs.getString("note"),
                            rs.getString("details"), prev);
                    up.setString(1, prev);
                    up.setString(2, hash);
                    up.setLong(3, rs.getLong("seq"));
                    up.executeUpdate();
                    prev = hash;
                }
            }
            st.executeUpdate("UPDATE audit_head SET last_hash = '" + prev + "'");
        }
    }

    private static long id(DbRows rows, String workflowId, String state) {
        return ids(rows, workflowId, state).get(0);
    }

    private static List<Long> ids(DbRows rows, String workflowId, String state) {
        return rows.rows("SELECT id FROM card WHERE workflow_id = ? AND state = ? ORDER BY position, id", workflowId, state)
                .stream().map((Map<String, Object> r) -> ((Number) r.get("ID")).longValue()).toList();
    }

    private static Outcome done(Outcome o) {
        assertThat(o.isDone()).as(o.message()).isTrue();
        return o;
    }
}
