package network.higherself.console.staff;

import java.util.Set;
import java.util.TreeSet;

/**
 * What someone may do on one board: see it, create cards, edit cards, and fire which events (all of them, or a
 * named few).
 */
public record WorkflowRights(boolean view, boolean create, boolean edit, boolean allEvents, Set<String> events) {

    public static final WorkflowRights NONE = new WorkflowRights(false, false, false, false, Set.of());
    public static final WorkflowRights FULL = new WorkflowRights(true, true, true, true, Set.of());
    public static final WorkflowRights VIEW = new WorkflowRights(true, false, false, false, Set.of());

    public WorkflowRights {
        events = Set.copyOf(events);
    }

    public boolean mayFire(String event) {
        return allEvents || events.contains(event);
    }

    /** Both rights together: what either allows. */
    public WorkflowRights union(WorkflowRights other) {
        Set<String> both = new TreeSet<>(events);
        both.addAll(other.events);
        boolean all = allEvents || other.allEvents;
        return new WorkflowRights(view || other.view || create || other.create, create || other.create,
                edit || other.edit, all, all ? Set.of() : both);
    }

    public WorkflowRights withEvents(Set<String> more) {
        Set<String> both = new TreeSet<>(events);
        both.addAll(more);
        return new WorkflowRights(true, create, edit, allEvents, allEvents ? Set.of() : both);
    }

    /** The events as stored: "*" for all, else a comma-separated list. */
    public String eventsText() {
        return allEvents ? "*" : String.join(",", new TreeSet<>(events));
    }
}
