package network.higherself.console.app;

import network.higherself.console.demo.DemoData;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --password-file} and {@code --password-stdin}: how a script gives the password without an environment
 * variable. Each refusal is a sentence, exit status 1, and no sign-in attempt is counted for a password that was
 * never read.
 */
class PasswordOptionsTest {

    @TempDir
    static Path dir;
    static Path data;
    static String booking;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void demoData() {
        data = dir.resolve("data");
        StringWriter sink = new StringWriter();
        CommandLine cl = Launcher.commandLine(user -> Optional.empty());
        cl.setOut(new PrintWriter(sink));
        cl.setErr(new PrintWriter(sink));
        assertThat(cl.execute("--data-dir", data.toString(), "init-demo")).as(sink.toString()).isZero();
        sink.getBuffer().setLength(0);
        cl.execute("--data-dir", data.toString(), "list", "--board", "WF-WELL-BOOK", "--state", "quote_provided");
        booking = sink.toString().lines().findFirst().orElseThrow().split("\t")[0];
    }

    private int run(InputStream stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = Launcher.commandLine(user -> Optional.empty(), stdin); // no HSC_PASSWORD, no terminal
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(Stream.concat(Stream.of("--data-dir", data.toString()), Stream.of(args)).toArray(String[]::new));
    }

    /** A move that is refused after the sign-in (a booking in quote_provided cannot be paid yet): shows who got in. */
    private int tryMove(InputStream stdin, String... passwordOptions) {
        return run(stdin, Stream.concat(Stream.of("move", "--card", booking, "--event", "payment_received", "--as", "theo"),
                Stream.of(passwordOptions)).toArray(String[]::new));
    }

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final InputStream NO_INPUT = stdin("");

    private static Path file(String name, String content, String permissions) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(permissions));
        return f;
    }

    private static String signedInAfter = "Refused: \u201cPayment received\u201d cannot be fired from Quote provided.";

    @Test
    void aPasswordFileOnlyItsOwnerCanReadSignsIn() throws Exception {
        Path f = file("theo.pw", DemoData.DEMO_PASSWORD + "\n", "rw-------");
        assertThat(tryMove(NO_INPUT, "--password-file", f.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith(signedInAfter);

        Path windows = file("theo-crlf.pw", DemoData.DEMO_PASSWORD + "\r\nsecond line ignored\r\n", "r--------");
        assertThat(tryMove(NO_INPUT, "--password-file", windows.toString())).isEqualTo(1);
        assertThat(err.toString()).as("a Windows line end is not part of the password").startsWith(signedInAfter);

        Path wrong = file("wrong.pw", "not the password\n", "rw-------");
        assertThat(tryMove(NO_INPUT, "--password-file", wrong.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("That user name and password do not match.");
    }

    @Test
    void aPasswordFileOthersCanReadIsRefusedBeforeItIsRead() throws Exception {
        long attempts = signInAttempts();
        Path f = file("shared.pw", DemoData.DEMO_PASSWORD + "\n", "rw-r--r--");
        assertThat(tryMove(NO_INPUT, "--password-file", f.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(f + " can be read by other people on this computer (its permissions are rw-r--r--), "
                + "so the password in it is not secret. Make it readable by you only (chmod 600 " + f + "), then run the command again."
                + System.lineSeparator());
        Path group = file("group.pw", DemoData.DEMO_PASSWORD + "\n", "rw-r-----");
        assertThat(tryMove(NO_INPUT, "--password-file", group.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("can be read by other people");
        assertThat(out.toString()).isEmpty();
        assertThat(signInAttempts()).as("no password was tried").isEqualTo(attempts);
    }

    @Test
    void aMissingEmptyHugeOrOddPasswordFileGetsASentence() throws Exception {
        Path missing = dir.resolve("none.pw");
        assertThat(tryMove(NO_INPUT, "--password-file", missing.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("There is no password file " + missing + "." + System.lineSeparator());

        Path folder = Files.createDirectories(dir.resolve("folder.pw"));
        assertThat(tryMove(NO_INPUT, "--password-file", folder.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith(folder + " is a folder: --password-file names a file");

        Path empty = file("empty.pw", "\n", "rw-------");
        assertThat(tryMove(NO_INPUT, "--password-file", empty.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("The first line of " + empty + " is empty: write the password on it." + System.lineSeparator());

        Path huge = file("huge.pw", "x".repeat(10_000), "rw-------");
        assertThat(tryMove(NO_INPUT, "--password-file", huge.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("The first line of " + huge + " is longer than 4096 bytes: it is not a password.");

        Path fifo = dir.resolve("pipe.pw");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> tryMove(NO_INPUT, "--password-file", fifo.toString()));
        assertThat(status.get(60, TimeUnit.SECONDS)).as("refused, not waiting for a writer").isEqualTo(1);
        assertThat(err.toString()).startsWith(fifo + " is not a regular file (a pipe or a device): to pipe the password in, use --password-stdin");
    }

    @Test
    void thePasswordCanComeOnStandardInput() throws Exception {
        assertThat(tryMove(stdin(DemoData.DEMO_PASSWORD + "\n"), "--password-stdin")).isEqualTo(1);
        assertThat(err.toString()).startsWith(signedInAfter);

        assertThat(tryMove(stdin(DemoData.DEMO_PASSWORD), "--password-stdin")).as("no line end at all").isEqualTo(1);
        assertThat(err.toString()).startsWith(signedInAfter);

        long attempts = signInAttempts();
        assertThat(tryMove(stdin(""), "--password-stdin")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("The line on standard input is empty: write the password on it." + System.lineSeparator());
        assertThat(signInAttempts()).isEqualTo(attempts);
    }

    @Test
    void fileAndStandardInputTogetherAreAUsageError() throws Exception {
        Path f = file("both.pw", DemoData.DEMO_PASSWORD + "\n", "rw-------");
        assertThat(tryMove(stdin(DemoData.DEMO_PASSWORD), "--password-file", f.toString(), "--password-stdin")).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void withoutAnySourceTheSentenceNamesEveryWay() {
        assertThat(tryMove(NO_INPUT)).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("A password is needed to act as theo: give --password-file FILE or --password-stdin, "
                + "set the environment variable HSC_PASSWORD, or run the command in a terminal to be asked for it."
                + System.lineSeparator());
    }

    private static long signInAttempts() throws Exception {
        try (Database db = Database.open(new DataFolder(data), Clock.systemUTC());
             Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'SIGN_IN%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
