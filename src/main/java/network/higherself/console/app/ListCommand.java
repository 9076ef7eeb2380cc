package network.higherself.console.app;

import network.higherself.console.store.CardQueries;
import network.higherself.console.store.CardSummary;
import network.higherself.console.workflow.Identifier;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Workflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** {@code list --board WF-... [--state S] [--format F]}: prints a board's cards, column by column. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Prints the cards of a board: id, state, title. No title can forge a line: control characters are "
                + "written as \\n, \\t, \\\\ (text, tsv), or quoted (csv, json).")
final class ListCommand extends DataCommand {

    private static final int PAGE = 500;

    @Option(names = "--board", required = true, paramLabel = "WF-ID", description = "The workflow, e.g. WF-WELL-BOOK.")
    String board;

    @Option(names = "--state", paramLabel = "STATE", description = "Only this column.")
    String state;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (the default: tab-separated, escaped, no header), tsv (the same with a header line), "
                    + "csv (RFC 4180, with a header line) or json (an array of objects with id, state and title).")
    ListFormat format;

    /** Reads without booting Hibernate or wiring the services: the rows come over plain JDBC ({@link CardQueries}). */
    @Override
    int open(network.higherself.console.store.DataFolder folder) {
        try (Services.Reading reading = Services.openToRead(folder, console().clock(), console().passphrases(),
                console().encrypt)) {
            reading.database().notices().forEach(err()::println);
            return list(reading.workflows(), reading.queries(), out(), err());
        }
    }

    @Override
    int run(Services services, PrintWriter out, PrintWriter err) {
        return list(services.workflows(), services.queries(), out, err);
    }

    private int list(network.higherself.console.workflow.WorkflowCatalog workflows, CardQueries queries, PrintWriter out,
                     PrintWriter err) {
        Optional<Workflow> found = board(workflows, board, err);
        if (found.isEmpty()) {
            return 1;
        }
        Workflow w = found.get();
        if (state != null && !w.hasState(state)) {
            err.println(w.board() + " has no state " + Identifier.shown(state) + ". Its states are: "
                    + String.join(", ", w.states().stream().map(State::id).toList()) + ".");
            return 1;
        }
        List<State> columns = state == null ? w.states() : List.of(w.state(state).orElseThrow());
        try (ListFormat.Rows rows = format.open(out)) {
            for (State column : columns) {
                List<CardSummary> page = queries.firstPage(w.id(), column.id(), PAGE);
                while (!page.isEmpty()) {
                    for (CardSummary c : page) {
                        rows.row(c.id(), c.state(), c.title());
                    }
                    if (out.checkError()) {
                        return 1; // whoever read the output has gone (a closed pipe): no use reading further
                    }
                    page = page.size() < PAGE ? List.of() : queries.pageAfter(page.get(page.size() - 1), PAGE);
                }
            }
        } catch (IOException e) {
            err.println("The list could not be written: " + e.getMessage());
            return 1;
        }
        return 0;
    }
}
