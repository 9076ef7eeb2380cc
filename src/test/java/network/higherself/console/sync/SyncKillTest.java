package network.higherself.console.sync;

import network.higherself.console.app.Services;
import network.higherself.console.card.Card;
import network.higherself.console.move.Change;
import network.higherself.console.move.FieldValues;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: the server crashes in the middle of pushes, and a desktop dies between the server's commit and its own
 * bookkeeping; afterwards every event is on the server exactly once and both desktops hold every card alike.
 */
class SyncKillTest extends OnTwoDesktops {

    private static final Actor AMARA = TwoDesktops.AMARA;
    private static final Actor JONAS = TwoDesktops.JONAS;


    @Test
    void theServerStoppedImmediatelyInTheMiddleOfPushesTenTimesLosesNothingAndDoublesNothing() throws Exception {
        Random random = new Random(12);
        List<Card> gallery = retitlable(a);
        assertThat(gallery).hasSizeGreaterThanOrEqualTo(40);
        List<Card> onA = gallery.subList(0, 20);
        List<Card> onB = retitlable(b).subList(20, 40);
        AtomicInteger failed = new AtomicInteger();
        for (int round = 0; round < 10; round++) {
            retitle(a, AMARA, onA, "A" + round);
            retitle(b, JONAS, onB, "B" + round);
            Thread pushA = pusher(a, desks.serverA, failed);
            Thread pushB = pusher(b, desks.serverB, failed);
            pushA.start();
            pushB.start();
            Thread.sleep(random.nextInt(120));
            server.stopImmediately();
            pushA.join();
            pushB.join();
            server.restart();
        }
        System.out.println("server stopped 10 times; " + failed + " syncs failed on the way");
        settle();
        assertEveryEventOnTheServerOnceAndTheDesktopsAlike();
        assertThat(title(a, onA.get(0))).endsWith("A9");
        assertThat(title(a, onB.get(0))).endsWith("B9");
    }

    @Test
    void aDesktopKilledBetweenTheServersCommitAndItsBookkeepingTenTimesSendsEachEventOnce() throws Exception {
        List<Card> onA = retitlable(a).subList(0, 20);
        for (int round = 0; round < 10; round++) {
            if (round % 3 == 0) {
                b.sync().now(desks.serverB); // B is up to date, then changes a card A is changing too
            }
            retitle(a, AMARA, onA, "A" + round);
            if (round % 3 == 0) {
                // B changes one of the same cards first: A's retried push meets a conflict twice, and says so once
                java.util.UUID uid = onA.get(round % 20).getUid();
                Card same = retitlable(b).stream().filter(c -> c.getUid().equals(uid)).findFirst().orElseThrow();
                retitle(b, JONAS, List.of(same), "B" + round);
                b.sync().now(desks.serverB);
            }
            Bookkeeping before = Bookkeeping.of(a);
            a.sync().now(desks.serverA);
            before.restore(a); // the desktop died after the server's commit: none of its own writes since were kept
            Sync.Report retried = a.sync().now(desks.serverA);
            assertThat(retried.pushed() + retried.conflicts()).as("round %d: the outbox sent again", round)
                    .isEqualTo(before.pending.size());
            assertThat(a.sync().status().pending()).isZero();
        }
        assertThat(a.sync().openConflicts("amara")).as("one conflict for each lost retitle, not one per try").hasSize(4);
        settle();
        assertEveryEventOnTheServerOnceAndTheDesktopsAlike();
    }

    @Test
    void aChangeThatLostWithLaterChangesOfTheSameCardWaitingEndsAlikeOnBothDesktops() throws Exception {
        Card card = retitlable(a).get(0);
        retitle(a, AMARA, List.of(card), "A1");
        retitle(a, AMARA, List.of(card), "A2"); // made on top of A1: it loses with A1 (its version number matches B1's)
        Card same = retitlable(b).stream().filter(c -> c.getUid().equals(card.getUid())).findFirst().orElseThrow();
        retitle(b, JONAS, List.of(same), "B1");
        b.sync().now(desks.serverB);
        retitle(a, AMARA, List.of(retitlable(a).get(1)), "A3"); // and another card, which nobody else changed
        Sync.Report pushed = a.sync().now(desks.serverA);
        b.sync().now(desks.serverB);
        assertThat(pushed.conflicts()).as("A1 lost to B1, and A2 with it").isEqualTo(2);
        assertThat(a.sync().openConflicts("amara")).hasSize(2);
        assertThat(title(b, card)).endsWith("B1");
        assertThat(title(a, card)).endsWith("B1");
        assertThat(pushed.pushed()).isEqualTo(1);
        assertThat(SyncConvergenceTest.cards(a)).isEqualTo(SyncConvergenceTest.cards(b));
        assertEveryEventOnTheServerOnceAndTheDesktopsAlike();
    }

    /** What a desktop writes after a push: its outbox marks, the conflicts it found, how far it read the log. */
    private record Bookkeeping(List<Long> pending, long lastConflict, long lastSeq, String lastHash) {
        static Bookkeeping of(Services s) throws SQLException {
            try (Connection c = s.database().dataSource().getConnection()) {
                List<Long> pending = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM outbox_event WHERE status = 'PENDING'");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pending.add(rs.getLong(1));
                    }
                }
                long lastConflict;
                try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM sync_conflict");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    lastConflict = rs.getLong(1);
                }
                Sync.Settings settings = s.sync().settings().orElseThrow();
                return new Bookkeeping(pending, lastConflict, settings.lastSeq(), settings.lastHash());
            }
        }

        void restore(Services s) throws SQLException {
            try (Connection c = s.database().dataSource().getConnection()) {
                for (long seq : pending) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE outbox_event SET status = 'PENDING', server_seq = NULL WHERE seq = ?")) {
                        ps.setLong(1, seq);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_conflict WHERE id > ?")) {
                    ps.setLong(1, lastConflict);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE sync_settings SET last_seq = ?, last_hash = ?")) {
                    ps.setLong(1, lastSeq);
                    ps.setString(2, lastHash);
                    ps.executeUpdate();
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private Thread pusher(Services s, SyncServer to, AtomicInteger failed) {
        return new Thread(() -> {
            try {
                s.sync().now(to);
            } catch (SyncException e) { // the server went away: the outbox keeps what was not sent
                failed.incrementAndGet();
            }
        });
    }

    /** Syncs both until the server answers and nothing is left to send. */
    private void settle() throws InterruptedException {
        for (int tries = 0; tries < 30; tries++) {
            try {
                a.sync().now(desks.serverA);
                b.sync().now(desks.serverB);
                a.sync().now(desks.serverA);
                return;
            } catch (SyncException e) {
                Thread.sleep(500); // the server is still starting
            }
        }
        throw new AssertionError("the server did not come back");
    }

    private static void retitle(Services s, Actor actor, List<Card> some, String suffix) {
        for (Card c : some) {
            Card now = s.database().sessionFactory().fromSession(x -> x.find(Card.class, c.getId()));
            Outcome o = s.cards().apply(actor, new Change.Edit(now.getId(), now.getVersion(),
                    FieldValues.NONE.with(Card.TITLE, now.getTitle().replaceAll(" [AB]\\d+$", "") + " " + suffix)));
            assertThat(o.isDone()).as(o.message()).isTrue();
        }
    }

    private static String title(Services s, Card c) {
        return s.database().sessionFactory().fromSession(x -> x.createSelectionQuery(
                "select c.title from Card c where c.uid = :u", String.class).setParameter("u", c.getUid()).getSingleResult());
    }
}
