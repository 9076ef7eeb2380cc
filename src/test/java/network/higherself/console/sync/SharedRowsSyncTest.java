package network.higherself.console.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import network.higherself.console.agent.TaskItem;
import network.higherself.console.app.Services;
import network.higherself.console.audit.AuditVerifier;
import network.higherself.console.audit.TrailReplay;
import network.higherself.console.card.Card;
import network.higherself.console.demo.DemoData;
import network.higherself.console.signin.SignInService;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.SignIn;
import network.higherself.console.staff.WorkflowRights;
import network.higherself.console.store.DataFolder;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static network.higherself.console.sync.TwoDesktops.AMARA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the desktops share besides cards: staff accounts (passwords and locks), what a role may do, column limits and
 * checklist ticks. A manager signs in on any desktop with the same account, and a right set on one is in force on
 * the other; each desktop's audit trail still replays to its tables.
 */
class SharedRowsSyncTest extends OnTwoDesktops {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] NEW_PASSWORD = "Bergamot-window-2026".toCharArray();

    private static SignIn signIn(Services s, String user, char[] password) {
        return new SignInService(s.database().sessionFactory(), Clock.systemUTC()).signIn(user, password.clone());
    }

    private void syncBoth() {
        a.sync().now(desks.serverA);
        b.sync().now(desks.serverB);
        a.sync().now(desks.serverA);
    }

    @Test
    void aPasswordSetOnAOpensBAndALockOnAHoldsOnB() throws Exception {
        SignInService onA = new SignInService(a.database().sessionFactory(), Clock.systemUTC());
        assertThat(onA.setPassword(AMARA, "priya", NEW_PASSWORD.clone())).isEmpty();
        syncBoth();
        assertThat(signIn(b, "priya", NEW_PASSWORD)).isInstanceOf(SignIn.SignedIn.class);
        assertThat(signIn(b, "priya", DemoData.DEMO_PASSWORD.toCharArray())).isInstanceOf(SignIn.Refused.class);

        for (int i = 0; i < 5; i++) {
            assertThat(signIn(a, "theo", "not-his-password".toCharArray())).isInstanceOf(SignIn.Refused.class);
        }
        syncBoth();
        SignIn onB = signIn(b, "theo", DemoData.DEMO_PASSWORD.toCharArray());
        assertThat(onB).isInstanceOf(SignIn.Refused.class);
        assertThat(((SignIn.Refused) onB).message()).contains("locked");
        assertTrailsHoldTogether(a);
        assertTrailsHoldTogether(b);
    }

    @Test
    void aRoleRightAndAColumnLimitSetOnAAreInForceOnB() throws Exception {
        assertThat(a.roleRights().set(AMARA, Role.FRONT_DESK, "WF-CONSULT",
                WorkflowRights.stored(true, false, false, "")).isDone()).isTrue();
        assertThat(a.limits().set("WF-WELL-BOOK", "canceled", 3, true, AMARA).isDone()).isTrue();
        syncBoth();
        assertThat(b.roleRights().rightsOf(Role.FRONT_DESK).on("WF-CONSULT"))
                .isEqualTo(a.roleRights().rightsOf(Role.FRONT_DESK).on("WF-CONSULT"));
        assertThat(b.roleRights().rightsOf(Role.FRONT_DESK).on("WF-CONSULT").view()).isTrue();
        assertThat(limit(b)).isEqualTo("3 true");

        // removed on B: gone on A too
        assertThat(b.limits().set("WF-WELL-BOOK", "canceled", null, false, AMARA).isDone()).isTrue();
        b.sync().now(desks.serverB);
        a.sync().now(desks.serverA);
        assertThat(limit(a)).isEqualTo("none");
        assertTrailsHoldTogether(a);
        assertTrailsHoldTogether(b);
    }

    @Test
    void aTickOnAShowsOnB() throws Exception {
        a.agents().tasks().makeMissing(); // as each desktop's agents do: the demo's bookings got there without one
        b.agents().tasks().makeMissing();
        Card card = a.database().sessionFactory().fromSession(s -> s.createSelectionQuery(
                "from Booking c where c.state = 'preparation' order by c.id", Card.class)
                .setMaxResults(1).getSingleResult());
        List<TaskItem> tasks = a.agents().tasks().tasksOf(card.getId());
        TaskItem first = tasks.stream().filter(t -> !t.done()).findFirst().orElseThrow();
        assertThat(a.agents().tasks().tick(first.id(), true, AMARA).isDone()).isTrue();
        syncBoth();
        long onB = b.database().sessionFactory().fromSession(s -> s.createSelectionQuery(
                "select c.id from Card c where c.uid = :u", Long.class).setParameter("u", card.getUid()).getSingleResult());
        assertThat(b.agents().tasks().tasksOf(onB)).filteredOn(t -> t.title().equals(first.title()))
                .singleElement().satisfies(t -> assertThat(t.done()).isTrue());
        assertTrailsHoldTogether(b);
    }

    @Test
    void aDesktopThatJoinsWithNoPeopleTakesTheAccountsAndAManagerSignsInThere() throws Exception {
        try (Services c = Services.open(new DataFolder(dir.resolve("c")), Clock.systemUTC())) {
            assertThat(signIn(c, "jonas", DemoData.DEMO_PASSWORD.toCharArray())).isInstanceOf(SignIn.Refused.class);
            // the folder's first administrator, made at its first start, with a name the server has
            SignInService here = new SignInService(c.database().sessionFactory(), Clock.systemUTC());
            assertThat(here.createFirstAdministrator("amara", "Amara here", NEW_PASSWORD.clone()))
                    .isInstanceOf(SignIn.SignedIn.class);
            String said = c.sync().connect(TwoDesktops.desk(server, desks.url, "desk_c"), AMARA);
            assertThat(said).contains("staff accounts downloaded").contains("The account amara made here before joining now "
                    + "has its password and role from the server.");
            SignIn jonas = signIn(c, "jonas", DemoData.DEMO_PASSWORD.toCharArray());
            assertThat(jonas).isInstanceOf(SignIn.SignedIn.class);
            assertThat(((SignIn.SignedIn) jonas).actor().hasRole(Role.MANAGER)).isTrue();
            // the server's amara stands on C, and C's own amara never reached the server
            assertThat(signIn(c, "amara", DemoData.DEMO_PASSWORD.toCharArray())).isInstanceOf(SignIn.SignedIn.class);
            try (SyncServer onC = new SyncServer(TwoDesktops.desk(server, desks.url, "desk_c"))) {
                c.sync().now(onC);
            }
            a.sync().now(desks.serverA);
            assertThat(signIn(a, "amara", DemoData.DEMO_PASSWORD.toCharArray())).isInstanceOf(SignIn.SignedIn.class);
            assertTrailsHoldTogether(c);
            assertTrailsHoldTogether(a);
        }
    }

    /**
     * A modified desktop (desk_b's server role, events written by hand) tries to change accounts, role rights and a
     * column limit in the name of people who may not: the server refuses each, says why, and A never sees them.
     */
    @Test
    void aChangeOfASharedRowWrittenByHandIsRefusedUnlessItsMakerHoldsTheRight() throws Exception {
        SyncServer byHand = desks.serverB;
        // theo (front desk) makes himself an administrator, and changes priya's account
        assertRefused(byHand, shared("theo", SharedRows.ACCOUNT, "theo", account("theo", "ADMINISTRATOR", 0)),
                "Only an administrator may change an account's role");
        assertRefused(byHand, shared("theo", SharedRows.ACCOUNT, "priya", account("priya", "CONSULTANT", 5)),
                "Only an administrator may change another person's account");
        // jonas (a manager) changes what a role may do; someone the server does not know does too
        ObjectNode rights = JSON.createObjectNode().put("role", "FRONT_DESK").put("workflow_id", "WF-CONSULT")
                .put("view", true).put("create", true).put("edit", true).put("events", "*");
        assertRefused(byHand, shared("jonas", SharedRows.ROLE_RIGHTS, "FRONT_DESK/WF-CONSULT", rights),
                "Only an administrator can change what a role may do");
        assertRefused(byHand, shared("mallory", SharedRows.ROLE_RIGHTS, "FRONT_DESK/WF-CONSULT", rights),
                "mallory has no account on the server");
        // the console itself, once the server is set up
        assertRefused(byHand, shared("console", SharedRows.ROLE_RIGHTS, "FRONT_DESK/WF-CONSULT", rights),
                "only change a shared row while it sets a new server up");
        // theo may not edit gallery exhibits, so may not limit their columns
        ObjectNode limit = JSON.createObjectNode().put("workflow_id", "WF-GALLERY-EXH").put("state", "concept")
                .put("max_cards", 1).put("hard", true);
        assertRefused(byHand, shared("theo", SharedRows.COLUMN_LIMIT, "WF-GALLERY-EXH/concept", limit),
                "theo may not edit cards on WF-GALLERY-EXH");

        // what the same people may do, they may: their own lock, a limit on their own board, an administrator's rights
        ObjectNode theo;
        try (Connection c = b.database().dataSource().getConnection()) {
            theo = SharedRows.read(c, SharedRows.ACCOUNT, "theo").put("failed_attempts", 1);
        }
        assertThat(byHand.push(List.of(shared("theo", SharedRows.ACCOUNT, "theo", theo))).get(0).inLog()).isTrue();
        ObjectNode bookings = JSON.createObjectNode().put("workflow_id", "WF-WELL-BOOK").put("state", "canceled")
                .put("max_cards", 4).put("hard", false);
        assertThat(byHand.push(List.of(shared("theo", SharedRows.COLUMN_LIMIT, "WF-WELL-BOOK/canceled", bookings)))
                .get(0).inLog()).isTrue();
        assertThat(byHand.push(List.of(shared("amara", SharedRows.ROLE_RIGHTS, "FRONT_DESK/WF-CONSULT", rights)))
                .get(0).inLog()).isTrue();

        a.sync().now(desks.serverA);
        assertThat(new SignInService(a.database().sessionFactory(), Clock.systemUTC()).signIn("theo",
                DemoData.DEMO_PASSWORD.toCharArray())).isInstanceOfSatisfying(SignIn.SignedIn.class,
                in -> assertThat(in.actor().hasRole(Role.FRONT_DESK)).isTrue());
        assertThat(signIn(a, "priya", DemoData.DEMO_PASSWORD.toCharArray())).isInstanceOf(SignIn.SignedIn.class);
        assertThat(limit(a)).isEqualTo("4 false");
        assertThat(a.roleRights().rightsOf(Role.FRONT_DESK).on("WF-CONSULT").edit()).isTrue();
        assertTrailsHoldTogether(a);
    }

    /**
     * A change this desktop allowed and the server refuses (here by someone the server has no account for): the row
     * here goes back to the server's, and the person who made it sees the refusal among their conflicts.
     */
    @Test
    void aChangeTheServerRefusesIsTakenBackHereAndShownToItsPerson() throws Exception {
        Actor zed = Actor.staff("zed", Role.ADMINISTRATOR); // an administrator of B's only, unknown to the server
        assertThat(b.limits().set("WF-WELL-BOOK", "canceled", 2, true, zed).isDone()).isTrue();
        assertThat(limit(b)).isEqualTo("2 true");
        Sync.Report report = b.sync().now(desks.serverB);
        assertThat(report.refused()).isEqualTo(1);
        assertThat(limit(b)).isEqualTo("none");
        assertThat(b.sync().openConflicts("zed")).singleElement()
                .satisfies(c -> assertThat(c.instead()).contains("zed has no account on the server"));
        a.sync().now(desks.serverA);
        assertThat(limit(a)).isEqualTo("none");
        assertTrailsHoldTogether(b);
    }

    private static void assertRefused(SyncServer server, ObjectNode event, String why) {
        PushAnswer answer = server.push(List.of(event)).get(0);
        assertThat(answer.status()).as(event.toString()).isEqualTo(PushAnswer.Status.REFUSED);
        assertThat(answer.reason()).contains(why);
        // retried, the same answer
        assertThat(server.push(List.of(event)).get(0).reason()).isEqualTo(answer.reason());
    }

    private static ObjectNode shared(String actor, String kind, String key, ObjectNode data) {
        ObjectNode e = JSON.createObjectNode();
        e.put("event_id", UUID.randomUUID().toString());
        e.put("kind", Outbox.SHARED);
        e.put("actor", actor);
        e.putObject("shared").put("kind", kind).put("key", key).set("data", data);
        return e;
    }

    private static ObjectNode account(String username, String role, int failed) {
        return JSON.createObjectNode().put("username", username).put("display_name", username).put("role", role)
                .put("email", username + "@higherself.network").put("failed_attempts", failed).putNull("locked_until");
    }

    private static String limit(Services s) throws SQLException {
        try (Connection c = s.database().dataSource().getConnection();
             var rs = c.createStatement().executeQuery(
                     "SELECT max_cards, hard FROM column_limit WHERE workflow_id = 'WF-WELL-BOOK' AND state = 'canceled'")) {
            return rs.next() ? rs.getInt(1) + " " + rs.getBoolean(2) : "none";
        }
    }

    private static void assertTrailsHoldTogether(Services s) throws SQLException {
        try (Connection c = s.database().dataSource().getConnection()) {
            assertThat(new AuditVerifier().verify(c).problem()).isEmpty();
            assertThat(new TrailReplay(s.workflows()).compare(c).differences()).isEmpty();
        }
    }
}
