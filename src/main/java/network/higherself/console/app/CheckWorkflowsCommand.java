package network.higherself.console.app;

import network.higherself.console.store.CardQueries;
import network.higherself.console.store.Database;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.StoreException;
import network.higherself.console.workflow.DefinitionProblem;
import network.higherself.console.workflow.InvalidWorkflowException;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code check-workflows FILE...}: the verdict the console will give on these files in a data folder's
 * {@code workflows/} folder, reached by the same code ({@link WorkflowCatalog#check}).
 */
@Command(name = "check-workflows", mixinStandardHelpOptions = true,
        description = "Checks workflow definition files as the console reads them from a data folder's workflows/ folder: "
                + "each in place of the bundled definition with its id, named after that id, no two with one id. "
                + "Prints one summary line per valid file; exits 1 with one 'FILE: problem' line per problem otherwise.")
final class CheckWorkflowsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ConsoleCommand parent;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Workflow definition files (JSON).")
    List<Path> files;

    @Option(names = "--with-cards",
            description = "Check the files as if put in the workflows/ folder of the data folder (--data-dir), with its other "
                    + "definitions, and refuse a file that removes a state in which cards of its database sit, as the "
                    + "console does when it starts. Opens the database, so the console must be closed.")
    boolean withCards;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataFolder folder = withCards ? parent.dataFolder() : null;
        // with the cards, the whole folder as it would be with these files in it: the console's own verdict
        WorkflowCatalog.Checked checked = withCards
                ? WorkflowCatalog.checkFolder(folder.workflowsDir(), files) : WorkflowCatalog.check(files);
        List<DefinitionProblem> problems = new java.util.ArrayList<>(checked.problems());
        if (checked.ok() && withCards) {
            try {
                problems.addAll(statesMissingForCards(checked.catalog(), folder));
            } catch (StoreException e) {
                err.println(e.getMessage());
                err.flush();
                return 1;
            }
        }
        for (Map.Entry<Path, Workflow> valid : checked.valid().entrySet()) {
            String file = valid.getKey().toString();
            if (files.contains(valid.getKey()) && problems.stream().noneMatch(p -> p.file().equals(file))) {
                Workflow w = valid.getValue();
                out.printf("%s: %s is valid: %s, %s, %s%n", file, w.id(), count(w.states().size(), "state"),
                        count(w.transitions().size(), "transition"), count(w.finalStates().size(), "final state"));
            }
        }
        problems.forEach(err::println);
        out.flush();
        err.flush();
        return problems.isEmpty() ? 0 : 1;
    }

    /** What the console would refuse at start about these definitions and the cards in its database. */
    private List<DefinitionProblem> statesMissingForCards(WorkflowCatalog catalog, DataFolder folder) {
        if (!Files.exists(Database.databaseFile(folder))) {
            return List.of(); // no database yet: no cards
        }
        try (Database db = Database.open(folder, parent.clock())) {
            Services.requireStatesForCards(catalog, new CardQueries(db.dataSource()));
            return List.of();
        } catch (InvalidWorkflowException e) {
            return e.problems();
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
