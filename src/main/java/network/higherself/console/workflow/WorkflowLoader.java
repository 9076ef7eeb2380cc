package network.higherself.console.workflow;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a workflow definition (JSON) and checks it before anything uses it. A bad definition is never half
 * loaded: the result is either a {@link Workflow} or every problem found, each naming the file.
 */
public final class WorkflowLoader {

    /** A definition is a few kilobytes; anything far bigger is not one, and is not read into memory. */
    static final long MAX_BYTES = 1_000_000;
    /** Agents' names are stored with what they do (card.sending_agent is 60 characters wide). */
    static final int AGENT_NAME_MAX = 60;
    private static final List<String> REQUIRED_FIELDS =
            List.of("id", "name", "purpose", "states", "transitions", "final_states", "agents", "rules");

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The outcome of loading one file: a workflow, or the problems that stop it from being one. */
    public record Result(String file, Optional<Workflow> workflow, List<DefinitionProblem> problems) {
        public boolean ok() {
            return workflow.isPresent();
        }
    }

    /**
     * Loads a file. Only a regular file is opened: a folder, a pipe (which would wait for a writer for ever) or a
     * device is refused, and so is a file of more than {@value #MAX_BYTES} bytes.
     */
    public Result load(Path file) {
        String name = file.toString();
        Optional<String> notAFile = notADefinitionFile(file);
        if (notAFile.isPresent()) {
            return failed(name, notAFile.get());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return load(name, in);
        } catch (NoSuchFileException e) {
            return failed(name, "no such file");
        } catch (IOException e) {
            return failed(name, "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Why {@code file} is not something to read a definition from, or empty when it is a regular file of sane size. */
    private static Optional<String> notADefinitionFile(Path file) {
        if (!Files.exists(file)) {
            return Optional.of("no such file");
        }
        if (Files.isDirectory(file)) {
            return Optional.of("is a folder, not a file: a workflow definition is a JSON file");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("is not a regular file (a pipe, a socket or a device): a workflow definition is a JSON file");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return Optional.of("is " + size + " bytes: a workflow definition is at most " + MAX_BYTES
                        + " bytes (the bundled ones are about 5,000)");
            }
        } catch (IOException e) {
            return Optional.of("cannot be read (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    public Result load(String file, InputStream in) {
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return failed(file, "malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            return failed(file, "cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || root.isMissingNode()) {
            return failed(file, "is empty: a workflow definition is a JSON object");
        }
        return new Check(file, root).run();
    }

    private static Result failed(String file, String problem) {
        return new Result(file, Optional.empty(), List.of(new DefinitionProblem(file, problem)));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** One pass over one definition, collecting every problem. */
    private static final class Check {
        private final String file;
        private final JsonNode root;
        private final List<DefinitionProblem> problems = new ArrayList<>();

        Check(String file, JsonNode root) {
            this.file = file;
            this.root = root;
        }

        private void problem(String text) {
            problems.add(new DefinitionProblem(file, text));
        }

        Result run() {
            if (!root.isObject()) {
                problem("a workflow definition must be a JSON object, not " + kind(root));
                return done(null);
            }
            for (String field : REQUIRED_FIELDS) {
                if (!root.has(field)) {
                    problem("missing field \"" + field + "\"");
                }
            }
            if (!problems.isEmpty()) {
                return done(null);
            }
            String id = text(root, "id", "workflow");
            String name = text(root, "name", "workflow");
            String purpose = text(root, "purpose", "workflow");
            String board = root.has("board") ? text(root, "board", "workflow") : name;
            String card = root.has("card") ? text(root, "card", "workflow") : "card";

            List<State> states = states();
            if (!problems.isEmpty()) {
                return done(null); // everything after this names states: checking it would only echo the problem
            }
            Set<String> stateIds = new HashSet<>();
            states.forEach(s -> stateIds.add(s.id()));
            List<Transition> transitions = transitions(stateIds);
            Set<String> finals = finalStates(stateIds);
            List<AgentResponsibility> agents = agents(stateIds);
            List<String> rules = strings(root.get("rules"), "rules");
            if (!problems.isEmpty()) {
                return done(null);
            }
            checkGraph(states, transitions, finals);
            if (!problems.isEmpty()) {
                return done(null);
            }
            return done(new Workflow(id, name, board, card, purpose, states, transitions, finals, agents, rules));
        }

        private Result done(Workflow workflow) {
            return new Result(file, Optional.ofNullable(workflow), List.copyOf(problems));
        }

        private String text(JsonNode node, String field, String where) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                problem("missing field \"" + field + "\" in " + where);
                return "";
            }
            if (!v.isTextual()) {
                problem("\"" + field + "\" in " + where + " must be a string, not " + kind(v));
                return "";
            }
            if (v.asText().isBlank() && !field.equals("description")) {
                problem("\"" + field + "\" in " + where + " is empty");
            }
            return v.asText();
        }

        private List<State> states() {
            JsonNode arr = root.get("states");
            List<State> states = new ArrayList<>();
            if (!arr.isArray()) {
                problem("\"states\" must be a list, not " + kind(arr));
                return states;
            }
            if (arr.isEmpty()) {
                problem("\"states\" is empty: a workflow needs at least one state");
                return states;
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < arr.size(); i++) {
                JsonNode s = arr.get(i);
                String where = "state #" + (i + 1);
                if (!s.isObject()) {
                    problem(where + " must be an object with \"id\" and \"description\", not " + kind(s));
                    continue;
                }
                String id = text(s, "id", where);
                String description = text(s, "description", where);
                if (id.isBlank()) {
                    continue;
                }
                Optional<String> notAnId = Identifier.problem("state id", id);
                if (notAnId.isPresent()) {
                    problem(notAnId.get());
                    continue;
                }
                if (!seen.add(id)) {
                    problem("duplicate state '" + id + "'");
                    continue;
                }
                states.add(new State(id, description));
            }
            return states;
        }

        private List<Transition> transitions(Set<String> stateIds) {
            JsonNode arr = root.get("transitions");
            List<Transition> transitions = new ArrayList<>();
            if (!arr.isArray()) {
                problem("\"transitions\" must be a list, not " + kind(arr));
                return transitions;
            }
            Set<Transition> seen = new HashSet<>();
            Map<String, String> eventTarget = new HashMap<>();
            for (int i = 0; i < arr.size(); i++) {
                JsonNode t = arr.get(i);
                String where = "transition #" + (i + 1);
                if (!t.isObject()) {
                    problem(where + " must be an object with \"from_state\", \"to_state\" and \"event\", not " + kind(t));
                    continue;
                }
                String from = text(t, "from_state", where);
                String to = text(t, "to_state", where);
                String event = text(t, "event", where);
                if (from.isBlank() || to.isBlank() || event.isBlank()) {
                    continue;
                }
                Optional<String> notAnId = Identifier.problem(where + ": event", event);
                if (notAnId.isPresent()) {
                    problem(notAnId.get());
                    continue;
                }
                boolean known = true;
                for (String s : List.of(from, to)) {
                    if (!stateIds.contains(s)) {
                        problem(where + " (" + Identifier.brief(from) + " -> " + Identifier.brief(to) + ", " + event
                                + ") names unknown state " + Identifier.shown(s));
                        known = false;
                    }
                }
                Transition tr = new Transition(from, to, event);
                if (!seen.add(tr)) {
                    problem(where + " repeats the transition " + tr);
                    continue;
                }
                String key = from + "\u0000" + event;
                String earlier = eventTarget.putIfAbsent(key, to);
                if (earlier != null) {
                    problem("event '" + event + "' appears twice from state '" + from + "' (to '" + earlier + "' and to '" + to + "')");
                    continue;
                }
                if (known) {
                    transitions.add(tr);
                }
            }
            return transitions;
        }

        private Set<String> finalStates(Set<String> stateIds) {
            Set<String> finals = new LinkedHashSet<>();
            for (String s : strings(root.get("final_states"), "final_states")) {
                if (!stateIds.contains(s)) {
                    problem("final state " + Identifier.shown(s) + " is not a state of this workflow");
                } else if (!finals.add(s)) {
                    problem("final state '" + s + "' is listed twice");
                }
            }
            return finals;
        }

        private List<AgentResponsibility> agents(Set<String> stateIds) {
            JsonNode arr = root.get("agents");
            List<AgentResponsibility> agents = new ArrayList<>();
            if (!arr.isArray()) {
                problem("\"agents\" must be a list, not " + kind(arr));
                return agents;
            }
            for (int i = 0; i < arr.size(); i++) {
                JsonNode a = arr.get(i);
                String where = "agent #" + (i + 1);
                if (!a.isObject()) {
                    problem(where + " must be an object with \"agent\", not " + kind(a));
                    continue;
                }
                String agent = text(a, "agent", where);
                Optional<String> personality = a.hasNonNull("personality")
                        ? Optional.of(text(a, "personality", where)) : Optional.empty();
                agentName(where + ": agent", agent);
                personality.ifPresent(p -> agentName(where + ": personality", p));
                String responsibility = a.has("responsibility") ? text(a, "responsibility", where) : "";
                boolean primary = a.path("primary").asBoolean(false);
                List<String> managed = a.has("states") ? strings(a.get("states"), where + " states") : List.of();
                for (String s : managed) {
                    if (!stateIds.contains(s)) {
                        problem(where + " (" + Identifier.brief(agent) + ") manages unknown state " + Identifier.shown(s));
                    }
                }
                agents.add(new AgentResponsibility(agent, personality, responsibility, primary, managed));
            }
            return agents;
        }

        /** An agent acts under its name (or personality): the audit trail and agent messages store it. */
        private void agentName(String what, String name) {
            if (name.length() > AGENT_NAME_MAX) {
                problem(what + " " + Identifier.shown(name) + " is too long: at most " + AGENT_NAME_MAX
                        + " characters (the width of the database's agent columns)");
            } else if (Escaping.hasControls(name)) {
                problem(what + " " + Identifier.shown(name) + " holds control characters: write it on one line");
            }
        }

        private List<String> strings(JsonNode arr, String where) {
            List<String> out = new ArrayList<>();
            if (!arr.isArray()) {
                problem("\"" + where + "\" must be a list of strings, not " + kind(arr));
                return out;
            }
            for (JsonNode v : arr) {
                if (!v.isTextual() || v.asText().isBlank()) {
                    problem("\"" + where + "\" must hold non-empty strings, not " + kind(v));
                } else {
                    out.add(v.asText());
                }
            }
            return out;
        }

        private void checkGraph(List<State> states, List<Transition> transitions, Set<String> finals) {
            Map<String, List<String>> next = new HashMap<>();
            for (Transition t : transitions) {
                next.computeIfAbsent(t.from(), k -> new ArrayList<>()).add(t.to());
            }
            String initial = states.get(0).id();
            Set<String> reached = new HashSet<>(Set.of(initial));
            Deque<String> todo = new ArrayDeque<>(List.of(initial));
            while (!todo.isEmpty()) {
                for (String n : next.getOrDefault(todo.pop(), List.of())) {
                    if (reached.add(n)) {
                        todo.push(n);
                    }
                }
            }
            for (State s : states) {
                String id = s.id();
                boolean hasWayOut = next.containsKey(id);
                if (!reached.contains(id)) {
                    problem("state '" + id + "' cannot be reached from the initial state '" + initial + "'");
                }
                if (finals.contains(id) && hasWayOut) {
                    problem("final state '" + id + "' has a way out (" + String.join(", ", next.get(id)) + ")");
                }
                if (!finals.contains(id) && !hasWayOut) {
                    problem("state '" + id + "' has no way out but is not listed in \"final_states\"");
                }
            }
        }

        private static String kind(JsonNode v) {
            if (v == null || v.isNull()) {
                return "null";
            }
            if (v.isObject()) {
                return "an object";
            }
            if (v.isArray()) {
                return "a list";
            }
            if (v.isTextual()) {
                return "a string";
            }
            if (v.isNumber()) {
                return "a number";
            }
            if (v.isBoolean()) {
                return "true/false";
            }
            return v.getNodeType().name().toLowerCase();
        }
    }
}
