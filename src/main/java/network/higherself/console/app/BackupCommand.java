package network.higherself.console.app;

import network.higherself.console.store.BackupRequests;
import network.higherself.console.store.Backups;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code backup [FILE]}: a consistent copy of the database, taken while the console may be running (H2's online
 * backup). When the window has the data folder open, the window's console takes the copy, asked through the data
 * folder (see store/BackupRequests).
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Writes a consistent copy of the database to FILE (default: a new console-<time>.mv.db in the data "
                + "folder's backups/), with its manifest beside it (the audit trail's anchor), also while the console's "
                + "window is open: the window then takes the copy. Never writes over a file. Exit status 0 when written, "
                + "1 otherwise."})
final class BackupCommand extends DataCommand {

    /** How long the command waits for the window's console to answer (a big database takes a while to copy). */
    static final Duration WAIT = Duration.ofMinutes(5);

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Where to write the copy (a new file).")
    Path file;

    @Override
    int run(Services services, PrintWriter out, PrintWriter err) {
        Path target = file != null ? file : Backups.defaultTarget(services.database().folder(), services.clock());
        try {
            out.println(BackupRequests.written(Backups.backUp(services.database(), target, services.clock())));
            return 0;
        } catch (StoreException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    @Override
    Integer whenInUse(DataFolder folder, PrintWriter out, PrintWriter err) {
        Path target = file != null ? file.toAbsolutePath() : Backups.defaultTarget(folder, console().clock());
        err.println("The console has the data folder open: asking it for the copy.");
        try {
            BackupRequests.Answer answer = BackupRequests.ask(folder, target, WAIT);
            (answer.written() ? out : err).println(answer.sentence());
            return answer.written() ? 0 : 1;
        } catch (StoreException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
