package network.higherself.console.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * What the server needs of a workflow to check moves itself (its states, first state and transitions), with a digest
 * over exactly that, so that two desktops can tell whether they run the same workflow.
 */
public final class WorkflowDigest {

    private WorkflowDigest() {
    }

    /** One workflow as the server stores it. */
    public record Definition(String id, String initial, List<String> states, List<Transition> transitions, String digest) {

        ObjectNode toJson(ObjectMapper json) {
            ObjectNode w = json.createObjectNode();
            w.put("id", id);
            w.put("initial", initial);
            w.put("digest", digest);
            var s = w.putArray("states");
            states.forEach(s::add);
            var ts = w.putArray("transitions");
            for (Transition t : transitions) {
                ts.addObject().put("from", t.from()).put("event", t.event()).put("to", t.to());
            }
            return w;
        }
    }

    public static Definition of(Workflow w) {
        List<String> states = w.states().stream().map(State::id).toList();
        List<Transition> transitions = w.transitions().stream()
                .sorted(Comparator.comparing(Transition::from).thenComparing(Transition::event)).toList();
        StringBuilder canonical = new StringBuilder(w.id()).append('\n').append(w.initialState().id()).append('\n');
        states.forEach(s -> canonical.append("state ").append(s).append('\n'));
        transitions.forEach(t -> canonical.append(t.from()).append(' ').append(t.event()).append(' ').append(t.to()).append('\n'));
        return new Definition(w.id(), w.initialState().id(), states, transitions, sha256(canonical.toString()));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
