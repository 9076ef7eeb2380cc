package network.higherself.console.app;

import network.higherself.console.signin.SignInService;
import network.higherself.console.staff.SignIn;
import network.higherself.console.store.DataFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log in the data folder records sign-ins, right and wrong, from the window's service and from the command line,
 * and the first administrator's creation, but never a password, a password's hash or its salt (the log is a file
 * people send to whoever helps them), nor a name without an account (often a password typed in the name field).
 */
class LogKeepsNoSecretsTest {

    private static final String PASSWORD = "Lantern-harbour-quiet-7319";
    private static final String WRONG = "Orchid-meadow-wrong-4482";

    @TempDir
    Path dir;

    @AfterEach
    void stopLogging() {
        ConsoleLog.stop();
    }

    @Test
    void signInsAndPasswordCommandsAreLoggedWithoutPasswordsOrHashes() throws Exception {
        DataFolder folder = new DataFolder(dir.resolve("data"));
        List<String> problems = new ArrayList<>();
        Path log = ConsoleLog.writeTo(folder, problems::add);
        assertThat(problems).isEmpty();
        assertThat(log).isEqualTo(folder.path().resolve("logs").resolve("console.log"));

        String hash;
        String salt;
        try (Services services = Services.open(folder, Clock.systemUTC())) {
            SignInService signIn = new SignInService(services.database().sessionFactory(), services.clock());
            assertThat(signIn.createFirstAdministrator("ada", "Ada Lovelace", PASSWORD.toCharArray()))
                    .isInstanceOf(SignIn.SignedIn.class);
            assertThat(signIn.signIn("ada", PASSWORD.toCharArray())).isInstanceOf(SignIn.SignedIn.class);
            assertThat(signIn.signIn("ada", WRONG.toCharArray())).isInstanceOf(SignIn.Refused.class);
            // the password typed into the name field, and the name into the password field
            assertThat(signIn.signIn(PASSWORD, "ada".toCharArray())).isInstanceOf(SignIn.Refused.class);
            try (Connection c = services.database().dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT password_hash, password_salt FROM staff_member WHERE username = 'ada'")) {
                assertThat(rs.next()).isTrue();
                hash = rs.getString(1);
                salt = rs.getString(2);
            }
        }
        assertThat(hash).isNotBlank();

        Path right = passwordFile("right.pw", PASSWORD);
        Path wrong = passwordFile("wrong.pw", WRONG);
        StringWriter said = new StringWriter();
        assertThat(move(folder, right, said)).as(said.toString()).isEqualTo(1); // signed in; there is no such card
        assertThat(said.toString()).doesNotContain("do not match");
        assertThat(move(folder, wrong, said)).isEqualTo(1);
        assertThat(said.toString()).contains("That user name and password do not match.");
        ConsoleLog.stop();

        String text = logText(folder);
        assertThat(text).as("the log records the sign-ins")
                .contains("ada signed in")
                .contains("ada sign in failed: wrong password")
                .contains("unknown name #")
                .contains("ada account created: first administrator account created");
        assertThat(text.lines().filter(l -> l.contains("ada signed in")).count())
                .as("the window's sign-in and the command line's").isGreaterThanOrEqualTo(2);
        String lower = text.toLowerCase(Locale.ROOT);
        assertThat(lower).as("no password").doesNotContain(PASSWORD.toLowerCase(Locale.ROOT))
                .doesNotContain(WRONG.toLowerCase(Locale.ROOT));
        assertThat(text).as("no hash, no salt").doesNotContain(hash).doesNotContain(salt);
        assertThat(Files.getPosixFilePermissions(log)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(log.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void anEncryptedFolderIsLoggedWithoutItsPassphraseOrKey() throws Exception {
        String passphrase = "Quiet-harbour-lantern-2274";
        String wrongOne = "Meadow-orchid-wrong-9113";
        DataFolder folder = new DataFolder(dir.resolve("encrypted"));
        ConsoleLog.writeTo(folder, p -> {
        });
        Path right = passwordFile("right.pp", passphrase);
        Path wrong = passwordFile("wrong.pp", wrongOne);
        StringWriter said = new StringWriter();
        assertThat(Commands.run(folder.path(), said, said, "init-demo", "--encrypt", "--passphrase-file", right.toString()))
                .as(said.toString()).isZero();
        assertThat(Commands.run(folder.path(), said, said, "list", "--board", "WF-WELL-BOOK", "--passphrase-file",
                wrong.toString())).isEqualTo(1);
        assertThat(Commands.run(folder.path(), said, said, "backup", "--passphrase-file", right.toString()))
                .as(said.toString()).isZero();
        ConsoleLog.stop();

        String text = logText(folder);
        assertThat(text).contains("A passphrase that does not open").contains("Backup of");
        assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain(passphrase.toLowerCase(Locale.ROOT))
                .doesNotContain(wrongOne.toLowerCase(Locale.ROOT)).doesNotContain("cipher=aes;");
        assertThat(said.toString()).doesNotContain(passphrase).doesNotContain(wrongOne);
        // nor the key H2 is given: the passphrase stretched as the marker says
        String salt = Files.readAllLines(folder.path().resolve("console.encryption")).stream()
                .filter(l -> l.startsWith("salt: ")).findFirst().orElseThrow().substring(6);
        byte[] key = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
                new javax.crypto.spec.PBEKeySpec(passphrase.toCharArray(), java.util.Base64.getDecoder().decode(salt),
                        600_000, 256)).getEncoded();
        assertThat(text).doesNotContain(java.util.HexFormat.of().formatHex(key));
    }

    private int move(DataFolder folder, Path passwordFile, StringWriter said) {
        said.getBuffer().setLength(0);
        CommandLine cl = Launcher.commandLine(user -> Optional.empty());
        cl.setOut(new PrintWriter(said));
        cl.setErr(new PrintWriter(said));
        return cl.execute("--data-dir", folder.path().toString(), "move", "--card", "1", "--event", "quote_sent",
                "--as", "ada", "--password-file", passwordFile.toString());
    }

    private Path passwordFile(String name, String password) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, password + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    /** Every file of the log, the rolled-over ones too. */
    private static String logText(DataFolder folder) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(folder.logFile().getParent())) {
            for (Path f : files.sorted().toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }
}
