package network.higherself.console.app;

import network.higherself.console.csv.ImportProblem;
import network.higherself.console.csv.ImportReport;
import network.higherself.console.csv.Progress;
import network.higherself.console.csv.TransferRefused;
import network.higherself.console.staff.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code import --board WF-... --file FILE.csv --as NAME [--good-rows-only --rejects BAD.csv]}: cards from CSV,
 * through the change pipeline, all or nothing (or the good rows only, the bad ones written to a file to fix).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Makes a card of each row of a CSV file (UTF-8; the header names the fields, as an export writes "
                + "them), through the same checks as a card made in the window, in one transaction: nothing is imported "
                + "unless every row is good, and each bad row is named with its line, column and reason. Cards start in "
                + "the board's first column (an export's Id and State columns are read for reference only); a client, "
                + "artist, campaign or staff member is named and must exist. Exit status 0: every row imported; 1: "
                + "nothing imported; 3: the good rows imported and the bad ones written to --rejects."})
final class ImportCommand extends DataCommand {

    @Option(names = "--board", required = true, paramLabel = "WF-ID", description = "The board to make the cards on.")
    String board;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The CSV file to read.")
    Path file;

    @Option(names = "--good-rows-only", description = "Import the good rows even when some are bad (needs --rejects).")
    boolean goodRowsOnly;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "With --good-rows-only: where to write the bad rows (the same header, and a Reason column) to fix.")
    Path rejects;

    @Mixin
    SignInOptions signIn;

    private final PasswordPrompt passwords;
    private final InputStream stdin;

    ImportCommand(PasswordPrompt passwords, InputStream stdin) {
        this.passwords = passwords;
        this.stdin = stdin;
    }

    @Override
    int run(Services services, PrintWriter out, PrintWriter err) {
        if (goodRowsOnly != (rejects != null)) {
            err.println(goodRowsOnly ? "--good-rows-only needs --rejects FILE: the bad rows are written there, to fix and "
                    + "import again." : "--rejects is where --good-rows-only writes the bad rows: give both, or neither "
                    + "(then nothing is imported unless every row is good).");
            return 2;
        }
        Optional<Actor> actor = signIn.signIn(services, passwords, stdin, err);
        if (actor.isEmpty()) {
            return 1;
        }
        ImportReport report;
        try {
            report = services.transfers().imports().run(actor.get(), board, file, rejects, Progress.NONE);
        } catch (TransferRefused e) {
            err.println(e.getMessage());
            return 1;
        }
        for (ImportProblem p : report.problems()) {
            err.println(p.text());
        }
        switch (report.result()) {
            case IMPORTED -> {
                out.println(report.summary());
                return 0;
            }
            case GOOD_ROWS_IMPORTED -> {
                out.println(report.summary());
                return 3;
            }
            default -> {
                err.println(report.summary());
                return 1;
            }
        }
    }
}
