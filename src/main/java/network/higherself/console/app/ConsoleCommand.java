package network.higherself.console.app;

import network.higherself.console.store.DataFolder;
import network.higherself.console.workflow.InvalidWorkflowException;
import network.higherself.console.workflow.WorkflowCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code higher-self-console [--data-dir DIR]}: opens the console window. */
@Command(name = "higher-self-console", mixinStandardHelpOptions = true, version = "Higher Self Console 0.1",
        description = "The Higher Self staff console. Without a command, opens the console window.")
public final class ConsoleCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Folder for the console's data (default: HSC_DATA_DIR, else the user's data folder).")
    Path dataDir;

    DataFolder dataFolder() {
        return DataFolder.resolve(dataDir);
    }

    @Override
    public Integer call() {
        DataFolder folder = dataFolder();
        WorkflowCatalog catalog;
        try {
            catalog = WorkflowCatalog.load(folder.workflowsDir());
        } catch (InvalidWorkflowException e) {
            System.err.println("The console cannot start: a workflow definition is not valid.");
            System.err.println(e.getMessage());
            System.err.println("Fix or remove the file named above, then start the console again.");
            DesktopStart.showStartupError("A workflow definition is not valid",
                    e.getMessage() + "\n\nFix or remove the file named above, then start the console again.");
            return 1;
        }
        return DesktopStart.run(catalog, folder);
    }
}
