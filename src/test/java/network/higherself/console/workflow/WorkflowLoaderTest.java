package network.higherself.console.workflow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
            long-state-id.json         | state id 'in_review_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (65 characters) must be a lower-case letter followed by lower-case letters, digits or underscores, at most 64 characters (the width of the database's state column)
            long-event.json            | transition #1: event 'submit_eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee…' (65 characters) must be a lower-case letter followed by lower-case letters, digits or underscores, at most 64 characters (the width of the database's event column)
            event-not-an-identifier.json | transition #2: event 'Close Now' must be a lower-case letter followed by lower-case letters, digits or underscores
            long-agent-name.json       | agent #1: agent 'Agent AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…' (76 characters) is too long: at most 60 characters
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
        assertThat(w.optionsFrom("review")).isEqualTo("A card in Review can go to Closed (by \u201cClose\u201d) or Open (by \u201cReopen\u201d).");
    }

    @Test
    void idsOf64CharactersTheDatabaseColumnsWidthAreAccepted() {
        WorkflowLoader.Result result = new WorkflowLoader().load(definition("valid/longest-ids.json"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.workflow().orElseThrow().states().get(1).id()).hasSize(Identifier.MAX_LENGTH);
    }

    @Test
    void aFolderAPipeOrAHugeFileIsRefusedWithoutReadingIt(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("WF-WELL-BOOK.json"));
        Path fifo = dir.resolve("WF-CONSULT.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path huge = dir.resolve("WF-MKTG-CAMP.json");
        Files.write(huge, new byte[(int) WorkflowLoader.MAX_BYTES + 1]);

        // a pipe nobody writes to would block the reader for ever: the check must not open it
        java.util.concurrent.CompletableFuture<WorkflowLoader.Result> pipe =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> new WorkflowLoader().load(fifo));
        assertThat(pipe.get(10, java.util.concurrent.TimeUnit.SECONDS).problems()).extracting(DefinitionProblem::toString)
                .containsExactly(fifo + ": is not a regular file (a pipe, a socket or a device): a workflow definition is a JSON file");
        assertThat(new WorkflowLoader().load(folder).problems()).extracting(DefinitionProblem::toString)
                .containsExactly(folder + ": is a folder, not a file: a workflow definition is a JSON file");
        assertThat(new WorkflowLoader().load(huge).problems()).extracting(DefinitionProblem::toString)
                .containsExactly(huge + ": is 1000001 bytes: a workflow definition is at most 1000000 bytes (the bundled ones are about 5,000)");

        // and the console, which reads every .json file of its workflows folder, names each instead of hanging
        assertThatThrownBy(() -> WorkflowCatalog.load(dir))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining(fifo + ": is not a regular file")
                .hasMessageContaining(folder + ": is a folder, not a file")
                .hasMessageContaining(huge + ": is 1000001 bytes");
    }

    @Test
    void aFileMustBeNamedAfterItsIdAndOneIdHasOneFile(@TempDir Path dir) throws IOException {
        String booking = bundled("WF-WELL-BOOK.json");
        Path misnamed = dir.resolve("bookings.json");
        Files.writeString(misnamed, booking);
        assertThatThrownBy(() -> WorkflowCatalog.load(dir))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessage(misnamed + ": defines 'WF-WELL-BOOK', so it must be named WF-WELL-BOOK.json, not bookings.json");

        Path other = Files.createDirectory(dir.resolve("other")).resolve("WF-WELL-BOOK.json");
        Path named = dir.resolve("WF-WELL-BOOK.json");
        Files.move(misnamed, named);
        Files.writeString(other, booking.replace("\"board\": \"Wellness bookings\"", "\"board\": \"Front desk\""));
        WorkflowCatalog.Checked checked = WorkflowCatalog.check(List.of(named, other));
        assertThat(checked.ok()).isFalse();
        assertThat(checked.problems()).extracting(DefinitionProblem::toString).containsExactly(
                other + ": defines WF-WELL-BOOK, as " + named + " does: the console would not know which to use; keep one of them");
        assertThat(checked.valid()).containsOnlyKeys(named);
    }

    @Test
    void editorsLockFilesAreNotDefinitionsButAWorkflowsFileIsNotAFolder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("WF-WELL-BOOK.json"), bundled("WF-WELL-BOOK.json").replace("Wellness bookings", "Front desk"));
        Files.createSymbolicLink(dir.resolve(".#WF-WELL-BOOK.json"), Path.of("amara@desk.4242")); // what Emacs leaves
        assertThat(WorkflowCatalog.load(dir).get("WF-WELL-BOOK").board()).isEqualTo("Front desk");

        Path file = Files.writeString(dir.resolve("workflows"), "not a folder");
        assertThatThrownBy(() -> WorkflowCatalog.load(file))
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessage(file + ": is not a folder: the console reads replacements for its workflow definitions "
                        + "from a folder of that name; move this file away");
    }

    @Test
    void aDefinitionThatRemovesAStateWhereCardsSitIsNamedWithTheCountAndTheState(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("WF-WELL-BOOK.json");
        Files.writeString(file, bundled("WF-WELL-BOOK.json"));
        WorkflowCatalog catalog = WorkflowCatalog.load(dir);

        assertThat(catalog.statesMissingForCards(Map.of("WF-WELL-BOOK", Map.of("inquiry", 3L, "retired_state", 2L),
                "WF-CONSULT", Map.of("gone", 1L, "discovery", 4L)))).extracting(DefinitionProblem::toString).containsExactlyInAnyOrder(
                file + ": 2 cards are in the state 'retired_state' (Retired state), which this definition does not have: "
                        + "put the state back, or first move those cards out of it with a definition that has it",
                "workflows/WF-CONSULT.json: 1 card is in the state 'gone' (Gone), which this definition does not have: "
                        + "put the state back, or first move that card out of it with a definition that has it");
        assertThat(catalog.statesMissingForCards(Map.of("WF-WELL-BOOK", Map.of("inquiry", 3L)))).isEmpty();
    }

    private static String bundled(String name) throws IOException {
        try (var in = WorkflowCatalog.class.getResourceAsStream("/workflows/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
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
