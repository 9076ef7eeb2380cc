package network.higherself.console.workflow;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when definitions cannot be used; its message lists every problem, one {@code FILE: problem} a line. */
public class InvalidWorkflowException extends RuntimeException {

    private final List<DefinitionProblem> problems;

    public InvalidWorkflowException(List<DefinitionProblem> problems) {
        super(problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
