package network.higherself.console.app;

import network.higherself.console.sync.Sync;

import network.higherself.console.agent.AgentHooks;
import network.higherself.console.agent.AgentRunner;
import network.higherself.console.agent.Agents;
import network.higherself.console.agent.Checklist;
import network.higherself.console.agent.MessageGate;
import network.higherself.console.agent.MessageRules;
import network.higherself.console.agent.PatternRegistry;
import network.higherself.console.agent.TaskService;
import network.higherself.console.agent.TimedEvents;
import network.higherself.console.cardform.CardFormStore;
import network.higherself.console.cardform.CardForms;
import network.higherself.console.csv.AuditExport;
import network.higherself.console.csv.CardExport;
import network.higherself.console.csv.CardImport;
import network.higherself.console.csv.Transfers;
import network.higherself.console.demo.DemoData;
import network.higherself.console.demo.SteppingClock;
import network.higherself.console.move.AccessControl;
import network.higherself.console.move.CardService;
import network.higherself.console.move.ColumnLimits;
import network.higherself.console.move.RoleRightsAdmin;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.Database;
import network.higherself.console.workflow.DefinitionProblem;
import network.higherself.console.workflow.InvalidWorkflowException;
import network.higherself.console.workflow.WorkflowCatalog;
import org.hibernate.SessionFactory;

import java.time.Clock;
import java.util.List;

/**
 * Everything the console runs on, wired with plain constructors in this one place: the workflows, the
 * database, the change pipeline (with the agents' hooks), column limits and role rights (written through the
 * pipeline's transactions), the queries, the agents and the card dialog's reads and writes. The window and the
 * command line both start from here.
 */
public record Services(WorkflowCatalog workflows, Database database, CardService cards, ColumnLimits limits,
                       RoleRightsAdmin roleRights, CardQueries queries, Clock clock, Agents agents,
                       CardForms cardForms, Sync sync) implements AutoCloseable {

    /**
     * Opens the data folder: its workflow definitions (bundled, or replaced there) and its database, and wires
     * everything over them.
     */
    public static Services open(DataFolder folder, Clock clock) {
        return open(folder, clock, network.higherself.console.store.Passphrases.NONE, false);
    }

    /**
     * Opens the data folder, an encrypted one with the passphrase from {@code passphrases}; with {@code encryptNew},
     * a folder without a database is created encrypted.
     */
    public static Services open(DataFolder folder, Clock clock, network.higherself.console.store.Passphrases passphrases,
                                boolean encryptNew) {
        WorkflowCatalog workflows = WorkflowCatalog.load(folder.workflowsDir());
        Database database = Database.open(folder, clock, passphrases, encryptNew);
        try {
            CardQueries queries = new CardQueries(database.dataSource());
            requireStatesForCards(workflows, queries);
            return wire(database, workflows, clock, PatternRegistry.bundled(), queries);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Wires the services over an open database. The agents' timed events, checklists and message patterns are
     * checked against the definitions first.
     *
     * @throws network.higherself.console.workflow.InvalidWorkflowException naming everything the definitions lack
     */
    public static Services wire(Database database, WorkflowCatalog workflows, Clock clock, PatternRegistry patterns) {
        return wire(database, workflows, clock, patterns, new CardQueries(database.dataSource()));
    }

    private static Services wire(Database database, WorkflowCatalog workflows, Clock clock, PatternRegistry patterns,
                                 CardQueries queries) {
        Agents.check(workflows, Checklist.STANDARD, patterns);
        SessionFactory sessions = database.sessionFactory();
        AccessControl access = new AccessControl(workflows);
        TaskService tasks = new TaskService(sessions, workflows, access, clock, Checklist.STANDARD);
        MessageRules rules = new MessageRules(workflows, patterns);
        AgentHooks hooks = new AgentHooks(tasks, rules);
        CardService cards = new CardService(sessions, workflows, clock, access, hooks);
        MessageGate gate = new MessageGate(sessions, workflows, cards, rules, clock);
        TimedEvents timed = new TimedEvents(sessions, workflows, clock);
        AgentRunner runner = new AgentRunner(timed, tasks, cards, gate, clock);
        return new Services(workflows, database, cards, new ColumnLimits(cards), new RoleRightsAdmin(cards), queries, clock,
                new Agents(tasks, gate, timed, runner, hooks, clock), new CardFormStore(sessions, cards, workflows),
                new Sync(database.dataSource(), sessions, cards, tasks, workflows, clock,
                        network.higherself.console.sync.PasswordSeal.forThisUser()));
    }

    /**
     * The demo data's writer: the same change pipeline, without the agents' hooks, on a clock the demo sets back
     * to make each card's history.
     */
    public DemoData demoData() {
        SteppingClock steps = new SteppingClock(clock.instant(), clock.getZone());
        return new DemoData(database, workflows, clock, new CardService(database.sessionFactory(), workflows, steps), steps);
    }

    /** Data out and in as CSV, through the change pipeline ({@link CardService#applyAll} for an import). */
    public Transfers transfers() {
        return new Transfers(new CardExport(database.sessionFactory(), cards, workflows), new CardImport(cards, workflows),
                new AuditExport(database.dataSource(), workflows, clock));
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
