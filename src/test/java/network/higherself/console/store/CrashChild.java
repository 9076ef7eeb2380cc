package network.higherself.console.store;

import network.higherself.console.move.CardService;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.workflow.WorkflowCatalog;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The child JVM of {@link CrashRecoveryTest}: moves interface releases round and round their workflow until it is
 * killed, and says on stdout what it saw and every change it got acknowledged. Arguments: the data folder and the
 * run number (which goes into each move's note, so that a move lost and then redone in a later run is noticed).
 *
 * <p>Lines on stdout, each flushed at once (logging goes to stderr):
 * <ul>
 *   <li>{@code SEEN <cardId> <version> <state>} — each card as found when the database was opened;</li>
 *   <li>{@code ACK <cardId> <version> <state>} — a creation (version 0) or a move, after its commit returned;</li>
 *   <li>{@code ERR <text>} — something unexpected (a refused move); the child then exits with status 2.</li>
 * </ul>
 */
public final class CrashChild {

    static final String WORKFLOW = "WF-SFTR-PUB";
    static final int CARDS = 5;

    /**
     * The event that moves a card on from each state: first along the way in (draft to testing), then round the
     * guard-free cycle testing → staging → published → maintenance → testing for ever.
     */
    static final Map<String, String> NEXT_EVENT = Map.of(
            "draft", "design_complete",
            "internal_review", "internal_approval",
            "client_feedback", "client_approval",
            "testing", "tests_passed",
            "staging", "final_approval",
            "published", "updates_needed",
            "maintenance", "updates_completed");

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        PrintStream out = System.out;
        Actor lucia = Actor.staff("malik", Role.MARKETING); // interface publishing is marketing's board
        Database db = Database.open(new DataFolder(dir), Clock.systemDefaultZone()); // never closed: this process ends by SIGKILL
        CardService service = new CardService(db.sessionFactory(), WorkflowCatalog.bundled(), Clock.systemUTC());

        List<Long> ids = new ArrayList<>();
        Map<Long, String> states = new HashMap<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, version, state FROM card WHERE workflow_id = ? ORDER BY id")) {
            ps.setString(1, WORKFLOW);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    states.put(rs.getLong(1), rs.getString(3));
                    say(out, "SEEN " + rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getString(3));
                }
            }
        } catch (SQLException e) {
            say(out, "ERR cannot read the cards: " + e);
            System.exit(2);
        }

        // first run (or a run after a kill during the first run's creations): make up the cards
        while (ids.size() < CARDS) {
            Outcome o = service.create(WORKFLOW, "Release " + (ids.size() + 1), lucia, null);
            if (!(o instanceof Outcome.Done done)) {
                say(out, "ERR create refused: " + o.message());
                System.exit(2);
                return;
            }
            say(out, "ACK " + done.cardId() + " " + done.version() + " " + done.state());
            ids.add(done.cardId());
            states.put(done.cardId(), done.state());
        }

        Random random = new Random();
        for (long n = 1; ; n++) {
            long id = ids.get(random.nextInt(ids.size()));
            String event = NEXT_EVENT.get(states.get(id));
            if (event == null) {
                say(out, "ERR card " + id + " is in " + states.get(id) + ", which has no way on");
                System.exit(2);
            }
            Outcome o = service.move(MoveRequest.byEvent(id, event, lucia).withNote("run " + run + " move " + n));
            if (!(o instanceof Outcome.Done done)) {
                say(out, "ERR move " + event + " of card " + id + " refused: " + o.message());
                System.exit(2);
                return;
            }
            say(out, "ACK " + done.cardId() + " " + done.version() + " " + done.state());
            states.put(id, done.state());
        }
    }

    private static void say(PrintStream out, String line) {
        out.print(line + "\n"); // one write of a short line: a pipe takes it whole, so a kill never tears it
        out.flush();
    }
}
