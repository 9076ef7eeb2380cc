package network.higherself.console.staff;

import java.util.ArrayList;
import java.util.List;
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

    /** Rights as a row stores them, {@code events} as {@link #eventsText()} writes it. */
    public static WorkflowRights stored(boolean view, boolean create, boolean edit, String events) {
        boolean all = events.equals("*");
        Set<String> named = all || events.isBlank() ? Set.of() : Set.of(events.split(","));
        return new WorkflowRights(view, create, edit, all, named);
    }

    /** The rights in words: "view, edit, events lead_qualified". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (view) {
            parts.add("view");
        }
        if (create) {
            parts.add("create");
        }
        if (edit) {
            parts.add("edit");
        }
        parts.add(allEvents ? "all events" : events.isEmpty() ? "no events" : "events " + eventsText());
        return String.join(", ", parts);
    }

    /** The events as stored: "*" for all, else a comma-separated list. */
    public String eventsText() {
        return allEvents ? "*" : String.join(",", new TreeSet<>(events));
    }
}
