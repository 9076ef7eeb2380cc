package network.higherself.console.signin;

import network.higherself.console.audit.AuditVerifier;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.PasswordHash;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.SignIn;
import network.higherself.console.staff.StaffMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignInServiceTest {

    private static final String THEO = "quiet morning tide";
    private static final String WRONG = "loud evening wave";

    @TempDir
    Path dir;

    private AdjustableClock clock;
    private TestStore store;
    private SignInService service;

    @BeforeEach
    void open() {
        clock = new AdjustableClock(TestStore.T0, ZoneOffset.UTC); // 09:00 UTC
        store = new TestStore(dir, clock);
        service = new SignInService(store.db.sessionFactory(), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SignIn signIn(String user, String password) {
        return service.signIn(user, password.toCharArray());
    }

    private static String refusal(SignIn result) {
        assertThat(result).isInstanceOf(SignIn.Refused.class);
        return ((SignIn.Refused) result).message();
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutesAndEveryAttemptIsAudited() throws SQLException {
        store.staff("theo", Role.FRONT_DESK);
        assertThat(service.setPassword(Actor.system(), "theo", THEO.toCharArray())).isEmpty();

        for (int left = 4; left >= 2; left--) {
            assertThat(refusal(signIn("theo", WRONG))).isEqualTo("That user name and password do not match. " + left
                    + " attempts left before the account is locked for 15 minutes.");
            clock.advance(Duration.ofSeconds(20));
        }
        assertThat(refusal(signIn("theo", WRONG))).endsWith("1 attempt left before the account is locked for 15 minutes.");
        clock.advance(Duration.ofSeconds(20)); // 09:01:20
        assertThat(refusal(signIn("Theo ", WRONG))).isEqualTo("That user name and password do not match. "
                + "This account is locked until 09:16 after 5 failed sign-ins. Try again then, or ask an administrator.");

        // locked: even the right password is refused, without a word about whether it was right
        assertThat(refusal(signIn("theo", THEO))).isEqualTo(
                "This account is locked until 09:16 after 5 failed sign-ins. Try again then, or ask an administrator.");
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(refusal(signIn("theo", THEO))).startsWith("This account is locked until 09:16");

        clock.advance(Duration.ofSeconds(1));
        SignIn in = signIn("theo", THEO);
        assertThat(in).isInstanceOf(SignIn.SignedIn.class);
        assertThat(((SignIn.SignedIn) in).actor()).isEqualTo(Actor.staff("theo", Role.FRONT_DESK));
        // the sign-in cleared the count: five fresh tries
        assertThat(refusal(signIn("theo", WRONG))).contains("4 attempts left");

        List<String> trail = trail();
        assertThat(trail).containsExactly(
                "console PASSWORD_CHANGED -",
                "theo SIGN_IN_FAILED -", "theo SIGN_IN_FAILED -", "theo SIGN_IN_FAILED -", "theo SIGN_IN_FAILED -",
                "theo SIGN_IN_FAILED -", "theo LOCKED_OUT -",
                "theo SIGN_IN_FAILED -", "theo SIGN_IN_FAILED -",
                "theo SIGNED_IN -",
                "theo SIGN_IN_FAILED -");
        assertThat(details()).contains("wrong password, 4 attempts left", "wrong password, 1 attempt left", "locked until 2026-11-02T09:16:20Z after 5 failed sign-ins",
                "refused: the account is locked until 2026-11-02T09:16:20Z", "signed in as Front desk");
        assertNoPasswordStored();
        assertChainIntact();
    }

    @Test
    void anUnknownNameGetsExactlyTheAnswersOfAWrongPassword() throws SQLException {
        store.staff("theo", Role.FRONT_DESK);
        service.setPassword(Actor.system(), "theo", THEO.toCharArray());
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            known.add(refusal(signIn("theo", WRONG)));
            unknown.add(refusal(signIn("nobody", WRONG)));
        }
        assertThat(unknown).isEqualTo(known);
        assertThat(unknown.get(6)).startsWith("This account is locked until 09:15");
        // a real account without a password answers the same way too
        store.staff("newcomer", Role.MARKETING);
        assertThat(refusal(signIn("newcomer", WRONG))).isEqualTo(known.get(0));

        // audited under the start of the name's hash: one name's tries are seen together, the name itself nowhere
        List<String> unknownEntries = trail().stream().filter(e -> e.startsWith("unknown name #")).toList();
        String label = unknownEntries.get(0).substring(0, unknownEntries.get(0).indexOf(" SIGN_IN_FAILED"));
        assertThat(label).matches("unknown name #[0-9a-f]{12}");
        assertThat(unknownEntries).containsExactly(
                label + " SIGN_IN_FAILED -", label + " SIGN_IN_FAILED -", label + " SIGN_IN_FAILED -", label + " SIGN_IN_FAILED -",
                label + " SIGN_IN_FAILED -", label + " LOCKED_OUT -", label + " SIGN_IN_FAILED -", label + " SIGN_IN_FAILED -");
        assertThat(details()).contains("no account has this user name, 4 attempts left", "the account has no password yet, 4 attempts left");
        assertNoPasswordStored();
        assertNotStored("nobody");
        assertChainIntact();
    }

    @Test
    void anUnknownNameIsKeptOnlyHashedAndStillLockedAndCountedAfterItsWindow() throws Exception {
        // a password typed into the name field is the case that matters: it must not be kept in clear anywhere
        String typedInTheWrongField = "my secret phrase";
        for (int i = 0; i < 5; i++) {
            signIn(typedInTheWrongField, WRONG);
        }
        assertThat(refusal(signIn(typedInTheWrongField, WRONG))).startsWith("This account is locked until 09:15");
        assertThat(refusal(signIn(" My Secret Phrase ", WRONG))).as("the same name, normalised, finds the same row")
                .startsWith("This account is locked until 09:15");
        assertThat(refusal(signIn("another unknown", WRONG))).as("another name has its own count").contains("4 attempts left");

        clock.advance(Duration.ofMinutes(16)); // the lock is over: the name is counted afresh, still under its hash
        assertThat(refusal(signIn(typedInTheWrongField, WRONG))).contains("4 attempts left");
        try (Connection c = store.db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name_hash, failed_attempts FROM sign_in_unknown ORDER BY failed_attempts")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                assertThat(rs.getString(1)).matches("[A-Za-z0-9+/]{43}=");
                rows.add(String.valueOf(rs.getInt(2)));
            }
            assertThat(rows).containsExactly("1", "1");
        }
        assertNotStored(typedInTheWrongField);
        assertNotStored("another unknown");
        assertChainIntact();
        store.close();
        // nor in the file's bytes (old pages included), where someone who copies the file would look
        byte[] file = java.nio.file.Files.readAllBytes(dir.resolve("console.mv.db"));
        assertThat(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(typedInTheWrongField)
                .doesNotContain("another unknown");
        store = new TestStore(dir, clock);
    }

    /** No column of any table holds {@code text}. */
    private void assertNotStored(String text) throws SQLException {
        try (Connection c = store.db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
            StringBuilder dump = new StringBuilder();
            while (rs.next()) {
                dump.append(rs.getString(1)).append('\n');
            }
            assertThat(dump.toString()).contains("INSERT INTO").doesNotContainIgnoringCase(text);
        }
    }

    @Test
    void aBlankNameOrPasswordIsNotAnAttempt() throws SQLException {
        assertThat(refusal(service.signIn("  ", "something long".toCharArray()))).isEqualTo("Enter your user name and password.");
        assertThat(refusal(service.signIn("theo", new char[0]))).isEqualTo("Enter your user name and password.");
        assertThat(trail()).isEmpty();
    }

    @Test
    void theFirstStartCreatesTheAdministratorAndRefusesAWeakPassword() throws SQLException {
        assertThat(service.needsFirstAdministrator()).isTrue();
        assertThat(refusal(service.createFirstAdministrator("amara", "Amara Osei", "short".toCharArray())))
                .startsWith("A password needs at least 10 characters; this one has 5.");
        assertThat(refusal(service.createFirstAdministrator("amara", "Amara Osei", "amara-amara-amara".toCharArray())))
                .isEqualTo("A password must not contain the user name: choose another.");
        assertThat(refusal(service.createFirstAdministrator("Amara Osei", "Amara Osei", "lantern river sage".toCharArray())))
                .startsWith("A user name has 2 to 60 characters");
        assertThat(refusal(service.createFirstAdministrator("amara", " ", "lantern river sage".toCharArray())))
                .startsWith("Enter the name the console shows for this person");
        assertThat(service.needsFirstAdministrator()).isTrue();
        assertThat(trail()).isEmpty();

        SignIn created = service.createFirstAdministrator(" Amara ", "Amara Osei", "lantern river sage".toCharArray());
        assertThat(created).isEqualTo(new SignIn.SignedIn(Actor.staff("amara", Role.ADMINISTRATOR), "Amara Osei"));
        assertThat(service.needsFirstAdministrator()).isFalse();
        assertThat(refusal(service.createFirstAdministrator("jonas", "Jonas Berg", "another long one".toCharArray())))
                .startsWith("An administrator account exists already: sign in with it.");

        assertThat(signIn("amara", "lantern river sage")).isInstanceOf(SignIn.SignedIn.class);
        assertThat(trail()).containsExactly("amara ACCOUNT_CREATED -", "amara SIGNED_IN -", "amara SIGNED_IN -");
        assertNoPasswordStored();
        assertChainIntact();
    }

    @Test
    void anAdministratorSetsPasswordsAndLiftsALockOthersChangeOnlyTheirOwn() throws SQLException {
        store.staff("theo", Role.FRONT_DESK);
        service.setPassword(Actor.system(), "theo", THEO.toCharArray());
        for (int i = 0; i < 5; i++) {
            signIn("theo", WRONG);
        }
        assertThat(service.setPassword(Actor.staff("theo", Role.FRONT_DESK), "theo", "a brand new one".toCharArray()))
                .hasValue("Only an administrator may set someone's password. Change your own with your current password.");
        assertThat(service.setPassword(Actor.staff("amara", Role.ADMINISTRATOR), "theo", "short".toCharArray())).isPresent();
        assertThat(service.setPassword(Actor.staff("amara", Role.ADMINISTRATOR), "theo", "fresh start please".toCharArray())).isEmpty();
        assertThat(signIn("theo", "fresh start please")).isInstanceOf(SignIn.SignedIn.class);

        assertThat(service.changePassword("theo", WRONG.toCharArray(), "yet another phrase".toCharArray()))
                .hasValue("That user name and password do not match. 4 attempts left before the account is locked for 15 minutes.");
        assertThat(service.changePassword("theo", "fresh start please".toCharArray(), "yet another phrase".toCharArray())).isEmpty();
        assertThat(signIn("theo", "fresh start please")).isInstanceOf(SignIn.Refused.class);
        assertThat(signIn("theo", "yet another phrase")).isInstanceOf(SignIn.SignedIn.class);
        assertThat(trail()).contains("amara PASSWORD_CHANGED -", "theo PASSWORD_CHANGED -");
        assertChainIntact();
    }

    @Test
    void aHashWithAnOlderIterationCountStillSignsInAndIsBroughtUpToDate() throws Exception {
        StaffMember theo = store.staff("theo", Role.FRONT_DESK);
        byte[] salt = new byte[16];
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(THEO.toCharArray(), salt, 10_000, 256)).getEncoded();
        store.db.sessionFactory().inTransaction(s -> s.find(StaffMember.class, theo.getId()).setPassword(
                new PasswordHash(Base64.getEncoder().encodeToString(key), Base64.getEncoder().encodeToString(salt), 10_000)));

        assertThat(signIn("theo", THEO)).isInstanceOf(SignIn.SignedIn.class);
        int iterations = store.db.sessionFactory().fromSession(s ->
                s.find(StaffMember.class, theo.getId()).password().orElseThrow().iterations());
        assertThat(iterations).isEqualTo(600_000);
        assertThat(signIn("theo", THEO)).isInstanceOf(SignIn.SignedIn.class);
    }

    /** "actor ACTION card" per entry, in order ("-" for no card). */
    private List<String> trail() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = store.db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT actor, action, card_id, workflow_id FROM audit_entry ORDER BY seq")) {
            while (rs.next()) {
                assertThat(rs.getString(4)).isNull();
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + (rs.getObject(3) == null ? "-" : rs.getLong(3)));
            }
        }
        return out;
    }

    private List<String> details() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = store.db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT details FROM audit_entry ORDER BY seq")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** No column of any table holds a password the tests typed. */
    private void assertNoPasswordStored() throws SQLException {
        try (Connection c = store.db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
            StringBuilder dump = new StringBuilder();
            while (rs.next()) {
                dump.append(rs.getString(1)).append('\n');
            }
            assertThat(dump.toString()).contains("INSERT INTO").doesNotContain(THEO).doesNotContain(WRONG)
                    .doesNotContain("lantern river sage").doesNotContain("fresh start please");
        }
    }

    private void assertChainIntact() throws SQLException {
        try (Connection c = store.db.dataSource().getConnection()) {
            AuditVerifier.Verification v = new AuditVerifier().verify(c);
            assertThat(v.problem()).isEmpty();
        }
    }
}
