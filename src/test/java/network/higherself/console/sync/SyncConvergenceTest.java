package network.higherself.console.sync;

import network.higherself.console.app.Services;
import network.higherself.console.card.Card;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.move.Change;
import network.higherself.console.move.FieldValues;
import network.higherself.console.move.MoveCheck;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.StaffMember;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's proof that desktops converge: the same card moved on two desktops at once, a hundred times; a
 * permission request asked on one desktop and approved on the other; timed events with two desktops running agents.
 */
class SyncConvergenceTest extends OnTwoDesktops {

    private static final Actor AMARA = TwoDesktops.AMARA;
    private static final Actor JONAS = TwoDesktops.JONAS;
    private static final Actor PRIYA = Actor.staff("priya", Role.CONSULTANT);


    @Test
    void bothMoveTheSameCardAtOnceAHundredTimesAndEachTimeExactlyOneWinsEverywhere() throws Exception {
        int rounds = 0;
        int appliedAgain = 0;
        int stillIllegal = 0;
        int conflictsSeen = 0;
        int unmatched = 0;
        int editsAppliedAgain = 0;
        int editsWon = 0;
        List<Card> all = allCards(a);
        List<Card> fivePasses = java.util.stream.IntStream.range(0, 5).boxed().flatMap(i -> all.stream()).toList();
        for (Card listed : fivePasses) { // a card may take part again, from where the last round left it
            if (rounds == 100) {
                break;
            }
            Card onA = a.database().sessionFactory().fromSession(x -> x.find(Card.class, listed.getId()));
            Optional<String> eventA = openEvent(a, onA.getId(), AMARA, true);
            long idOnB = localId(b, onA.getUid());
            Optional<String> eventB = openEvent(b, idOnB, JONAS, false);
            if (eventA.isEmpty() || eventB.isEmpty()) {
                continue;
            }
            long versionOnB = version(b, idOnB);
            // every fifth round B retitles its copy instead: a lost change that is still legal from the winner's state
            boolean bEdits = rounds % 5 == 4;
            Outcome movedA = a.cards().apply(AMARA, new Change.Move(onA.getId(), eventA.get(), null, onA.getVersion(), null, "A"));
            Outcome movedB = b.cards().apply(JONAS, bEdits
                    ? new Change.Edit(idOnB, versionOnB, FieldValues.NONE.with(Card.TITLE, "Retitled on B " + rounds))
                    : new Change.Move(idOnB, eventB.get(), null, versionOnB, null, "B"));
            if (!movedA.isDone() || !movedB.isDone()) {
                // the check said open but the move needs fields this test does not fill: settle, and take another card
                unmatched += movedA.isDone() || (movedB.isDone() && !bEdits) ? 1 : 0;
                a.sync().now(desks.serverA);
                b.sync().now(desks.serverB);
                a.sync().now(desks.serverA);
                continue;
            }
            boolean aFirst = rounds % 2 == 0;
            editsWon += bEdits && !aFirst ? 1 : 0;
            Services first = aFirst ? a : b;
            Services second = aFirst ? b : a;
            SyncServer firstServer = aFirst ? desks.serverA : desks.serverB;
            SyncServer secondServer = aFirst ? desks.serverB : desks.serverA;
            Sync.Report won = first.sync().now(firstServer);
            Sync.Report lost = second.sync().now(secondServer);
            first.sync().now(firstServer);
            assertThat(won.conflicts()).as("round %d: the first to push wins", rounds).isZero();
            assertThat(lost.conflicts()).as("round %d: the second is a conflict", rounds).isEqualTo(1);
            assertThat(card(a, onA.getUid())).as("round %d: the same card on both", rounds).isEqualTo(card(b, onA.getUid()));
            assertThat(card(a, onA.getUid())).contains(" v" + (onA.getVersion() + 1));
            List<Sync.Conflict> open = second.sync().openConflicts(aFirst ? "jonas" : "amara");
            assertThat(open).as("round %d: the loser sees it", rounds).hasSize(1);
            conflictsSeen++;

            Actor loser = aFirst ? JONAS : AMARA;
            String lostEvent = aFirst ? eventB.get() : eventA.get();
            long loserCard = aFirst ? idOnB : onA.getId();
            boolean legal = (aFirst && bEdits) || second.cards().check(loserCard, loser).stream()
                    .anyMatch(m -> m.isOpen() && m.transition().event().equals(lostEvent));
            Outcome again = second.sync().applyAgain(open.get(0).id(), loser);
            assertThat(again.isDone()).as("round %d: applied again exactly when legal from the new state (%s)", rounds,
                    again.message()).isEqualTo(legal);
            if (again.isDone()) {
                appliedAgain++;
                editsAppliedAgain += aFirst && bEdits ? 1 : 0;
                assertThat(second.sync().openConflicts(null)).isEmpty();
                assertThat(second.sync().now(secondServer).conflicts()).isZero();
                first.sync().now(firstServer);
                assertThat(card(a, onA.getUid())).isEqualTo(card(b, onA.getUid())).contains(" v" + (onA.getVersion() + 2));
            } else {
                stillIllegal++;
                assertThat(second.sync().letGo(open.get(0).id(), loser).isDone()).isTrue();
            }
            rounds++;
        }
        assertThat(rounds).as("a hundred cards both could move").isEqualTo(100);
        assertThat(conflictsSeen).isEqualTo(100);
        assertThat(appliedAgain).as("the lost retitles at least").isGreaterThanOrEqualTo(10);
        System.out.println("100 rounds: " + appliedAgain + " lost changes applied again, " + stillIllegal + " let go (not legal from the new state)");
        a.sync().now(desks.serverA);
        b.sync().now(desks.serverB);
        assertThat(cards(b)).isEqualTo(cards(a));
        assertThat(serverCount(desks.url, "kind = 'MOVE' AND body::jsonb->'change'->>'note' IN ('A', 'B')"))
                .as("each round's winner, and each lost move applied again, once").isEqualTo(100 - editsWon + appliedAgain - editsAppliedAgain + unmatched);
    }

    @Test
    void aPermissionRequestMadeOnAIsApprovedOnBAndTheRightIsInForceOnA() throws Exception {
        String board = a.workflows().all().stream().map(w -> w.id())
                .filter(w -> !a.cards().rightsOf(PRIYA).on(w).view()).findFirst().orElseThrow();
        long priyaId = a.database().sessionFactory().fromSession(s -> s.createSelectionQuery(
                "select m.id from StaffMember m where m.username = 'priya'", Long.class).getSingleResult());
        Outcome made = a.cards().create(PermissionRequest.WORKFLOW, "Access for priya", PRIYA, (c, refs) -> {
            PermissionRequest.STAFF_MEMBER.set((PermissionRequest) c, refs.get(StaffMember.class, priyaId));
            PermissionRequest.REQUESTED_SCOPES.set((PermissionRequest) c, "view " + board);
            PermissionRequest.JUSTIFICATION.set((PermissionRequest) c, "To help with its cards.");
        });
        assertThat(made.isDone()).as(made.message()).isTrue();
        long onA = ((Outcome.Done) made).cardId();
        done(a, MoveRequest.byEvent(onA, "request_logged", PRIYA));
        a.sync().now(desks.serverA);
        Sync.Report taken = b.sync().now(desks.serverB);
        assertThat(taken.copied()).as("made on B through the pipeline, not copied").isZero();

        UUID uid = a.database().sessionFactory().fromSession(s -> s.find(Card.class, onA).getUid());
        long onB = localId(b, uid);
        done(b, MoveRequest.byEvent(onB, "manager_approved", JONAS));
        done(b, MoveRequest.byEvent(onB, "security_cleared", AMARA));
        done(b, MoveRequest.byEvent(onB, "permissions_configured", JONAS));
        done(b, MoveRequest.byEvent(onB, "notification_sent", JONAS));
        done(b, MoveRequest.byEvent(onB, "training_completed", JONAS));
        PermissionRequest r = b.database().sessionFactory().fromSession(s -> s.find(PermissionRequest.class, onB));
        assertThat(r.getState() + " " + r.grantText()).isEqualTo("active view " + board);
        assertThat(b.cards().rightsOf(PRIYA).on(board).view()).as("in force on B").isTrue();
        assertThat(a.cards().rightsOf(PRIYA).on(board).view()).as("not yet on A").isFalse();

        b.sync().now(desks.serverB);
        Sync.Report onAReport = a.sync().now(desks.serverA);
        assertThat(onAReport.applied()).isEqualTo(5);
        assertThat(a.cards().rightsOf(PRIYA).on(board).view()).as("in force on A").isTrue();
        assertThat(card(a, uid)).isEqualTo(card(b, uid));
    }

    @Test
    void withTwoDesktopsRunningAgentsEveryTimedEventFiresOnce() throws Exception {
        java.time.Instant later = a.clock().instant().plus(java.time.Duration.ofDays(400));
        int dueOnA = a.agents().timedEvents().due(later).size();
        assertThat(dueOnA).as("the demo has timed events due a year on").isPositive();
        assertThat(b.agents().timedEvents().due(later)).hasSize(dueOnA);
        int fired = 0;
        int runsOnB = 0;
        for (int round = 0; round < 3; round++) {
            // each desktop runs its agents only while it holds the server's agents' lock, as the window does
            for (Services s : List.of(a, b)) {
                SyncServer lockHolder = s == a ? desks.serverA : desks.serverB;
                if (lockHolder.tryAgentsLock()) {
                    fired += s.agents().runner().run(later).of(network.higherself.console.agent.AgentRun.Kind.FIRED).size();
                    runsOnB += s == b ? 1 : 0;
                }
            }
            a.sync().now(desks.serverA);
            b.sync().now(desks.serverB);
            a.sync().now(desks.serverA);
        }
        assertThat(runsOnB).as("B never held the lock while A had it").isZero();
        assertThat(fired).isPositive();
        assertThat(a.sync().openConflicts(null)).isEmpty();
        assertThat(b.sync().openConflicts(null)).isEmpty();
        // every timed move is on the server once: no card moved twice by the same agent's event
        try (Connection c = server.superuser(databaseOf(desks.url));
             PreparedStatement ps = c.prepareStatement("SELECT body::jsonb->>'card_uid', body::jsonb->>'event', "
                     + "COUNT(*) FROM hsc.event WHERE kind = 'MOVE' AND body::jsonb->>'actor' LIKE 'agent:%' GROUP BY 1, 2 "
                     + "HAVING COUNT(*) > 1");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).as("a timed move twice on the server").isFalse();
        }
        long agentMoves = serverCount(desks.url, "kind = 'MOVE' AND body::jsonb->>'actor' LIKE 'agent:%'");
        assertThat(agentMoves).as("the agents' moves on the server are the lock holder's, once each")
                .isEqualTo(sentAgentMoves(a)).isGreaterThanOrEqualTo(fired);
        assertThat(sentAgentMoves(b)).isZero();
        assertThat(b.agents().timedEvents().due(later)).hasSameSizeAs(a.agents().timedEvents().due(later));
        assertThat(cards(b)).isEqualTo(cards(a));
    }

    // ------------------------------------------------------------------ helpers

    private static void done(Services s, MoveRequest move) {
        Outcome o = s.cards().move(move);
        assertThat(o.isDone()).as(move.event() + ": " + o.message()).isTrue();
    }

    /** An open event of the card for the actor: the first one, or the last one. */
    private static Optional<String> openEvent(Services s, long cardId, Actor actor, boolean first) {
        List<String> open = s.cards().check(cardId, actor).stream().filter(MoveCheck::isOpen)
                .map(m -> m.transition().event()).toList();
        return open.isEmpty() ? Optional.empty() : Optional.of(open.get(first ? 0 : open.size() - 1));
    }

    private static List<Card> allCards(Services s) {
        return s.database().sessionFactory().fromSession(x -> x.createSelectionQuery(
                "from Card c order by c.id", Card.class).getResultList());
    }

    private static long version(Services s, long id) {
        return s.database().sessionFactory().fromSession(x -> x.find(Card.class, id).getVersion());
    }

    private static long localId(Services s, UUID uid) {
        return s.database().sessionFactory().fromSession(x -> x.createSelectionQuery(
                "select c.id from Card c where c.uid = :u", Long.class).setParameter("u", uid).getSingleResult());
    }

    private static String card(Services s, UUID uid) throws SQLException {
        return cards(s).get(uid.toString());
    }

    /** Every card by uid: board, column, version and title. */
    static Map<String, String> cards(Services s) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = s.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT uid, workflow_id, state, version, title FROM card");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3) + " v" + rs.getLong(4) + " " + rs.getString(5));
            }
        }
        return out;
    }

    /** The agents' moves this desktop made and sent. */
    private static long sentAgentMoves(Services s) throws SQLException {
        try (Connection c = s.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox_event WHERE kind = 'MOVE' "
                     + "AND actor LIKE 'agent:%' AND status = 'SENT'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String databaseOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** How many of the server's events meet {@code condition} (read as the server's superuser). */
    private static long serverCount(String url, String condition) throws SQLException {
        try (Connection c = server.superuser(databaseOf(url));
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM hsc.event WHERE " + condition)) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
