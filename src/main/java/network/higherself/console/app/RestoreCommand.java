package network.higherself.console.app;

import network.higherself.console.store.DataFolder;
import network.higherself.console.store.Restore;
import network.higherself.console.store.StoreException;
import network.higherself.console.workflow.InvalidWorkflowException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code restore FILE}: puts a copy back as the data folder's database (see store/Restore), then opens it and runs
 * {@code verify-audit} on it, against the anchor in the copy's manifest when it has one.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Puts FILE (a copy the console made: backup, or one from backups/) back as the data folder's "
                + "database, then verifies its audit trail. Refuses while a console has the folder open, and a file "
                + "that is not a console database or comes from a newer version. The data it replaces is moved to "
                + "backups/ (…-before-restore.mv.db), never deleted. Exit status 0 when restored and verified, 1 otherwise."})
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    ConsoleCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The copy to restore.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataFolder folder = parent.dataFolder();
        ConsoleLog.writeTo(folder, err::println);
        try {
            Restore.Restored done = Restore.restore(folder, file, parent.clock(), parent.passphrases());
            out.println("Restored " + file.toAbsolutePath().normalize() + " into " + folder + "."
                    + (done.setAside() == null ? "" : " The data it replaced was moved to " + done.setAside() + "."));
            try (Services services = Services.open(folder, parent.clock(), parent.passphrases(), false)) {
                services.database().notices().forEach(err::println);
                return VerifyAuditCommand.verify(services, done.manifestAnchor(), out, err);
            }
        } catch (StoreException | InvalidWorkflowException | PasswordPrompt.Unavailable e) {
            err.println(e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
