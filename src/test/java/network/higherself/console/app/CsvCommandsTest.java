package network.higherself.console.app;

import network.higherself.console.demo.DemoData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** export and import on the command line: a person signs in, and gets what their rights allow, in sentences. */
class CsvCommandsTest {

    @TempDir
    static Path dir;
    private static Path demo;

    @BeforeAll
    static void demoData() {
        demo = dir.resolve("demo");
        assertThat(CommandLineRefusalsTest.run(null, "--data-dir", demo.toString(), "init-demo").status()).isZero();
    }

    /** Runs a command as {@code as}, who gives the demo password on standard input. */
    private static CommandLineRefusalsTest.Run as(String as, String... args) {
        String[] all = Stream.concat(Stream.of("--data-dir", demo.toString()), Stream.concat(Stream.of(args),
                Stream.of("--as", as, "--password-stdin"))).toArray(String[]::new);
        return CommandLineRefusalsTest.run(new ByteArrayInputStream(DemoData.DEMO_PASSWORD.getBytes(StandardCharsets.UTF_8)), all);
    }

    @Test
    void aBoardGoesOutAndComesBackInAsNewCardsInItsFirstColumn() throws Exception {
        Path out = dir.resolve("bookings.csv");
        CommandLineRefusalsTest.Run exported = as("theo", "export", "--board", "WF-WELL-BOOK", "--out", out.toString());
        assertThat(exported.status()).as(exported.shown()).isZero();
        assertThat(exported.shown()).matches("(?s)\\d+ cards of Wellness bookings written to .*bookings.csv\\.\n");
        long rows = Files.readAllLines(out).stream().filter(l -> l.matches("\\d+,.*")).count();

        CommandLineRefusalsTest.Run imported = as("theo", "import", "--board", "WF-WELL-BOOK", "--file", out.toString());
        assertThat(imported.status()).as(imported.shown()).isZero();
        assertThat(imported.shown()).startsWith(rows + " cards imported. The State column is read for reference only:");
        CommandLineRefusalsTest.Run listed = CommandLineRefusalsTest.run(null, "--data-dir", demo.toString(), "list",
                "--board", "WF-WELL-BOOK", "--state", "inquiry");
        assertThat(listed.shown().lines().count()).isGreaterThanOrEqualTo(rows);
    }

    @Test
    void badRowsAreNamedOnStandardErrorAndTheExitStatusSaysWhatHappened() throws Exception {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "Title,Quote\nGood,1.00\nBad,abc\n");
        CommandLineRefusalsTest.Run all = as("theo", "import", "--board", "WF-WELL-BOOK", "--file", in.toString());
        assertThat(all.status()).isEqualTo(1);
        assertThat(all.shown()).contains("Line 3, column B \u201cQuote\u201d: 'abc' is not an amount: write it like 120.00\n")
                .contains("Nothing was imported: 1 of the 2 rows has a problem");

        Path rejects = dir.resolve("to-fix.csv");
        CommandLineRefusalsTest.Run some = as("theo", "import", "--board", "WF-WELL-BOOK", "--file", in.toString(),
                "--good-rows-only", "--rejects", rejects.toString());
        assertThat(some.status()).as(some.shown()).isEqualTo(3);
        assertThat(some.shown()).contains("1 card was imported; the 1 bad row was written to " + rejects);
        assertThat(Files.readString(rejects)).startsWith("\uFEFFTitle,Quote,Reason\r\nBad,abc,");

        CommandLineRefusalsTest.Run half = as("theo", "import", "--board", "WF-WELL-BOOK", "--file", in.toString(),
                "--good-rows-only");
        assertThat(half.status()).isEqualTo(2);
        assertThat(half.shown()).contains("--good-rows-only needs --rejects FILE");
    }

    @Test
    void rightsAreCheckedAfterSigningIn() {
        Path out = dir.resolve("refused.csv");
        CommandLineRefusalsTest.Run gallery = as("theo", "export", "--board", "WF-GALLERY-EXH", "--out", out.toString());
        assertThat(gallery.status()).isEqualTo(1);
        assertThat(gallery.shown()).contains("theo (front desk) may not see Gallery exhibits, so it cannot be exported.");
        CommandLineRefusalsTest.Run audit = as("theo", "export", "--audit", "--out", out.toString());
        assertThat(audit.status()).isEqualTo(1);
        assertThat(audit.shown()).contains("may not export the audit trail");
        assertThat(out).doesNotExist();

        CommandLineRefusalsTest.Run manager = as("jonas", "export", "--audit", "--from", "2020-01-01", "--out", out.toString());
        assertThat(manager.status()).as(manager.shown()).isZero();
        assertThat(manager.shown()).matches("(?s)[\\d,]+ audit entries written to .*refused.csv\\.\n");

        CommandLineRefusalsTest.Run wrongPassword = CommandLineRefusalsTest.run(new ByteArrayInputStream(
                "not-it".getBytes(StandardCharsets.UTF_8)), "--data-dir", demo.toString(), "export", "--audit", "--out",
                out.toString(), "--as", "jonas", "--password-stdin");
        assertThat(wrongPassword.status()).isEqualTo(1);

        CommandLineRefusalsTest.Run daysOnBoard = as("jonas", "export", "--board", "WF-CONSULT", "--from", "2020-01-01",
                "--out", out.toString());
        assertThat(daysOnBoard.status()).isEqualTo(2);
    }
}
