package network.higherself.console.app;

import network.higherself.console.workflow.DefinitionProblem;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code check-workflows FILE...}: checks workflow definition files without starting the console. */
@Command(name = "check-workflows", mixinStandardHelpOptions = true,
        description = "Checks workflow definition files. Prints one summary line per valid file; "
                + "exits 1 with one 'FILE: problem' line per problem otherwise.")
final class CheckWorkflowsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Workflow definition files (JSON).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkflowLoader loader = new WorkflowLoader();
        boolean allValid = true;
        for (Path file : files) {
            WorkflowLoader.Result result = loader.load(file);
            if (result.ok()) {
                Workflow w = result.workflow().orElseThrow();
                out.printf("%s: %s is valid: %s, %s, %s%n", file, w.id(), count(w.states().size(), "state"),
                        count(w.transitions().size(), "transition"), count(w.finalStates().size(), "final state"));
            } else {
                allValid = false;
                for (DefinitionProblem p : result.problems()) {
                    err.println(p);
                }
            }
        }
        out.flush();
        err.flush();
        return allValid ? 0 : 1;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
