package network.higherself.console.app;

import network.higherself.console.audit.AuditVerifier;
import network.higherself.console.demo.DemoData;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.Database;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import network.higherself.console.signin.SignInService;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.SignIn;
import picocli.CommandLine;

import java.time.Clock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** init-demo, list and move as a script would use them. */
class DataCommandsTest {

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;
    /** What the person "types" when a command asks for a password (HSC_PASSWORD cannot be set from a test). */
    private PasswordPrompt passwords = user -> Optional.of(DemoData.DEMO_PASSWORD.toCharArray());

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = Launcher.commandLine(passwords);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }

    @Test
    void demoDataFillsEveryColumnOfEveryBoardWithABackdatedHistory() throws SQLException {
        Instant before = Instant.now();
        assertThat(run("init-demo")).isZero();
        assertThat(out.toString()).contains("Demo data created");

        try (Database db = Database.open(new DataFolder(dir), Clock.systemDefaultZone())) {
            CardQueries queries = new CardQueries(db.dataSource());
            for (Workflow w : WorkflowCatalog.bundled().all()) {
                Map<String, Long> counts = queries.countsByState(w.id());
                for (State s : w.states()) {
                    assertThat(counts.getOrDefault(s.id(), 0L)).as("%s / %s", w.id(), s.id()).isBetween(1L, 2L);
                }
            }
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                ResultSet rs = st.executeQuery("SELECT COUNT(*), MIN(at), MAX(at), COUNT(DISTINCT actor) FROM audit_entry WHERE action = 'MOVED'");
                rs.next();
                assertThat(rs.getLong(1)).as("moves in the history").isGreaterThan(300);
                assertThat(rs.getObject(2, OffsetDateTime.class).toInstant()).as("history goes back weeks")
                        .isBefore(before.minusSeconds(14 * 24 * 3600));
                assertThat(rs.getObject(3, OffsetDateTime.class).toInstant()).as("nothing in the future").isBefore(before);
                assertThat(rs.getLong(4)).as("staff and agents both act").isGreaterThanOrEqualTo(5);
                rs = st.executeQuery("SELECT COUNT(*) FROM card c WHERE c.version <> (SELECT COUNT(*) FROM audit_entry a WHERE a.card_id = c.id AND a.action IN ('MOVED','EDITED'))");
                rs.next();
                assertThat(rs.getLong(1)).as("every change of every card is in the trail").isZero();
            }
        }
        assertThat(run("verify-audit")).isZero();

        assertThat(run("init-demo")).isZero();
        assertThat(out.toString()).contains("already has cards; no demo data was added");
    }

    @Test
    void generatedCardsAreSpreadOverTheBoardsAndAudited() {
        assertThat(run("init-demo", "--cards", "2000")).isZero();
        assertThat(out.toString()).contains("Added 2000 generated cards");
        assertThat(run("list", "--board", "WF-CONSULT", "--state", "invoicing")).isZero();
        assertThat(out.toString().lines().count()).as("demo card + generated ones").isGreaterThan(20);
        assertThat(run("verify-audit")).isZero();
    }

    @Test
    void listAndMoveThroughTheCommandLine() {
        run("init-demo");
        assertThat(run("list", "--board", "WF-WELL-BOOK", "--state", "quote_provided")).isZero();
        String line = out.toString().lines().findFirst().orElseThrow();
        assertThat(line).matches("\\d+\tquote_provided\t.+");
        String id = line.split("\t")[0];

        assertThat(run("move", "--card", id, "--event", "payment_received", "--as", "theo")).isEqualTo(1);
        assertThat(err.toString()).contains("Refused: \u201cPayment received\u201d cannot be fired from Quote provided. "
                + "A booking in Quote provided can go to Payment pending (by \u201cClient accepted quote\u201d) or Canceled (by \u201cClient declined quote\u201d).");

        assertThat(run("move", "--card", id, "--event", "client_accepted_quote", "--as", "theo", "--note", "Said yes on the phone")).isZero();
        assertThat(out.toString()).startsWith("Card #" + id + " is now in payment_pending.");

        assertThat(run("move", "--card", id, "--event", "payment_received", "--as", "theo")).isEqualTo(1);
        assertThat(err.toString()).contains("does not cover the quote");

        assertThat(run("move", "--card", id, "--event", "client_declined_quote", "--as", "theo")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot be fired from Payment pending");

        assertThat(run("move", "--card", id, "--event", "client_accepted_quote", "--as", "nobody")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("That user name and password do not match. "
                + "4 attempts left before the account is locked for 15 minutes." + System.lineSeparator());
        assertThat(run("list", "--board", "WF-NOPE")).isEqualTo(1);
        assertThat(err.toString()).contains("There is no board 'WF-NOPE'. The boards are: WF-GALLERY-EXH");
    }

    @Test
    void aWrongPasswordIsRefusedAndAuditedAndAgentsDoNotSignIn() throws SQLException {
        run("init-demo");
        run("list", "--board", "WF-WELL-BOOK", "--state", "quote_provided");
        String id = out.toString().lines().findFirst().orElseThrow().split("\t")[0];

        passwords = user -> Optional.of("not the password".toCharArray());
        assertThat(run("move", "--card", id, "--event", "client_accepted_quote", "--as", "theo")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("That user name and password do not match. "
                + "4 attempts left before the account is locked for 15 minutes." + System.lineSeparator());
        assertThat(out.toString()).isEmpty();

        assertThat(run("move", "--card", id, "--event", "payment_timeout", "--as", "Solari")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("Solari is an agent, and agents do not sign in: they act through the "
                + "console's scheduler. Give your own staff user name with --as." + System.lineSeparator());

        passwords = user -> Optional.empty(); // no HSC_PASSWORD and no terminal
        assertThat(run("move", "--card", id, "--event", "client_accepted_quote", "--as", "theo")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("A password is needed to act as theo: give --password-file FILE or "
                + "--password-stdin, set the environment variable HSC_PASSWORD, or run the command in a terminal to be "
                + "asked for it." + System.lineSeparator());

        try (Database db = Database.open(new DataFolder(dir), java.time.Clock.systemUTC()); Connection c = db.dataSource().getConnection();
             Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT actor, action, card_id, details FROM audit_entry WHERE action LIKE 'SIGN%' ORDER BY seq");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("theo");
            assertThat(rs.getString(2)).isEqualTo("SIGN_IN_FAILED");
            assertThat(rs.getObject(3)).isNull();
            assertThat(rs.getString(4)).isEqualTo("wrong password, 4 attempts left");
            assertThat(rs.next()).as("one attempt, one entry").isFalse();
            assertThat(new AuditVerifier().verify(c).intact()).isTrue();
            rs = st.executeQuery("SELECT state FROM card WHERE id = " + id);
            rs.next();
            assertThat(rs.getString(1)).as("nothing moved").isEqualTo("quote_provided");
        }
    }

    @Test
    void theDemoAccountsSignInWithTheDemoPasswordShownForThem() {
        run("init-demo");
        try (Services services = Services.open(new DataFolder(dir), java.time.Clock.systemDefaultZone())) {
            List<DemoData.DemoAccount> accounts = DemoData.demoAccounts(services.database());
            assertThat(accounts).extracting(DemoData.DemoAccount::username)
                    .containsExactly("amara", "jonas", "lucia", "theo", "priya", "malik", "elena");
            assertThat(accounts.get(0)).isEqualTo(new DemoData.DemoAccount("amara", "Amara Osei", Role.ADMINISTRATOR, "higherself-demo"));
            SignInService signIn = new SignInService(services.database().sessionFactory(), services.clock());
            for (DemoData.DemoAccount a : accounts) {
                SignIn result = signIn.signIn(a.username(), a.password().toCharArray());
                assertThat(result).as(a.username()).isEqualTo(new SignIn.SignedIn(Actor.staff(a.username(), a.role()), a.displayName()));
            }
            assertThat(signIn.needsFirstAdministrator()).isFalse();

            // a changed password is no longer shown: the screen never lists a password that does not work
            assertThat(signIn.changePassword("theo", DemoData.DEMO_PASSWORD.toCharArray(), "a secret of my own".toCharArray())).isEmpty();
            assertThat(DemoData.demoAccounts(services.database())).extracting(DemoData.DemoAccount::username).doesNotContain("theo").hasSize(6);
        }
    }

    @Test
    void aFolderOthersCouldReadIsTightenedAndTheCommandSaysSoOnce() throws Exception {
        assertThat(run("init-demo")).isZero();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(run("list", "--board", "WF-WELL-BOOK")).isZero();
        assertThat(err.toString()).isEqualTo("The data folder " + dir + " could be read by other users of this computer "
                + "(rwxr-xr-x); it is now readable by you only." + System.lineSeparator());
        assertThat(out.toString()).contains("inquiry");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");

        assertThat(run("list", "--board", "WF-WELL-BOOK")).isZero();
        assertThat(err.toString()).as("once").isEmpty();
    }

    @Test
    void aZeroByteDatabaseIsRefusedByACommandWithASentenceAndStaysEmpty() throws Exception {
        Files.createFile(dir.resolve("console.mv.db"));
        assertThat(run("list", "--board", "WF-WELL-BOOK")).isEqualTo(1);
        assertThat(err.toString()).startsWith(dir.resolve("console.mv.db") + " is empty (0 bytes)")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
        assertThat(dir.resolve("console.mv.db")).isEmptyFile();
    }
}
