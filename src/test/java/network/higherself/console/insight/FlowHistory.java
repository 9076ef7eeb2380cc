package network.higherself.console.insight;

import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowLoader;

import java.time.Instant;
import java.util.List;

/**
 * A hand-written audit history of a small workflow (todo, doing, review, done, dropped; review can send back to
 * doing), in March 2026 (UTC), whose numbers the tests of the flow, cycle times and throughput work out by hand.
 */
public final class FlowHistory {

    public static final Workflow WORKFLOW = new WorkflowLoader().load("WF-FLOW.json",
            FlowHistory.class.getResourceAsStream("/insight/WF-FLOW.json")).workflow().orElseThrow();

    private FlowHistory() {
    }

    /** 2026-{@code monthDayTime}, e.g. "03-05 16:00", in UTC. */
    public static Instant at(String monthDayTime) {
        return Instant.parse("2026-" + monthDayTime.replace(' ', 'T') + ":00Z");
    }

    public static final List<StateChange> HISTORY = List.of(
            // 6: finished before the period
            StateChange.created(6, at("02-10 09:00"), "todo"),
            StateChange.moved(6, at("02-12 09:00"), "todo", "dropped"),
            // 1: created before the period, finished in it
            StateChange.created(1, at("02-20 09:00"), "todo"),
            StateChange.moved(1, at("02-25 10:00"), "todo", "doing"),
            // 5: reaches a final state, is taken out of it (by an older definition), reaches it again
            StateChange.created(5, at("03-01 12:00"), "todo"),
            StateChange.created(2, at("03-02 09:00"), "todo"),
            StateChange.created(3, at("03-02 10:00"), "todo"),
            StateChange.moved(3, at("03-02 14:00"), "todo", "doing"),
            // 9: the trail begins after its creation
            StateChange.moved(9, at("03-03 09:00"), "doing", "review"),
            StateChange.moved(3, at("03-03 10:00"), "doing", "review"),
            StateChange.moved(1, at("03-03 12:00"), "doing", "review"),
            StateChange.moved(5, at("03-03 12:00"), "todo", "dropped"),
            // 2: moved twice in one day
            StateChange.moved(2, at("03-04 09:00"), "todo", "doing"),
            StateChange.moved(9, at("03-04 09:00"), "review", "done"),
            // 3: sent back to an earlier state
            StateChange.moved(3, at("03-04 10:00"), "review", "doing"),
            StateChange.moved(2, at("03-04 15:00"), "doing", "review"),
            // 4: still open
            StateChange.created(4, at("03-05 08:00"), "todo"),
            StateChange.moved(5, at("03-05 12:00"), "dropped", "todo"),
            StateChange.moved(1, at("03-05 16:00"), "review", "done"),
            // 8: moves again after the period
            StateChange.created(8, at("03-06 09:00"), "todo"),
            StateChange.moved(2, at("03-06 10:00"), "review", "done"),
            StateChange.moved(3, at("03-06 10:00"), "doing", "review"),
            StateChange.moved(5, at("03-07 12:00"), "todo", "dropped"),
            // 7 and 10: created after the period
            StateChange.created(7, at("03-09 10:00"), "todo"),
            StateChange.created(10, at("03-09 08:00"), "todo"),
            StateChange.moved(8, at("03-10 09:00"), "todo", "doing"),
            StateChange.moved(10, at("03-10 08:00"), "todo", "dropped"));
}
