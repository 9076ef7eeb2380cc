package network.higherself.console.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

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
    void noFilesIsAUsageError() {
        int status = run("check-workflows");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
    }
}
