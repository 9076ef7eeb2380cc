package network.higherself.console.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import network.higherself.console.store.DataFolder;
import network.higherself.console.store.Database;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class CheckWorkflowsCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Launcher.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static String file(String relative) {
        return Path.of(System.getProperty("hsc.project.dir", "."), relative).toString();
    }

    @Test
    void validFilesGetOneSummaryLineEachAndStatusZero() {
        String booking = file("src/main/resources/workflows/WF-WELL-BOOK.json");
        String softr = file("src/main/resources/workflows/WF-SFTR-PUB.json");

        int status = run("check-workflows", booking, softr);

        assertThat(status).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString().lines()).containsExactly(
                booking + ": WF-WELL-BOOK is valid: 12 states, 12 transitions, 2 final states",
                softr + ": WF-SFTR-PUB is valid: 8 states, 11 transitions, 0 final states");
    }

    @Test
    void problemsGoToStandardErrorAsFileColonProblemAndStatusOne() {
        String good = file("src/main/resources/workflows/WF-CONSULT.json");
        String bad = file("src/test/resources/definitions/broken/unreachable.json");
        String malformed = file("src/test/resources/definitions/broken/malformed.json");

        int status = run("check-workflows", good, bad, malformed);

        assertThat(status).isEqualTo(1);
        assertThat(out.toString().lines()).containsExactly(good + ": WF-CONSULT is valid: 14 states, 14 transitions, 1 final state");
        assertThat(err.toString().lines()).containsExactly(
                bad + ": state 'orphan' cannot be reached from the initial state 'open'",
                malformed + ": malformed JSON at line 4, column 3: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries");
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aFileTheConsoleWouldRefuseIsRefusedHereWithTheSameWords(@TempDir Path dir) throws IOException {
        // valid on its own, but not one of the console's workflows, and not named after its id
        String small = file("src/test/resources/definitions/valid/small.json");
        assertThat(run("check-workflows", small)).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).containsExactly(
                small + ": defines 'WF-TEST', so it must be named WF-TEST.json, not small.json",
                small + ": id 'WF-TEST' is not one of the console's workflows (WF-GALLERY-EXH, WF-WELL-BOOK, WF-CONSULT, "
                        + "WF-MKTG-CAMP, WF-CONT-CYCLE, WF-SFTR-PUB, WF-AGT-COMM, WF-PERM-MGT)");

        // the console, given the same file in its workflows folder, refuses to start with the same lines
        Path inFolder = Files.createDirectories(dir.resolve("workflows")).resolve("small.json");
        Files.copy(Path.of(small), inFolder);
        String verdict = err.toString().replace(small, inFolder.toString());
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertThat(run("--data-dir", dir.toString(), "list", "--board", "WF-CONSULT")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(verdict);
        assertThat(Files.exists(dir.resolve("console.mv.db"))).as("refused before the database was touched").isFalse();
    }

    @Test
    void twoFilesWithOneIdAreRefused(@TempDir Path dir) throws IOException {
        Path first = Files.copy(Path.of(file("src/main/resources/workflows/WF-CONSULT.json")), dir.resolve("WF-CONSULT.json"));
        Path second = Files.copy(first, Files.createDirectory(dir.resolve("copy")).resolve("WF-CONSULT.json"));

        assertThat(run("check-workflows", first.toString(), second.toString())).isEqualTo(1);
        assertThat(out.toString().lines()).containsExactly(first + ": WF-CONSULT is valid: 14 states, 14 transitions, 1 final state");
        assertThat(err.toString().lines()).containsExactly(second + ": defines WF-CONSULT, as " + first
                + " does: the console would not know which to use; keep one of them");
    }

    @Test
    void aStateRemovedWhileCardsSitInItIsRefusedAtStartAndByCheckWithCards(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        assertThat(run("--data-dir", data.toString(), "init-demo")).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("--data-dir", data.toString(), "list", "--board", "WF-WELL-BOOK", "--state", "quote_provided")).isZero();
        long waiting = out.toString().lines().count();
        assertThat(waiting).isPositive();

        // the data folder already replaces WF-CONSULT with a definition that renamed discovery, and a card sits there
        Path workflows = Files.createDirectories(data.resolve("workflows"));
        Files.writeString(workflows.resolve("WF-CONSULT.json"), Files.readString(Path.of(file("src/main/resources/workflows/WF-CONSULT.json")))
                .replace("\"discovery\"", "\"discovery_call\""));
        try (Database db = Database.open(new DataFolder(data), Clock.systemUTC()); Connection c = db.dataSource().getConnection();
             Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE card SET state = 'discovery_call' WHERE workflow_id = 'WF-CONSULT' AND state = 'discovery'"))
                    .isPositive();
        }

        // a replacement that renames quote_provided: a valid definition, but the demo's cards sit in the old state
        String renamed = Files.readString(Path.of(file("src/main/resources/workflows/WF-WELL-BOOK.json")))
                .replace("\"quote_provided\"", "\"quote_sent\"");
        Path replacement = Files.writeString(dir.resolve("WF-WELL-BOOK.json"), renamed);
        String problem = (waiting == 1 ? "1 card is" : waiting + " cards are") + " in the state 'quote_provided' (Quote provided), "
                + "which this definition does not have: put the state back, or first move " + (waiting == 1 ? "that card" : "those cards")
                + " out of it with a definition that has it";

        err.getBuffer().setLength(0);
        assertThat(run("check-workflows", replacement.toString())).as("on its own the file is valid").isZero();
        out.getBuffer().setLength(0);
        assertThat(run("--data-dir", data.toString(), "check-workflows", "--with-cards", replacement.toString())).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo(replacement + ": " + problem + System.lineSeparator());

        // (the folder's own WF-CONSULT is no problem: --with-cards checks the folder as the console will read it)
        Path installed = Files.copy(replacement, workflows.resolve("WF-WELL-BOOK.json"));
        err.getBuffer().setLength(0);
        assertThat(run("--data-dir", data.toString(), "list", "--board", "WF-CONSULT")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(installed + ": " + problem + System.lineSeparator());
    }

    @Test
    void noFilesIsAUsageError() {
        int status = run("check-workflows");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
    }
}
