package network.higherself.console.app;

import network.higherself.console.agent.Agents;
import network.higherself.console.move.CardService;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.Database;
import network.higherself.console.workflow.DefinitionProblem;
import network.higherself.console.workflow.InvalidWorkflowException;
import network.higherself.console.workflow.WorkflowCatalog;

import java.time.Clock;
import java.util.List;

/**
 * Everything the console runs on, wired with plain constructors in this one place: the workflows, the
 * database, the enforcement point (with the agents' hooks), the queries and the agents. The window and the
 * command line both start from here.
 */
public record Services(WorkflowCatalog workflows, Database database, CardService cards, CardQueries queries,
                       Clock clock, Agents agents) implements AutoCloseable {

    /**
     * Opens the data folder: its workflow definitions (bundled, or replaced there) and its database, and wires
     * the agents (whose timed events, checklists and message patterns are checked against the definitions).
     */
    public static Services open(DataFolder folder, Clock clock) {
        WorkflowCatalog workflows = WorkflowCatalog.load(folder.workflowsDir());
        Database database = Database.open(folder, clock);
        try {
            CardQueries queries = new CardQueries(database.dataSource());
            requireStatesForCards(workflows, queries);
            Agents agents = Agents.wire(database.sessionFactory(), workflows, clock);
            return new Services(workflows, database, agents.cards(), queries, clock, agents);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Refuses definitions that removed a state in which cards sit (they could be neither shown nor moved).
     *
     * @throws InvalidWorkflowException naming the file, the state and how many cards are in it
     */
    static void requireStatesForCards(WorkflowCatalog workflows, CardQueries queries) {
        List<DefinitionProblem> problems = workflows.statesMissingForCards(queries.countsByWorkflowAndState());
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException(problems);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
