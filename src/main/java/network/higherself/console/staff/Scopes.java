package network.higherself.console.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the scopes a permission request asks for, one per line or comma: {@code view WF-ID}, {@code create WF-ID},
 * {@code edit WF-ID}, or {@code fire EVENT on WF-ID}.
 */
public final class Scopes {

    /** The rights the scopes give, or the problems with them. */
    public record Parsed(Rights rights, List<String> problems) {
    }

    private Scopes() {
    }

    /**
     * @param knownWorkflow whether a workflow id exists
     * @param knownEvent    whether an event exists on a workflow: (workflowId + " " + event)
     */
    public static Parsed parse(String text, Predicate<String> knownWorkflow, Predicate<String> knownEvent) {
        Rights rights = Rights.NONE;
        List<String> problems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new Parsed(rights, problems);
        }
        for (String raw : text.split("[,\\n]")) {
            String scope = raw.strip();
            if (scope.isEmpty()) {
                continue;
            }
            String[] w = scope.split("\\s+");
            String verb = w[0].toLowerCase(Locale.ROOT);
            if ((verb.equals("view") || verb.equals("create") || verb.equals("edit")) && w.length == 2) {
                if (!knownWorkflow.test(w[1])) {
                    problems.add("'" + scope + "': there is no board " + w[1] + ".");
                    continue;
                }
                WorkflowRights r = new WorkflowRights(true, verb.equals("create"), verb.equals("edit"), false, Set.of());
                rights = rights.union(Rights.NONE.with(w[1], r));
            } else if (verb.equals("fire") && w.length == 4 && w[2].equalsIgnoreCase("on")) {
                if (!knownWorkflow.test(w[3])) {
                    problems.add("'" + scope + "': there is no board " + w[3] + ".");
                } else if (!knownEvent.test(w[3] + " " + w[1])) {
                    problems.add("'" + scope + "': " + w[3] + " has no event " + w[1] + ".");
                } else {
                    rights = rights.union(Rights.NONE.with(w[3], new WorkflowRights(true, false, false, false, Set.of(w[1]))));
                }
            } else {
                problems.add("'" + scope + "' is not a scope: write 'view WF-ID', 'create WF-ID', 'edit WF-ID' or 'fire EVENT on WF-ID'.");
            }
        }
        return new Parsed(rights, problems);
    }
}
