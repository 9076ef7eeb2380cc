package network.higherself.console.agent;

import network.higherself.console.workflow.Labels;
import network.higherself.console.card.AgentMessage;
import network.higherself.console.card.Card;
import network.higherself.console.move.FieldValues;
import network.higherself.console.move.CardService;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.workflow.DefinitionProblem;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The WF-AGT-COMM gate: walks each agent message card, one step at a time through the enforcement point, from
 * {@code request_initiated} to {@code communication_completed}, {@code communication_denied} or
 * {@code error_state}. Who fires the steps: the agent the definition makes responsible for each state, which is
 * the Base Agent Class (the workflow's primary agent); the sending and receiving agents only appear on the card.
 * The checks are the registry's pattern, the agents' responsibilities and the payload's data; a denial sets the
 * card's denial reason. Only an approved message has an effect, made in the same transaction as its move to
 * {@code communication_completed}; a delivery that fails moves it to {@code error_state} instead.
 */
public final class MessageGate {

    private static final Logger LOG = LoggerFactory.getLogger(MessageGate.class);

    /** The gate's steps: the state, and the events that leave it when its check passes and when it does not. */
    record Step(String state, String pass, String fail) {
    }

    static final List<Step> STEPS = List.of(
            new Step("request_initiated", "request_received", null),
            new Step("pattern_verification", "pattern_authorized", "pattern_not_authorized"),
            new Step("permissions_check", "permission_granted", "permission_denied"),
            new Step("data_validation", "validation_passed", "validation_failed"),
            new Step("communication_approved", "communication_successful", "communication_error"));

    /** The event whose move delivers an approved message (see {@link MessageRules#deliver}). */
    static final String DELIVERED = "communication_successful";

    private static final String DENIED = "communication_denied";
    private static final String FAILED = "error_state";

    private final SessionFactory sessionFactory;
    private final WorkflowCatalog workflows;
    private final CardService cards;
    private final MessageRules rules;
    private final Clock clock;
    private final Map<Long, Held> held = new HashMap<>();

    private record Held(long version, Instant at, Hold hold) {
    }

    public MessageGate(SessionFactory sessionFactory, WorkflowCatalog workflows, CardService cards, MessageRules rules, Clock clock) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory);
        this.workflows = Objects.requireNonNull(workflows);
        this.cards = Objects.requireNonNull(cards);
        this.rules = Objects.requireNonNull(rules);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What is wrong with WF-AGT-COMM's definition for the gate: each step must be a transition it has. */
    static List<DefinitionProblem> problems(WorkflowCatalog workflows) {
        List<DefinitionProblem> problems = new ArrayList<>();
        Optional<Workflow> w = workflows.find(AgentMessage.WORKFLOW);
        if (w.isEmpty()) {
            return List.of(new DefinitionProblem(AgentMessage.WORKFLOW + ".json", "is missing, and the agents' message gate needs it"));
        }
        for (Step s : STEPS) {
            for (String event : new String[]{s.pass(), s.fail()}) {
                if (event != null && !w.get().isLegal(s.state(), event)) {
                    problems.add(new DefinitionProblem(AgentMessage.WORKFLOW + ".json", "has no transition from '" + s.state()
                            + "' by '" + event + "', which the agents' message gate fires"));
                }
            }
        }
        if (!w.get().initialState().id().equals(STEPS.get(0).state())) {
            problems.add(new DefinitionProblem(AgentMessage.WORKFLOW + ".json", "must start in '" + STEPS.get(0).state()
                    + "' for the agents' message gate"));
        }
        return problems;
    }

    public PatternRegistry registry() {
        return rules.registry();
    }

    /**
     * Sends a message now: creates its card (as the gate's agent, on the sender's behalf) and walks it through the
     * gate. {@code payload} is the JSON the receiver gets. Returns the card's outcome line.
     */
    public AgentRun.Line send(String sender, String receiver, String type, String payload) {
        Workflow gate = workflows.get(AgentMessage.WORKFLOW);
        Actor creator = Agents.responsibleFor(gate, gate.initialState().id());
        Outcome o = cards.create(AgentMessage.WORKFLOW, Labels.cut(type + ": " + sender + " \u2192 " + receiver, Card.TITLE_MAX),
                creator, FieldValues.NONE.with(AgentMessage.SENDING_AGENT, sender).with(AgentMessage.RECEIVING_AGENT, receiver)
                        .with(AgentMessage.PATTERN, type).with(AgentMessage.PAYLOAD_SUMMARY, payload));
        if (!(o instanceof Outcome.Done done)) {
            return new AgentRun.Line(AgentRun.Kind.MESSAGE_DENIED, 0, type, "message " + type + " from " + sender + " to "
                    + receiver + " could not be created: " + o.message());
        }
        return advance(done.cardId());
    }

    /** Walks every message waiting in a gate state (oldest first); a message refused before is held for a while. */
    public synchronized List<AgentRun.Line> processPending() {
        List<String> waiting = STEPS.stream().map(Step::state).toList();
        List<Object[]> rows = sessionFactory.fromSession(s -> s.createSelectionQuery(
                        "select m.id, m.version from AgentMessage m where m.state in :states order by m.id", Object[].class)
                .setParameter("states", waiting).getResultList());
        Instant now = clock.instant();
        held.keySet().retainAll(rows.stream().map(r -> (Long) r[0]).toList());
        List<AgentRun.Line> lines = new ArrayList<>();
        for (Object[] r : rows) {
            long id = (Long) r[0];
            Held h = held.get(id);
            if (h != null && h.version() == (Long) r[1] && now.isBefore(h.at().plus(AgentRunner.RETRY_AFTER))) {
                continue;
            }
            lines.add(advance(id));
        }
        return lines;
    }

    /** The messages whose step was refused and that wait before the gate tries again. */
    public synchronized List<Hold> holds() {
        return held.values().stream().map(Held::hold).toList();
    }

    /** Walks one message as far as it goes: to a final state, or to a step the enforcement point refuses. */
    public synchronized AgentRun.Line advance(long messageId) {
        for (int guard = 0; guard < STEPS.size() + 2; guard++) {
            AgentMessage m = sessionFactory.fromSession(s -> s.find(AgentMessage.class, messageId));
            if (m == null) {
                return new AgentRun.Line(AgentRun.Kind.MESSAGE_FAILED, messageId, null, "agent message #" + messageId + " is gone");
            }
            String what = "agent message #" + m.getId() + " " + AgentMessage.PATTERN.get(m) + " (" + AgentMessage.SENDING_AGENT.get(m) + " \u2192 "
                    + AgentMessage.RECEIVING_AGENT.get(m) + ")";
            Optional<Step> step = STEPS.stream().filter(s -> s.state().equals(m.getState())).findFirst();
            if (step.isEmpty()) {
                held.remove(messageId);
                return finished(m, what);
            }
            Actor agent = Agents.responsibleFor(workflows.get(AgentMessage.WORKFLOW), m.getState());
            Optional<String> problem = check(step.get(), m);
            Outcome o;
            String tried = step.get().pass();
            if (problem.isEmpty()) {
                o = cards.move(MoveRequest.byEvent(messageId, tried, agent).expecting(m.getVersion()));
                if (!o.isDone() && step.get().pass().equals(DELIVERED) && o instanceof Outcome.Refused r
                        && r.reason() != Outcome.Refusal.CONFLICT) {
                    tried = step.get().fail();
                    o = deny(messageId, tried, agent, m.getVersion(), "Delivery failed: " + r.message());
                }
            } else {
                tried = step.get().fail();
                o = deny(messageId, tried, agent, m.getVersion(), problem.get());
            }
            if (!o.isDone()) {
                held.put(messageId, new Held(m.getVersion(), clock.instant(),
                        new Hold(messageId, agent.name(), tried, o.message())));
                LOG.warn("The message gate could not move {} from {}: {}", what, m.getState(), o.message());
                return new AgentRun.Line(AgentRun.Kind.REFUSED, messageId, tried,
                        "refused " + what + " in " + m.getState() + ": " + o.message());
            }
        }
        throw new IllegalStateException("agent message #" + messageId + " did not reach a final state");
    }

    private Optional<String> check(Step step, AgentMessage m) {
        return switch (step.state()) {
            case "pattern_verification" -> rules.patternProblem(AgentMessage.SENDING_AGENT.get(m), AgentMessage.RECEIVING_AGENT.get(m), AgentMessage.PATTERN.get(m));
            case "permissions_check" -> pattern(m).flatMap(rules::permissionProblem);
            case "data_validation" -> pattern(m).flatMap(p -> sessionFactory.fromSession(s ->
                    rules.dataProblem(p, AgentMessage.PAYLOAD_SUMMARY.get(m), id -> s.find(Card.class, id))));
            default -> Optional.empty();
        };
    }

    private Optional<MessagePattern> pattern(AgentMessage m) {
        return rules.registry().find(AgentMessage.SENDING_AGENT.get(m), AgentMessage.RECEIVING_AGENT.get(m), AgentMessage.PATTERN.get(m));
    }

    private Outcome deny(long id, String event, Actor agent, long version, String reason) {
        String why = Labels.cut(reason, 500);
        return cards.move(MoveRequest.byEvent(id, event, agent).expecting(version).withNote(why)
                .with(FieldValues.NONE.with(AgentMessage.DENIAL_REASON, why)));
    }

    private static AgentRun.Line finished(AgentMessage m, String what) {
        return switch (m.getState()) {
            case DENIED -> new AgentRun.Line(AgentRun.Kind.MESSAGE_DENIED, m.getId(), AgentMessage.PATTERN.get(m),
                    what + " denied: " + AgentMessage.DENIAL_REASON.get(m));
            case FAILED -> new AgentRun.Line(AgentRun.Kind.MESSAGE_FAILED, m.getId(), AgentMessage.PATTERN.get(m),
                    what + " failed: " + AgentMessage.DENIAL_REASON.get(m));
            default -> new AgentRun.Line(AgentRun.Kind.MESSAGE_COMPLETED, m.getId(), AgentMessage.PATTERN.get(m),
                    what + " approved and delivered (" + m.getState() + ")");
        };
    }
}
