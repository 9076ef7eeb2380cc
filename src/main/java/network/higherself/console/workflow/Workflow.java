package network.higherself.console.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A workflow's configuration: its states, transitions, final states, agents and rules. Immutable, and
 * separate from the cards that use it. It answers what is permitted from a state and fires events,
 * refusing an illegal one with a sentence a person can act on.
 *
 * <p>Instances come from {@link WorkflowLoader}, which checks a definition before building one.
 */
public final class Workflow {

    private final String id;
    private final String name;
    private final String board;
    private final String cardNoun;
    private final String purpose;
    private final List<State> states;
    private final Map<String, State> stateById;
    private final List<Transition> transitions;
    private final Map<String, List<Transition>> outgoing;
    private final Set<String> events;
    private final Set<String> finalStates;
    private final List<AgentResponsibility> agents;
    private final List<String> rules;

    Workflow(String id, String name, String board, String cardNoun, String purpose, List<State> states,
             List<Transition> transitions, Set<String> finalStates, List<AgentResponsibility> agents,
             List<String> rules) {
        this.id = id;
        this.name = name;
        this.board = board;
        this.cardNoun = cardNoun;
        this.purpose = purpose;
        this.states = List.copyOf(states);
        this.transitions = List.copyOf(transitions);
        this.finalStates = Collections.unmodifiableSet(new LinkedHashSet<>(finalStates));
        this.agents = List.copyOf(agents);
        this.rules = List.copyOf(rules);
        Map<String, State> byId = new LinkedHashMap<>();
        Map<String, List<Transition>> out = new LinkedHashMap<>();
        for (State s : states) {
            byId.put(s.id(), s);
            out.put(s.id(), new ArrayList<>());
        }
        Set<String> allEvents = new LinkedHashSet<>();
        for (Transition t : transitions) {
            out.get(t.from()).add(t);
            allEvents.add(t.event());
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        this.stateById = Collections.unmodifiableMap(byId);
        this.outgoing = Collections.unmodifiableMap(out);
        this.events = Collections.unmodifiableSet(allEvents);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The board's short name, e.g. "Wellness bookings". */
    public String board() {
        return board;
    }

    /** What one card of this workflow is called, e.g. "booking". */
    public String cardNoun() {
        return cardNoun;
    }

    public String purpose() {
        return purpose;
    }

    /** The states in the definition's order; the first is the initial state. */
    public List<State> states() {
        return states;
    }

    public State initialState() {
        return states.get(0);
    }

    public Optional<State> state(String stateId) {
        return Optional.ofNullable(stateById.get(stateId));
    }

    public boolean hasState(String stateId) {
        return stateById.containsKey(stateId);
    }

    public List<Transition> transitions() {
        return transitions;
    }

    /** Every event of the workflow, in the order of first appearance. */
    public Set<String> events() {
        return events;
    }

    public Set<String> finalStates() {
        return finalStates;
    }

    public boolean isFinal(String stateId) {
        return finalStates.contains(stateId);
    }

    public List<AgentResponsibility> agents() {
        return agents;
    }

    public List<String> rules() {
        return rules;
    }

    /** The transitions that leave {@code stateId}, in the definition's order (empty for an unknown state). */
    public List<Transition> transitionsFrom(String stateId) {
        return outgoing.getOrDefault(stateId, List.of());
    }

    /** The states a card in {@code stateId} may move to, in the workflow's state order. */
    public List<State> targetsFrom(String stateId) {
        Set<String> targets = transitionsFrom(stateId).stream().map(Transition::to).collect(Collectors.toSet());
        return states.stream().filter(s -> targets.contains(s.id())).toList();
    }

    /** The events that lead from {@code from} to {@code to}; there can be several, or none. */
    public List<Transition> transitionsBetween(String from, String to) {
        return transitionsFrom(from).stream().filter(t -> t.to().equals(to)).toList();
    }

    public boolean isLegal(String from, String event) {
        return transitionsFrom(from).stream().anyMatch(t -> t.event().equals(event));
    }

    public boolean canMove(String from, String to) {
        return !transitionsBetween(from, to).isEmpty();
    }

    /** Fires {@code event} on a card in {@code from}: the transition it takes, or why it may not. */
    public FireResult fire(String from, String event) {
        if (!hasState(from)) {
            return unknownState(from);
        }
        for (Transition t : transitionsFrom(from)) {
            if (t.event().equals(event)) {
                return new FireResult.Fired(t);
            }
        }
        if (isFinal(from)) {
            return finalState(from);
        }
        FireResult.Reason reason = events.contains(event) ? FireResult.Reason.ILLEGAL_EVENT : FireResult.Reason.UNKNOWN_EVENT;
        String what = events.contains(event)
                ? eventLabel(event) + " cannot be fired from " + stateLabel(from) + ". "
                : eventLabel(event) + " is not an event of " + board + ". ";
        return new FireResult.Refused(reason, what + optionsFrom(from));
    }

    /**
     * Resolves a move to {@code to}: the single transition that leads there, or a refusal when none does or
     * when several do (the caller must then say which event, with {@link #fire}).
     */
    public FireResult moveTo(String from, String to) {
        if (!hasState(from)) {
            return unknownState(from);
        }
        if (!hasState(to)) {
            return new FireResult.Refused(FireResult.Reason.UNKNOWN_STATE,
                    board + " has no column " + Labels.quoted(Labels.humanize(to)) + ". " + optionsFrom(from));
        }
        List<Transition> candidates = transitionsBetween(from, to);
        if (candidates.size() == 1) {
            return new FireResult.Fired(candidates.get(0));
        }
        if (candidates.size() > 1) {
            List<String> names = candidates.stream().map(t -> eventLabel(t.event())).toList();
            return new FireResult.Refused(FireResult.Reason.AMBIGUOUS, "Several events lead from " + stateLabel(from)
                    + " to " + stateLabel(to) + ": say which one, " + Labels.orList(names) + ".");
        }
        if (isFinal(from)) {
            return finalState(from);
        }
        return new FireResult.Refused(FireResult.Reason.NO_TRANSITION,
                "No event leads from " + stateLabel(from) + " to " + stateLabel(to) + ". " + optionsFrom(from));
    }

    /**
     * The sentence that says where a card in {@code from} may go, in people's words, e.g. "A booking in Quote provided
     * can go to Payment pending (by “Client accepted quote”) or Canceled (by “Client declined quote”)."
     */
    public String optionsFrom(String from) {
        List<Transition> out = transitionsFrom(from);
        String in = Labels.withArticle(cardNoun) + " in " + stateLabel(from);
        if (out.isEmpty()) {
            return in + " is finished: nothing leads out of " + stateLabel(from) + ".";
        }
        List<String> options = out.stream().map(t -> stateLabel(t.to()) + " (by " + eventLabel(t.event()) + ")").toList();
        return in + " can go to " + Labels.orList(options) + ".";
    }

    /** A column's name as people read it: the state's label ("Quote provided"); an unknown id in the same words. */
    public String stateLabel(String stateId) {
        return state(stateId).map(State::label).orElseGet(() -> Labels.quoted(Labels.humanize(stateId)));
    }

    /** An event's name as people read it, in quotation marks: “Client accepted quote”. */
    public String eventLabel(String event) {
        return Labels.quoted(Labels.humanize(event));
    }

    /** The agent responsible for a state: the one that manages it explicitly, else the primary agent. */
    public Optional<AgentResponsibility> agentFor(String stateId) {
        return agents.stream().filter(a -> a.states().contains(stateId)).findFirst()
                .or(() -> agents.stream().filter(AgentResponsibility::primary).findFirst());
    }

    private FireResult unknownState(String from) {
        return new FireResult.Refused(FireResult.Reason.UNKNOWN_STATE,
                board + " has no column " + Labels.quoted(Labels.humanize(from)) + "; its columns are "
                        + Labels.orList(states.stream().map(State::label).toList()) + ".");
    }

    private FireResult finalState(String from) {
        return new FireResult.Refused(FireResult.Reason.FINAL_STATE, optionsFrom(from));
    }

    @Override
    public String toString() {
        return id + " (" + name + ")";
    }
}
