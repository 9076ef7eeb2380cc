package network.higherself.console.workflow;

/** One thing wrong with a workflow definition file; prints as {@code FILE: problem}. */
public record DefinitionProblem(String file, String problem) {

    @Override
    public String toString() {
        return file + ": " + problem;
    }
}
