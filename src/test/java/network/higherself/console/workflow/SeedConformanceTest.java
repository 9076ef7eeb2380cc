package network.higherself.console.workflow;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled definitions say exactly what the seed document says. */
class SeedConformanceTest {

    private static final Map<String, SeedDocument.SeedWorkflow> SEED = SeedDocument.read();
    private static final WorkflowCatalog CATALOG = WorkflowCatalog.bundled();

    @Test
    void everySeedWorkflowIsBundledAndNothingElse() {
        assertThat(SEED).hasSize(8);
        assertThat(CATALOG.all()).extracting(Workflow::id).containsExactlyInAnyOrderElementsOf(SEED.keySet());
    }

    @TestFactory
    Stream<DynamicTest> eachDefinitionMatchesTheSeed() {
        return SEED.values().stream().map(seed -> DynamicTest.dynamicTest(seed.id(), () -> {
            Workflow w = CATALOG.get(seed.id());
            assertThat(w.purpose()).isEqualTo(seed.purpose());
            assertThat(seed.name()).startsWith(w.name());
            assertThat(w.states()).as("states in the seed's order").containsExactlyElementsOf(seed.states());
            assertThat(w.transitions()).as("exactly the seed's transitions").containsExactlyElementsOf(seed.transitions());
            Set<String> withWayOut = seed.transitions().stream().map(Transition::from).collect(Collectors.toSet());
            Set<String> deadEnds = seed.states().stream().map(State::id).filter(s -> !withWayOut.contains(s))
                    .collect(Collectors.toSet());
            assertThat(w.finalStates()).as("final states are the seed's states with no way out").isEqualTo(deadEnds);
            String rules = seed.ruleSection().toLowerCase();
            assertThat(w.rules()).as("one rule per Rule Compliance line")
                    .hasSize((int) seed.ruleSection().lines().filter(l -> l.startsWith("- ")).count());
            for (String rule : w.rules()) {
                assertThat(rules).as("rule '%s' is named in the seed", rule).contains(rule.toLowerCase());
            }
            assertThat(w.agents()).as("one entry per agent the seed lists")
                    .hasSize((int) seed.agentSection().lines().filter(l -> l.startsWith("- **")).count());
            for (AgentResponsibility a : w.agents()) {
                assertThat(seed.agentSection()).contains("**" + a.agent());
                assertThat(seed.agentSection()).contains(a.responsibility());
            }
        }));
    }

    @Test
    void personalityNamesAreTheSeeds() {
        Set<String> seen = new HashSet<>();
        CATALOG.all().forEach(w -> w.agents().forEach(a -> a.personality().ifPresent(seen::add)));
        assertThat(seen).containsExactlyInAnyOrder("Solari", "Nyra", "Ruvo", "Liora");
    }

    @Test
    void theBookingBoardKnowsItsAgents() {
        Workflow booking = CATALOG.get("WF-WELL-BOOK");
        assertThat(booking.agentFor("inquiry")).map(AgentResponsibility::displayName).hasValue("Nyra (Lead Capture Agent)");
        assertThat(booking.agentFor("payment_pending")).map(AgentResponsibility::displayName).hasValue("Solari (Booking Agent)");
        assertThat(List.of(booking.agentFor("preparation").orElseThrow().personality().orElseThrow())).containsExactly("Ruvo");
    }
}
