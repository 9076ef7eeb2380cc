package network.higherself.console.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import network.higherself.console.workflow.Labels;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditRecord;
import network.higherself.console.card.AgentMessage;
import network.higherself.console.card.Campaign;
import network.higherself.console.card.Card;
import network.higherself.console.card.ContentPiece;
import network.higherself.console.move.AccessControl;
import network.higherself.console.move.FieldValues;
import network.higherself.console.move.MoveContext;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * What the WF-AGT-COMM gate decides and what an approved message does: the three checks (pattern, permission,
 * data), the payload a hand-off carries, and the receiver's effect. Holds no state and opens no transaction.
 */
public final class MessageRules {

    static final int PAYLOAD_MAX = 1000;
    private static final int VALUE_MAX = 200;

    private final WorkflowCatalog workflows;
    private final PatternRegistry registry;
    private final ObjectMapper json = new ObjectMapper();

    public MessageRules(WorkflowCatalog workflows, PatternRegistry registry) {
        this.workflows = workflows;
        this.registry = registry;
    }

    PatternRegistry registry() {
        return registry;
    }

    // ------------------------------------------------------------------ the gate's three checks

    /** Why the message matches no authorized pattern, if it does not (Agent Communication Security). */
    Optional<String> patternProblem(String sender, String receiver, String type) {
        if (registry.find(sender, receiver, type).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("No authorized pattern lets " + show(sender) + " send " + show(type) + " to " + show(receiver)
                + ": " + registry.describe(type) + ".");
    }

    /**
     * Why the agents may not exchange this pattern's messages, if they may not (Agent Autonomy Boundaries): each
     * must be responsible for some state of the workflow the message is about, per the definitions in force.
     */
    Optional<String> permissionProblem(MessagePattern p) {
        Optional<Workflow> w = workflows.find(p.workflow());
        if (w.isEmpty()) {
            return Optional.of("The console has no workflow " + p.workflow() + " for " + p.type() + " to be about.");
        }
        List<String> problems = new ArrayList<>();
        for (String agent : List.of(p.sender(), p.receiver())) {
            if (AccessControl.agentStates(w.get(), agent).isEmpty()) {
                problems.add(agent + " is not responsible for any state of " + w.get().board());
            }
        }
        return problems.isEmpty() ? Optional.empty()
                : Optional.of(String.join("; ", problems) + ", so " + p.sender() + " may not send " + p.type() + " to "
                + p.receiver() + " about its cards.");
    }

    /**
     * What is wrong with the payload, if anything (Data Validation): it must be a JSON object carrying every
     * field of the pattern, not blank, and {@code card_id} must be a card of the pattern's workflow.
     */
    Optional<String> dataProblem(MessagePattern p, String payload, LongFunction<Card> cards) {
        JsonNode root;
        try {
            root = payload == null || payload.isBlank() ? null : json.readTree(payload);
        } catch (JsonProcessingException e) {
            return Optional.of("The payload is not valid JSON (" + e.getOriginalMessage() + ").");
        }
        if (root == null || !root.isObject()) {
            return Optional.of("The payload must be a JSON object with " + String.join(", ", p.payload()) + ".");
        }
        List<String> missing = new ArrayList<>();
        for (String field : p.payload()) {
            JsonNode v = root.get(field);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of("The payload lacks " + String.join(", ", missing) + ", which " + p.type() + " must carry.");
        }
        Optional<Long> id = cardId(root);
        if (id.isEmpty()) {
            return Optional.of("The payload's card_id must be a card's number, not '" + root.get("card_id").asText() + "'.");
        }
        Card card = cards.apply(id.get());
        if (card == null) {
            return Optional.of("The payload is about card #" + id.get() + ", which does not exist.");
        }
        if (!card.workflowId().equals(p.workflow())) {
            return Optional.of("The payload is about card #" + id.get() + " of " + card.workflowId() + ", but " + p.type()
                    + " is about cards of " + p.workflow() + ".");
        }
        return Optional.empty();
    }

    private static Optional<Long> cardId(JsonNode payload) {
        JsonNode id = payload.get("card_id");
        if (id != null && id.isIntegralNumber() && id.canConvertToLong()) {
            return Optional.of(id.asLong());
        }
        if (id != null && id.isTextual() && id.asText().matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(id.asText()));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ hand-offs, in the triggering move

    /**
     * The messages this move sends: for every pattern sent on its event, an agent message card on WF-AGT-COMM,
     * created by the agent responsible for the gate's first state, waiting in it for the gate.
     *
     * @return how many were created
     */
    int request(MoveContext context, List<String> tasks) {
        List<MessagePattern> sent = registry.sentOn(context.workflow().id(), context.transition().event());
        if (sent.isEmpty()) {
            return 0;
        }
        Workflow gate = workflows.get(AgentMessage.WORKFLOW);
        Actor creator = Agents.responsibleFor(gate, gate.initialState().id());
        Card card = context.card();
        for (MessagePattern p : sent) {
            String payload = payloadFor(p, card, tasks);
            String title = Labels.cut(p.type() + ": " + p.sender() + " \u2192 " + p.receiver() + " about " + card.kindLabel() + " #"
                    + card.getId() + " '" + card.getTitle() + "'", Card.TITLE_MAX);
            context.create(AgentMessage.WORKFLOW, title, creator, FieldValues.NONE.with(AgentMessage.SENDING_AGENT, p.sender())
                    .with(AgentMessage.RECEIVING_AGENT, p.receiver()).with(AgentMessage.PATTERN, p.type())
                    .with(AgentMessage.PAYLOAD_SUMMARY, payload));
        }
        return sent.size();
    }

    /**
     * The payload a hand-off carries: {@code card_id}, and each other field of the pattern that the card has
     * (its fields as the audit shows them, and {@code tasks}: its open checklist). A field the card lacks is left
     * out, so that data validation denies the message and says which.
     */
    String payloadFor(MessagePattern p, Card card, List<String> tasks) {
        Map<String, String> fields = card.describe();
        ObjectNode o = json.createObjectNode();
        o.put("card_id", card.getId());
        for (String f : p.payload()) {
            String v = f.equals("tasks") ? String.join("; ", tasks) : f.equals("title") ? card.getTitle() : fields.get(f);
            if (!f.equals("card_id") && v != null && !v.isBlank()) {
                o.put(f, Labels.cut(v, VALUE_MAX));
            }
        }
        String text = o.toString();
        while (text.length() > PAYLOAD_MAX) { // only ever with very long values: shorten them all
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                if (o.get(k).isTextual()) {
                    o.put(k, Labels.cut(o.get(k).asText(), Math.max(10, o.get(k).asText().length() / 2)));
                }
            }
            text = o.toString();
        }
        return text;
    }

    // ------------------------------------------------------------------ delivery, in the communication_successful move

    /**
     * What the receiver does with an approved message, in the same transaction as its move to
     * communication_completed: it records on the card the message is about that it received it, and acts on it as
     * the pattern's effect says. Anything it cannot do refuses the move (the gate then fires communication_error).
     */
    void deliver(MoveContext context) {
        AgentMessage m = (AgentMessage) context.card();
        MessagePattern p = registry.find(AgentMessage.SENDING_AGENT.get(m), AgentMessage.RECEIVING_AGENT.get(m), AgentMessage.PATTERN.get(m)).orElseThrow(() ->
                context.refuse(Outcome.Refusal.GUARD, "The registry no longer authorizes " + AgentMessage.PATTERN.get(m) + " from "
                        + AgentMessage.SENDING_AGENT.get(m) + " to " + AgentMessage.RECEIVING_AGENT.get(m) + "."));
        Optional<String> bad = dataProblem(p, AgentMessage.PAYLOAD_SUMMARY.get(m), id -> context.session().find(Card.class, id));
        if (bad.isPresent()) {
            throw context.refuse(Outcome.Refusal.GUARD, bad.get());
        }
        long subjectId;
        try {
            subjectId = cardId(json.readTree(AgentMessage.PAYLOAD_SUMMARY.get(m))).orElseThrow();
        } catch (JsonProcessingException e) {
            throw context.refuse(Outcome.Refusal.GUARD, "The payload is not valid JSON.");
        }
        Card subject = context.session().find(Card.class, subjectId);
        Actor receiver = Actor.agent(p.receiver());
        String note = p.type() + " from " + p.sender() + " (agent message #" + m.getId() + ")";
        if (MessagePattern.CREATE_CONTENT_PIECE.equals(p.effect())) {
            if (!(subject instanceof Campaign)) {
                throw context.refuse(Outcome.Refusal.GUARD, "A content piece can only be started for a campaign.");
            }
            Outcome.Done piece = context.create(ContentPiece.WORKFLOW, Labels.cut("Content for " + subject.getTitle(), Card.TITLE_MAX),
                    receiver, FieldValues.NONE.withValue(ContentPiece.CAMPAIGN, subjectId));
            note += ": started content piece #" + piece.cardId();
        }
        context.audit(new AuditRecord(context.now(), receiver.auditName(), AuditAction.MESSAGE_DELIVERED,
                subject.workflowId(), subject.getId(), null, null, null, note, AgentMessage.PAYLOAD_SUMMARY.get(m)));
    }

    private static String show(String s) {
        return s == null ? "(nobody)" : s;
    }
}
