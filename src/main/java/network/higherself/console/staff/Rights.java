package network.higherself.console.staff;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Someone's rights on every board, by workflow id. A board not named is not theirs to see. */
public record Rights(Map<String, WorkflowRights> byWorkflow) {

    public static final Rights NONE = new Rights(Map.of());

    public Rights {
        byWorkflow = Collections.unmodifiableMap(new LinkedHashMap<>(byWorkflow));
    }

    public WorkflowRights on(String workflowId) {
        return byWorkflow.getOrDefault(workflowId, WorkflowRights.NONE);
    }

    public Rights union(Rights other) {
        Map<String, WorkflowRights> m = new LinkedHashMap<>(byWorkflow);
        other.byWorkflow.forEach((w, r) -> m.merge(w, r, WorkflowRights::union));
        return new Rights(m);
    }

    public Rights with(String workflowId, WorkflowRights rights) {
        Map<String, WorkflowRights> m = new LinkedHashMap<>(byWorkflow);
        m.put(workflowId, rights);
        return new Rights(m);
    }
}
