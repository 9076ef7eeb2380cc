package network.higherself.console.app;

import network.higherself.console.demo.DemoData;
import network.higherself.console.sync.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sync connect | status | now | conflicts | disconnect} on the command line, against a real PostgreSQL. */
class SyncCommandTest {

    @TempDir
    static Path dir;
    private static TestServer server;
    private static Path ownerPassword;
    private static Path wrongPassword;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir.resolve("server"));
        ownerPassword = secret("owner", "owner-secret");
        wrongPassword = secret("wrong", "not-the-password");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Path secret(String name, String text) throws Exception {
        Path f = dir.resolve(name + ".pw");
        Files.writeString(f, text + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    private int run(Path data, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = Launcher.commandLine(user -> Optional.of(DemoData.DEMO_PASSWORD.toCharArray()),
                new ByteArrayInputStream(new byte[0]));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }

    @Test
    void aDataFolderIsConnectedSyncedAndDisconnectedFromTheCommandLine() throws Exception {
        Path data = dir.resolve("desk");
        assertThat(run(data, "init-demo")).isZero();
        String url = server.newDatabase("cli");

        assertThat(run(data, "sync", "status")).isZero();
        assertThat(out.toString()).contains("Sync is off");
        assertThat(run(data, "sync", "now")).isEqualTo(1);
        assertThat(err.toString()).contains("not connected to a sync server");

        // refused, and nothing saved: a wrong password, an address that is not PostgreSQL's, someone not an administrator
        assertThat(run(data, "sync", "connect", "--url", url, "--user", TestServer.OWNER, "--server-password-file",
                wrongPassword.toString(), "--as", "amara")).isEqualTo(1);
        assertThat(err.toString()).contains("refused the user name or password").doesNotContain("not-the-password");
        assertThat(run(data, "sync", "connect", "--url", "mysql://x/y", "--user", "x", "--as", "amara")).isEqualTo(1);
        assertThat(err.toString()).contains("must start with jdbc:postgresql://");
        assertThat(run(data, "sync", "connect", "--url", url, "--user", TestServer.OWNER, "--server-password-file",
                ownerPassword.toString(), "--as", "theo")).isEqualTo(1);
        assertThat(err.toString()).contains("Only an administrator");
        assertThat(run(data, "sync", "status")).isZero();
        assertThat(out.toString()).contains("Sync is off");

        assertThat(run(data, "sync", "connect", "--url", url, "--user", TestServer.OWNER, "--server-password-file",
                ownerPassword.toString(), "--as", "amara")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("are on the server now");
        assertThat(run(data, "sync", "status")).isZero();
        assertThat(out.toString()).contains("Connected to " + url + " as " + TestServer.OWNER)
                .contains("Changes waiting to be sent: 0").contains("Open conflicts: 0");

        assertThat(run(data, "list", "--board", "WF-GALLERY-EXH", "--state", "concept", "--format", "csv")).isZero();
        String firstCard = out.toString().lines().skip(1).findFirst().orElseThrow().split(",")[0];
        assertThat(run(data, "move", "--card", firstCard, "--event", "concept_approved", "--as", "amara"))
                .as(err.toString()).isZero();
        assertThat(run(data, "sync", "status")).isZero();
        assertThat(out.toString()).contains("Changes waiting to be sent: 1");
        assertThat(run(data, "sync", "now", "--server-password-file", ownerPassword.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Sent 1 change to the server; took ");
        assertThat(run(data, "sync", "conflicts")).isZero();
        assertThat(out.toString()).contains("No open conflicts.");

        assertThat(run(data, "sync", "disconnect", "--as", "amara")).isZero();
        assertThat(out.toString()).contains("Disconnected from " + url);
        assertThat(run(data, "sync", "status")).isZero();
        assertThat(out.toString()).contains("Sync is off");
    }

    @Test
    void aRememberedPasswordIsSealedOutsideTheDataFolderAndVerifyAuditChecksTheServersLog() throws Exception {
        Path data = dir.resolve("remembering");
        Path config = dir.resolve("config");
        String was = System.getProperty("hsc.config.dir");
        System.setProperty("hsc.config.dir", config.toString());
        try {
            assertThat(run(data, "init-demo")).isZero();
            String url = server.newDatabase("remember");
            assertThat(run(data, "sync", "connect", "--url", url, "--user", TestServer.OWNER, "--server-password-file",
                    ownerPassword.toString(), "--remember-password", "--as", "amara")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("The password is remembered on this computer").doesNotContain("owner-secret");

            // the key is the owner's only, outside the data folder; no file of the data folder holds the password
            Path key = config.resolve("sync-password.key");
            assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(key.startsWith(data)).isFalse();
            try (var files = Files.walk(data)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                            .doesNotContain("owner-secret");
                }
            }

            // no password given: the remembered one is used
            assertThat(run(data, "move", "--card", firstConcept(data), "--event", "concept_approved", "--as", "amara")).isZero();
            assertThat(run(data, "sync", "now")).as(err.toString()).isZero();
            assertThat(out.toString()).startsWith("Sent 1 change to the server");
            assertThat(run(data, "verify-audit", "--server")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Audit trail intact").contains("The server's event log is intact");

            // without its key the sealed password opens nowhere: the person is told to type it
            Path moved = dir.resolve("key-elsewhere");
            Files.move(key, moved);
            assertThat(run(data, "sync", "now")).isEqualTo(1);
            assertThat(err.toString()).contains("asks for a password and none was given").contains("--server-password-file");
            Files.move(moved, key);

            // an event changed on the server after it was accepted is found, and named
            try (var c = server.superuser(url.substring(url.lastIndexOf('/') + 1)); var st = c.createStatement()) {
                st.execute("UPDATE hsc.event SET body = replace(body, 'concept_approved', 'artist_selected') WHERE seq = "
                        + "(SELECT max(seq) FROM hsc.event)");
            }
            assertThat(run(data, "verify-audit", "--server")).isEqualTo(1);
            assertThat(err.toString()).contains("The server's event log is broken").contains("does not match its hash");

            assertThat(run(data, "sync", "forget-password", "--as", "amara")).isZero();
            assertThat(run(data, "sync", "now")).isEqualTo(1);
            assertThat(run(data, "sync", "now", "--server-password-file", ownerPassword.toString())).as(err.toString()).isZero();
        } finally {
            if (was == null) {
                System.clearProperty("hsc.config.dir");
            } else {
                System.setProperty("hsc.config.dir", was);
            }
        }
    }

    private String firstConcept(Path data) {
        assertThat(run(data, "list", "--board", "WF-GALLERY-EXH", "--state", "concept", "--format", "csv")).isZero();
        return out.toString().lines().skip(1).findFirst().orElseThrow().split(",")[0];
    }
}
