package network.higherself.console.workflow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A corpus of broken definitions, one per problem: each is refused with a message naming the file and the problem. */
class WorkflowLoaderTest {

    static Path definition(String relative) {
        return Path.of(System.getProperty("hsc.project.dir", "."), "src/test/resources/definitions", relative);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed.json             | malformed JSON at line 4, column 3
            duplicate-key.json         | malformed JSON at line 3, column 7: Duplicate field 'id'
            empty-file.json            | is empty: a workflow definition is a JSON object
            not-an-object.json         | a workflow definition must be a JSON object, not a list
            missing-field.json         | missing field "transitions"
            states-not-a-list.json     | "states" must be a list, not a string
            empty-states.json          | "states" is empty: a workflow needs at least one state
            empty-state-id.json        | "id" in state #2 is empty
            duplicate-state.json       | duplicate state 'open'
            unknown-state.json         | transition #4 (review -> limbo, vanish) names unknown state 'limbo'
            duplicate-event.json       | event 'close' appears twice from state 'review' (to 'closed' and to 'open')
            identical-transitions.json | transition #4 repeats the transition open -> review (submit)
            unreachable.json           | state 'orphan' cannot be reached from the initial state 'open'
            dead-end.json              | state 'stuck' has no way out but is not listed in "final_states"
            final-with-way-out.json    | final state 'closed' has a way out (open)
            unknown-final-state.json   | final state 'gone' is not a state of this workflow
            """)
    void aBrokenDefinitionIsRefusedNamingTheFileAndTheProblem(String file, String problem) {
        Path path = definition("broken/" + file);
        WorkflowLoader.Result result = new WorkflowLoader().load(path);

        assertThat(result.ok()).isFalse();
        assertThat(result.workflow()).isEmpty();
        assertThat(result.problems()).extracting(DefinitionProblem::toString)
                .anySatisfy(line -> assertThat(line).startsWith(path + ": ").contains(problem));
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(path.toString()));
    }

    @Test
    void aValidDefinitionLoads() {
        WorkflowLoader.Result result = new WorkflowLoader().load(definition("valid/small.json"));
        assertThat(result.problems()).isEmpty();
        Workflow w = result.workflow().orElseThrow();
        assertThat(w.id()).isEqualTo("WF-TEST");
        assertThat(w.board()).as("board defaults to the name").isEqualTo("Test");
        assertThat(w.optionsFrom("review")).isEqualTo("A card in review can go to closed (close) or open (reopen).");
    }

    @Test
    void aMissingFileIsSaidPlainly() {
        WorkflowLoader.Result result = new WorkflowLoader().load(Path.of("no/such/WF-NONE.json"));
        assertThat(result.problems()).extracting(DefinitionProblem::toString)
                .containsExactly(Path.of("no/such/WF-NONE.json") + ": no such file");
    }

    @Test
    void aUserDefinitionReplacesTheBundledOneWithTheSameId(@TempDir Path dir) throws IOException {
        String booking = new String(WorkflowCatalog.class.getResourceAsStream("/workflows/WF-WELL-BOOK.json").readAllBytes())
                .replace("\"board\": \"Wellness bookings\"", "\"board\": \"Front desk\"");
        Files.writeString(dir.resolve("WF-WELL-BOOK.json"), booking);

        WorkflowCatalog catalog = WorkflowCatalog.load(dir);

        assertThat(catalog.get("WF-WELL-BOOK").board()).isEqualTo("Front desk");
        assertThat(catalog.all()).hasSize(8);
    }

    @Test
    void aBadUserDefinitionRefusesTheWholeCatalog(@TempDir Path dir) throws IOException {
        Files.copy(definition("broken/dead-end.json"), dir.resolve("WF-WELL-BOOK.json"));
        Files.copy(definition("valid/small.json"), dir.resolve("WF-TEST.json"));

        assertThatThrownBy(() -> WorkflowCatalog.load(dir))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining(dir.resolve("WF-WELL-BOOK.json") + ": state 'stuck' has no way out")
                .hasMessageContaining(dir.resolve("WF-TEST.json") + ": id 'WF-TEST' is not one of the console's workflows");
    }
}
