package network.higherself.console.workflow;

/**
 * One thing wrong with a workflow definition file; prints as {@code FILE: problem}, on one line whatever the file's
 * name holds (its control characters escaped).
 */
public record DefinitionProblem(String file, String problem) {

    @Override
    public String toString() {
        return Escaping.oneLine(file) + ": " + problem;
    }
}
