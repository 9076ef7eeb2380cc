package network.higherself.console.app;

import network.higherself.console.store.DataFolder;
import network.higherself.console.store.FolderInUse;
import network.higherself.console.store.StoreException;
import network.higherself.console.store.StoreFailures;
import network.higherself.console.workflow.Identifier;
import network.higherself.console.workflow.InvalidWorkflowException;
import network.higherself.console.workflow.Workflow;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A command that works on the data folder: opens it, runs, closes it, and turns a store or definition problem
 * into a plain message and exit status 1 (never a stack trace).
 */
abstract class DataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The console command at the root of the command line (its data folder and clock), however deep this one is. */
    ConsoleCommand console() {
        return (ConsoleCommand) spec.root().userObject();
    }

    @Override
    public final Integer call() {
        DataFolder folder = console().dataFolder();
        ConsoleLog.writeTo(folder, err()::println);
        try {
            int status = open(folder);
            out().flush();
            err().flush();
            return status;
        } catch (FolderInUse e) {
            Integer status = whenInUse(folder, out(), err());
            if (status != null) {
                out().flush();
                err().flush();
                return status;
            }
            err().println(e.getMessage());
            err().flush();
            return 1;
        } catch (StoreException | InvalidWorkflowException | PasswordPrompt.Unavailable e) {
            err().println(e.getMessage());
            err().flush();
            return 1;
        } catch (RuntimeException e) {
            RuntimeException explained = StoreFailures.explain(e); // a read-only database, a full disk...
            if (explained == e) {
                throw e;
            }
            err().println(explained.getMessage());
            err().flush();
            return 1;
        }
    }

    abstract int run(Services services, PrintWriter out, PrintWriter err);

    /** Opens the folder with every service, runs the command and closes the folder; its exit status. */
    int open(DataFolder folder) {
        try (Services services = Services.open(folder, console().clock(), console().passphrases(), console().encrypt)) {
            services.database().notices().forEach(err()::println);
            return run(services, out(), err());
        }
    }

    /**
     * What the command does when another console has the folder open: its exit status, or null to be refused with
     * the lock's sentence (what every command but {@code backup} does).
     */
    Integer whenInUse(DataFolder folder, PrintWriter out, PrintWriter err) {
        return null;
    }

    /** The board with this id, or empty after saying on {@code err} which boards there are. */
    static Optional<Workflow> board(Services services, String id, PrintWriter err) {
        return board(services.workflows(), id, err);
    }

    static Optional<Workflow> board(network.higherself.console.workflow.WorkflowCatalog workflows, String id,
                                    PrintWriter err) {
        Optional<Workflow> found = workflows.find(id);
        if (found.isEmpty()) {
            err.println("There is no board " + Identifier.shown(id) + ". The boards are: "
                    + String.join(", ", workflows.all().stream().map(Workflow::id).toList()) + ".");
        }
        return found;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
