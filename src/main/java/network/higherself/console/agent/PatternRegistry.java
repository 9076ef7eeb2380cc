package network.higherself.console.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import network.higherself.console.workflow.DefinitionProblem;
import network.higherself.console.workflow.InvalidWorkflowException;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry of authorized agent communication patterns, as data ({@code /agents/patterns.json}): an object
 * with {@code patterns}, each with {@code type}, {@code sender}, {@code receiver}, {@code workflow},
 * {@code on_event}, {@code payload} (the fields it must carry), and optionally {@code effect} and
 * {@code description}. A message that matches no pattern is denied at the gate.
 */
public final class PatternRegistry {

    public static final String RESOURCE = "/agents/patterns.json";

    private final String source;
    private final List<MessagePattern> patterns;

    public PatternRegistry(String source, List<MessagePattern> patterns) {
        this.source = source;
        this.patterns = List.copyOf(patterns);
    }

    /** The registry bundled with the console. */
    public static PatternRegistry bundled() {
        try (InputStream in = PatternRegistry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new InvalidWorkflowException(List.of(new DefinitionProblem("agents/patterns.json", "is missing from the application")));
            }
            return parse("agents/patterns.json", in.readAllBytes());
        } catch (IOException e) {
            throw new InvalidWorkflowException(List.of(new DefinitionProblem("agents/patterns.json", "cannot be read (" + e.getMessage() + ")")));
        }
    }

    /** Reads a registry; a malformed one is a clear error naming {@code source} and the problem. */
    public static PatternRegistry parse(String source, byte[] json) {
        List<DefinitionProblem> problems = new ArrayList<>();
        List<MessagePattern> patterns = new ArrayList<>();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidWorkflowException(List.of(new DefinitionProblem(source, "is not valid JSON (" + e.getOriginalMessage() + ")")));
        } catch (IOException e) {
            throw new InvalidWorkflowException(List.of(new DefinitionProblem(source, "cannot be read (" + e.getMessage() + ")")));
        }
        JsonNode list = root == null ? null : root.get("patterns");
        if (list == null || !list.isArray()) {
            throw new InvalidWorkflowException(List.of(new DefinitionProblem(source, "needs a list 'patterns'")));
        }
        int n = 0;
        for (JsonNode p : list) {
            n++;
            String where = "pattern " + n;
            List<String> missing = new ArrayList<>();
            for (String key : List.of("type", "sender", "receiver", "workflow", "on_event")) {
                if (!p.hasNonNull(key) || !p.get(key).isTextual() || p.get(key).asText().isBlank()) {
                    missing.add(key);
                }
            }
            JsonNode payload = p.get("payload");
            if (payload == null || !payload.isArray()) {
                missing.add("payload");
            }
            if (!missing.isEmpty()) {
                problems.add(new DefinitionProblem(source, where + " lacks " + String.join(", ", missing)));
                continue;
            }
            List<String> fields = new ArrayList<>();
            payload.forEach(f -> fields.add(f.asText()));
            patterns.add(new MessagePattern(p.get("type").asText(), p.get("sender").asText(), p.get("receiver").asText(),
                    p.get("workflow").asText(), p.get("on_event").asText(), fields,
                    p.hasNonNull("effect") ? p.get("effect").asText() : null,
                    p.hasNonNull("description") ? p.get("description").asText() : null));
        }
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException(problems);
        }
        return new PatternRegistry(source, patterns);
    }

    /** What is wrong with the registry for these definitions: unknown workflows or events, payloads, effects. */
    public List<DefinitionProblem> problems(WorkflowCatalog workflows) {
        List<DefinitionProblem> problems = new ArrayList<>();
        for (MessagePattern p : patterns) {
            Optional<Workflow> w = workflows.find(p.workflow());
            if (w.isEmpty()) {
                problems.add(new DefinitionProblem(source, p + " names workflow '" + p.workflow() + "', which the console does not have"));
            } else if (!w.get().events().contains(p.onEvent())) {
                problems.add(new DefinitionProblem(source, p + " is sent on '" + p.onEvent() + "', which is not an event of "
                        + p.workflow()));
            }
            if (!p.payload().contains("card_id")) {
                problems.add(new DefinitionProblem(source, p + " must carry card_id (the card it is about) in its payload"));
            }
            if (!MessagePattern.EFFECTS.contains(p.effect())) {
                problems.add(new DefinitionProblem(source, p + " has effect '" + p.effect() + "'; the effects are "
                        + String.join(", ", MessagePattern.EFFECTS)));
            }
            long same = patterns.stream().filter(q -> q.matches(p.sender(), p.receiver(), p.type())).count();
            if (same > 1) {
                problems.add(new DefinitionProblem(source, p + " is listed " + same + " times"));
            }
        }
        return problems.stream().distinct().toList();
    }

    public List<MessagePattern> patterns() {
        return patterns;
    }

    /** The authorized pattern for this message, if there is one. */
    public Optional<MessagePattern> find(String sender, String receiver, String type) {
        if (sender == null || receiver == null || type == null) {
            return Optional.empty();
        }
        return patterns.stream().filter(p -> p.matches(sender, receiver, type)).findFirst();
    }

    /** The patterns whose message is sent when a card of {@code workflowId} is moved by {@code event}. */
    public List<MessagePattern> sentOn(String workflowId, String event) {
        return patterns.stream().filter(p -> p.workflow().equals(workflowId) && p.onEvent().equals(event)).toList();
    }

    /** The registry's patterns of {@code type}, in words, for a denial: "lead_handoff: Nyra → Solari". */
    public String describe(String type) {
        List<String> of = patterns.stream().filter(p -> p.type().equals(type)).map(MessagePattern::toString).toList();
        return of.isEmpty() ? "the registry has no pattern '" + type + "'" : "the registry authorizes only " + String.join("; ", of);
    }
}
