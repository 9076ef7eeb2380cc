package network.higherself.console.app;

import network.higherself.console.demo.DemoData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the data folder's open has to say reaches the person on a command's standard error, once. */
class DataFolderNoticesTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = Launcher.commandLine(user -> Optional.of(DemoData.DEMO_PASSWORD.toCharArray()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
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
