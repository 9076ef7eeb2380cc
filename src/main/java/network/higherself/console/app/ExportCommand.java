package network.higherself.console.app;

import network.higherself.console.csv.CsvText;
import network.higherself.console.csv.Progress;
import network.higherself.console.csv.TransferRefused;
import network.higherself.console.staff.Actor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code export --board WF-... | --audit [--from DAY] [--to DAY]  --out FILE.csv --as NAME}: a board's cards, or the
 * audit trail, to CSV, by a staff member who signs in first and may see what they export.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a board's cards (every field, one card a row, its id and column for reference) or the "
                + "audit trail (one entry a row, over the days asked for) to a CSV file (UTF-8, RFC 4180). You sign in "
                + "first: a board only if you may see it, the audit trail only as a manager or an administrator. The file "
                + "is written whole, readable by you only, or not at all."})
final class ExportCommand extends DataCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--board", paramLabel = "WF-ID", description = "The board whose cards to export, e.g. WF-WELL-BOOK.")
        String board;

        @Option(names = "--audit", description = "Export the audit trail instead.")
        boolean audit;
    }

    @Option(names = "--from", paramLabel = "DAY", description = "With --audit: the first day (like 2026-11-01); default: the trail's start.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DAY", description = "With --audit: the last day, included; default: today and after.")
    LocalDate to;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write (replaced if it exists).")
    Path out;

    @Mixin
    SignInOptions signIn;

    private final PasswordPrompt passwords;
    private final InputStream stdin;

    ExportCommand(PasswordPrompt passwords, InputStream stdin) {
        this.passwords = passwords;
        this.stdin = stdin;
    }

    @Override
    int run(Services services, PrintWriter out, PrintWriter err) {
        if (!what.audit && (from != null || to != null)) {
            err.println("--from and --to choose the days of the audit trail to export: give them with --audit. A board's "
                    + "export holds all its cards.");
            return 2;
        }
        Optional<Actor> actor = signIn.signIn(services, passwords, stdin, err);
        if (actor.isEmpty()) {
            return 1;
        }
        try {
            if (what.audit) {
                int n = services.transfers().audit().export(actor.get(), from, to, this.out, Progress.NONE);
                out.println(String.format(Locale.ROOT, "%,d audit %s written to %s.", n, n == 1 ? "entry" : "entries", this.out));
            } else {
                int n = services.transfers().cards().export(actor.get(), what.board, this.out, Progress.NONE);
                out.println(String.format(Locale.ROOT, "%,d %s of %s written to %s.", n, n == 1 ? "card" : "cards",
                        services.workflows().find(what.board).map(w -> w.board()).orElse(what.board), this.out));
            }
            return 0;
        } catch (TransferRefused e) {
            err.println(e.getMessage());
            return 1;
        } catch (CsvText.Cancelled e) {
            err.println("The export was stopped: no file was written.");
            return 1;
        }
    }
}
