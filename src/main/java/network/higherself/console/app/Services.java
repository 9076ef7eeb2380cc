package network.higherself.console.app;

import network.higherself.console.move.CardService;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.Database;
import network.higherself.console.workflow.WorkflowCatalog;

import java.time.Clock;

/**
 * Everything the console runs on, wired with plain constructors in this one place: the workflows, the
 * database, the enforcement point and the queries. The window and the command line both start from here.
 */
public record Services(WorkflowCatalog workflows, Database database, CardService cards, CardQueries queries,
                       Clock clock) implements AutoCloseable {

    /** Opens the data folder: its workflow definitions (bundled, or replaced there) and its database. */
    public static Services open(DataFolder folder, Clock clock) {
        WorkflowCatalog workflows = WorkflowCatalog.load(folder.workflowsDir());
        Database database = Database.open(folder, clock);
        return new Services(workflows, database, new CardService(database.sessionFactory(), workflows, clock),
                new CardQueries(database.dataSource()), clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
