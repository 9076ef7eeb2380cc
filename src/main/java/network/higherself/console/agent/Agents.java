package network.higherself.console.agent;

import network.higherself.console.staff.Actor;
import network.higherself.console.workflow.DefinitionProblem;
import network.higherself.console.workflow.InvalidWorkflowException;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The agents, as {@code app/Services} wires them over the change pipeline: their checklists, the message gate, the
 * timed events and the runner, and the hooks the pipeline runs in every move. Everything they refer to in the
 * definitions (timed events, checklists, the gate's steps, the registry's patterns) is checked first
 * ({@link #check}), so that a definition that lacks one is a clear error at start.
 */
public final class Agents {

    private final TaskService tasks;
    private final MessageGate gate;
    private final TimedEvents timedEvents;
    private final AgentRunner runner;
    private final AgentHooks hooks;
    private final Clock clock;

    public Agents(TaskService tasks, MessageGate gate, TimedEvents timedEvents, AgentRunner runner, AgentHooks hooks,
                  Clock clock) {
        this.tasks = tasks;
        this.gate = gate;
        this.timedEvents = timedEvents;
        this.runner = runner;
        this.hooks = hooks;
        this.clock = clock;
    }

    /** @throws InvalidWorkflowException naming every timed event, checklist, gate step or pattern the definitions lack */
    public static void check(WorkflowCatalog workflows, List<Checklist> checklists, PatternRegistry patterns) {
        List<DefinitionProblem> problems = new ArrayList<>();
        problems.addAll(TimedEvents.problems(workflows, TimedEvent.STANDARD));
        problems.addAll(checklistProblems(workflows, checklists));
        problems.addAll(MessageGate.problems(workflows));
        problems.addAll(patterns.problems(workflows));
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException(problems);
        }
    }

    static List<DefinitionProblem> checklistProblems(WorkflowCatalog workflows, List<Checklist> checklists) {
        List<DefinitionProblem> problems = new ArrayList<>();
        for (Checklist c : checklists) {
            Workflow w = workflows.find(c.workflowId()).orElse(null);
            if (w == null || !w.isLegal(c.state(), c.blocksEvent())) {
                problems.add(new DefinitionProblem(c.workflowId() + ".json", "has no transition from '" + c.state() + "' by '"
                        + c.blocksEvent() + "', which the agents' " + c.state() + " checklist holds back while it is open"));
            }
        }
        return problems;
    }

    /**
     * The agent that acts for a card in {@code state}: the one the definition makes responsible for it (an agent
     * that manages the state, else the workflow's primary agent; the same rule as the agents' rights). Where no
     * agent is responsible (e.g. exhibitions, permissions: their definitions name no primary agent), the console
     * itself acts, as its system actor.
     */
    public static Actor responsibleFor(Workflow workflow, String state) {
        return workflow.agentFor(state).map(a -> Actor.agent(a.personality().orElse(a.agent()))).orElse(Actor.system());
    }

    public TaskService tasks() {
        return tasks;
    }

    public MessageGate gate() {
        return gate;
    }

    public TimedEvents timedEvents() {
        return timedEvents;
    }

    public AgentRunner runner() {
        return runner;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * A scheduler that runs the agents every {@code period} once started (the first run at once, which fires what
     * was missed while the console was closed), and soon after a move sends an agent message. {@code onRun} and
     * {@code onFailure} are called on the scheduler's thread.
     */
    public AgentScheduler scheduler(Duration period, Consumer<AgentRun> onRun, Consumer<Throwable> onFailure) {
        AgentScheduler scheduler = new AgentScheduler(runner, period, onRun, onFailure);
        hooks.onMessage(scheduler::runSoon);
        return scheduler;
    }
}
