package network.higherself.console.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** run-agents as a script would use it: everything due fires, one line each, exit 0. */
class RunAgentsCommandTest {

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = Launcher.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }

    @Test
    void firesWhatIsDueAtTheGivenTimeOnceAndSaysSo() {
        assertThat(run("init-demo")).isZero();
        assertThat(run("run-agents")).as(err.toString()).isZero();
        String farAhead = LocalDate.now().plusYears(2) + "T09:00";
        assertThat(run("run-agents", "--at", farAhead)).as(err.toString()).isZero();
        List<String> lines = Arrays.asList(out.toString().split("\\R"));
        for (String event : List.of("payment_timeout", "approaching_service_date", "submission_deadline_reached", "opening_day",
                "closing_day", "publication_time", "audit_scheduled")) {
            assertThat(lines).as(event).anyMatch(l -> l.startsWith("fired " + event + " on "));
        }
        assertThat(lines).anyMatch(l -> l.startsWith("fired payment_timeout") && l.contains(" as Solari"));
        assertThat(lines).anyMatch(l -> l.startsWith("fired opening_day") && l.contains(" as console"));
        assertThat(lines).allMatch(l -> l.startsWith("fired ") || l.startsWith("refused ") || l.startsWith("skipped ")
                || l.startsWith("made the missing checklist") || l.startsWith("agent message #"));

        // an exhibition opened by this run was due to close as well: that fired too, so nothing is left
        assertThat(lines.stream().filter(l -> l.startsWith("fired closing_day")).count()).isGreaterThan(1);
        assertThat(run("run-agents", "--at", farAhead)).isZero();
        assertThat(out.toString()).startsWith("Nothing was due");
        assertThat(run("verify-audit")).isZero();
    }

    @Test
    void aTimeThatIsNotOneIsRefusedWithAnExample() {
        assertThat(run("run-agents", "--at", "next tuesday")).isEqualTo(2);
        assertThat(err.toString()).contains("2026-12-01T09:00");
    }
}
