package network.higherself.console.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed document (the business's operational-workflows document, copied to src/test/resources/seed), read independently of the console's
 * definitions so that the two can be compared.
 */
final class SeedDocument {

    record SeedWorkflow(String id, String name, String purpose, List<State> states, List<Transition> transitions,
                        String agentSection, String ruleSection) {
    }

    private static final Pattern STATE = Pattern.compile("^- `([a-z_]+)`: (.+)$", Pattern.MULTILINE);

    static Map<String, SeedWorkflow> read() {
        String text;
        try (InputStream in = SeedDocument.class.getResourceAsStream("/seed/operational-workflows.md")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, SeedWorkflow> out = new LinkedHashMap<>();
        String[] sections = text.split("\n---\n");
        for (int i = 1; i < sections.length; i++) {
            SeedWorkflow w = parse(sections[i]);
            out.put(w.id(), w);
        }
        return out;
    }

    private static SeedWorkflow parse(String section) {
        String name = group(section, "(?m)^## (.+)$");
        String purpose = group(section, "\\*\\*Purpose\\*\\*: (.+)");
        String id = group(section, "\\*\\*Workflow ID\\*\\*: (\\S+)");
        String stateSection = between(section, "### States", "###");
        List<State> states = new ArrayList<>();
        Matcher m = STATE.matcher(stateSection);
        while (m.find()) {
            states.add(new State(m.group(1), m.group(2).trim()));
        }
        String json = group(section, "(?s)```json\\n(.*?)```");
        List<Transition> transitions = new ArrayList<>();
        try {
            for (JsonNode t : new ObjectMapper().readTree(json)) {
                transitions.add(new Transition(t.get("from_state").asText(), t.get("to_state").asText(), t.get("event").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SeedWorkflow(id, name, purpose, states, transitions,
                between(section, "### Agent Responsibilities", "###"), between(section, "### Rule Compliance", "\n\n\n"));
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("seed section lacks " + regex);
        }
        return m.group(1).trim();
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        int to = text.indexOf(end, from);
        return to < 0 ? text.substring(from) : text.substring(from, to);
    }
}
