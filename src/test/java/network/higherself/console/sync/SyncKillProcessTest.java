package network.higherself.console.sync;

import network.higherself.console.app.Services;
import network.higherself.console.card.Card;
import network.higherself.console.move.CardService;
import network.higherself.console.move.Change;
import network.higherself.console.move.FieldValues;
import network.higherself.console.staff.Actor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: a desktop killed between the server's commit and its own bookkeeping, for real. Desktop A pushes its
 * outbox in a process of its own ({@link PushingDesktop}); the test watches the server's log and kills that process
 * (SIGKILL) as soon as a batch of its events is committed there, before A has marked them sent, or soon after. A
 * round hit that window when A's outbox, opened again, still holds as pending events the server has. After at least
 * ten hits, every event is on the server exactly once and both desktops hold every card alike.
 */
class SyncKillProcessTest extends OnTwoDesktops {

    private static final Actor AMARA = TwoDesktops.AMARA;
    private static final Actor JONAS = TwoDesktops.JONAS;
    private static final int HITS = 10;
    private static final int MOST_ROUNDS = 40;
    /** Pending events kept before each round: a push of several server transactions of 500. */
    private static final int BACKLOG = 1200;

    @Test
    void aDesktopProcessKilledBetweenTheServersCommitAndItsBookkeepingTenTimesSendsEachEventOnce() throws Exception {
        long started = System.nanoTime();
        List<UUID> onA = retitlable(a).stream().map(Card::getUid).toList();
        assertThat(onA).hasSizeGreaterThanOrEqualTo(40);
        int rounds = 0;
        int hits = 0;
        int roundsLosingMarks = 0;
        List<String> log = new ArrayList<>();
        try (Connection server = KillWatch.serverOf(desks)) {
            while (hits < HITS && rounds < MOST_ROUNDS) {
                if (rounds % 3 == 1) {
                    // B changes a card A has changes of waiting: A's push, cut short or not, meets a conflict
                    b.sync().now(desks.serverB);
                    UUID uid = onA.get(rounds % onA.size());
                    retitle(b, JONAS, List.of(uid), "B" + rounds);
                    b.sync().now(desks.serverB);
                }
                int pass = 0;
                while (a.sync().status().pending() < BACKLOG) {
                    retitle(a, AMARA, onA, "A" + rounds + "p" + pass++);
                }
                int pending = a.sync().status().pending();
                Set<UUID> before = pendingOnTheServer(a, server);
                List<UUID> order = pendingInOrder(a);
                desks.closeA();
                KillWatch.Killed killed = KillWatch.pushAndKill(desks, server, dir.resolve("push-" + rounds + ".log"));
                rounds++;
                a = desks.reopenA(); // H2 finds the file not closed cleanly: it must recover what A had committed
                Cut cut = Cut.of(order, before, pendingOnTheServer(a, server));
                hits += cut.inWindow() > 0 ? 1 : 0;
                roundsLosingMarks += cut.marksLost() > 0 ? 1 : 0;
                log.add("round " + rounds + ": " + pending + " pending, the server took " + killed.advancedBy()
                        + " new ones before the kill; " + cut.inWindow() + " of its last batch on the server still pending here"
                        + (cut.marksLost() == 0 ? "" : "; " + cut.marksLost() + " marked sent before are pending again")
                        + (killed.exited() ? " (it had finished)" : ""));
            }
            log.forEach(System.out::println);
            a.sync().now(desks.serverA); // what the killed pushes left, sent again: answered as duplicates
            settle();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("a desktop process killed %d times, %d between the server's commit and its bookkeeping, in %.1f s; "
                + "in %d an earlier batch the desktop had marked sent was pending again (H2 lost committed marks at the "
                + "kill: see the facts file)%n", rounds, hits, seconds, roundsLosingMarks);
        assertThat(hits).as("kills between the server's commit and the desktop's bookkeeping in %d rounds", rounds)
                .isGreaterThanOrEqualTo(HITS);
        assertEveryEventOnTheServerOnceAndTheDesktopsAlike();
        assertEachConflictSaidOnce(a);
    }

    // ------------------------------------------------------------------ the process and the kill

    /** Starts {@link PushingDesktop} on A's closed data folder and kills it once the server's log has grown. */
    static final class KillWatch {

        record Killed(long advancedBy, boolean exited) {
        }

        static Connection serverOf(TwoDesktops desks) throws SQLException {
            return server.superuser(desks.url.substring(desks.url.lastIndexOf('/') + 1));
        }

        static Killed pushAndKill(TwoDesktops desks, Connection server, Path output) throws Exception {
            long before = head(server);
            ServerAddress to = desks.serverA.address();
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"),
                    PushingDesktop.class.getName(), desks.folderA.toString(), to.url(), to.user());
            pb.environment().put("HSC_SYNC_PASSWORD", to.password());
            pb.redirectErrorStream(true).redirectOutput(output.toFile()); // a file: a pipe nobody reads would fill
            Process child = pb.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (child.isAlive() && System.nanoTime() < deadline) {
                    long now = head(server);
                    if (now > before) {
                        child.destroyForcibly(); // SIGKILL: nothing of the desktop's runs after this
                        child.waitFor(30, TimeUnit.SECONDS);
                        return new Killed(now - before, false);
                    }
                    Thread.sleep(1);
                }
                assertThat(child.isAlive()).as("the pushing desktop still runs after 120 s: %s", read(output)).isFalse();
                assertThat(child.exitValue()).as("the pushing desktop failed: %s", read(output)).isZero();
                return new Killed(head(server) - before, true);
            } finally {
                if (child.isAlive()) {
                    child.destroyForcibly();
                    child.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }

        static long head(Connection server) throws SQLException {
            try (PreparedStatement ps = server.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM hsc.event");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private static String read(Path output) {
            try {
                return Files.readString(output);
            } catch (IOException e) {
                return "(no output: " + e.getMessage() + ")";
            }
        }
    }

    /**
     * What a kill left in A's outbox. The pushing desktop sent its pending events in batches of 500 in outbox order
     * (nothing else wrote to the outbox meanwhile), and was killed after the server's commit of the last batch with
     * events it took in this push: {@code inWindow} of that batch's events are on the server and still pending here
     * (the kill came before the desktop's bookkeeping); {@code marksLost} events of earlier batches, which the desktop
     * had marked sent before it went on, are on the server and pending again: its H2 lost that acknowledged commit.
     */
    record Cut(int inWindow, int marksLost) {
        static Cut of(List<UUID> order, Set<UUID> onServerBefore, Set<UUID> onServerAfter) {
            int lastBatch = -1;
            for (int i = 0; i < order.size(); i++) {
                if (onServerAfter.contains(order.get(i)) && !onServerBefore.contains(order.get(i))) {
                    lastBatch = i / 500;
                }
            }
            int inWindow = 0;
            int marksLost = 0;
            for (int i = 0; i < Math.min(order.size(), (lastBatch + 1) * 500); i++) {
                if (onServerAfter.contains(order.get(i))) {
                    if (i / 500 == lastBatch) {
                        inWindow++;
                    } else {
                        marksLost++;
                    }
                }
            }
            return new Cut(inWindow, marksLost);
        }
    }

    /** A's pending events, in the order a push sends them. */
    private static List<UUID> pendingInOrder(Services s) throws SQLException {
        List<UUID> pending = new ArrayList<>();
        try (Connection c = s.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT event_id FROM outbox_event WHERE status = 'PENDING' ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                pending.add(rs.getObject(1, UUID.class));
            }
        }
        return pending;
    }

    /** The events A still has pending that are in the server's log: sent, but the desktop does not know. */
    private static Set<UUID> pendingOnTheServer(Services s, Connection server) throws SQLException {
        List<UUID> pending = new ArrayList<>();
        try (Connection c = s.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT event_id FROM outbox_event WHERE status = 'PENDING'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                pending.add(rs.getObject(1, UUID.class));
            }
        }
        Array ids = server.createArrayOf("uuid", pending.toArray());
        Set<UUID> out = new HashSet<>();
        try (PreparedStatement ps = server.prepareStatement("SELECT event_id FROM hsc.event WHERE event_id = ANY (?)")) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    /** Syncs both until nothing is left to send. */
    private void settle() {
        for (int tries = 0; tries < 5 && (a.sync().status().pending() > 0 || b.sync().status().pending() > 0
                || tries == 0); tries++) {
            a.sync().now(desks.serverA);
            b.sync().now(desks.serverB);
            a.sync().now(desks.serverA);
        }
    }

    /** Every change of A's that lost is one conflict for its person, however often its push was cut short. */
    private static void assertEachConflictSaidOnce(Services s) throws SQLException {
        try (Connection c = s.database().dataSource().getConnection();
             PreparedStatement lost = c.prepareStatement("SELECT COUNT(*) FROM outbox_event WHERE status = 'CONFLICT'");
             PreparedStatement said = c.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT event_id) FROM sync_conflict");
             ResultSet l = lost.executeQuery();
             ResultSet r = said.executeQuery()) {
            l.next();
            r.next();
            assertThat(r.getLong(2)).as("conflicts told twice").isEqualTo(r.getLong(1));
            assertThat(r.getLong(1)).as("one conflict per lost change").isEqualTo(l.getLong(1));
        }
    }

    /** Retitles these cards once each, through the pipeline in one transaction. */
    private static void retitle(Services s, Actor actor, List<UUID> uids, String suffix) {
        List<Card> now = s.database().sessionFactory().fromSession(x -> x.createSelectionQuery(
                "from Card c where c.uid in :u order by c.uid", Card.class).setParameter("u", uids).getResultList());
        List<Change> changes = now.stream().<Change>map(c -> new Change.Edit(c.getId(), c.getVersion(), FieldValues.NONE
                .with(Card.TITLE, c.getTitle().replaceAll(" [AB]\\d+(p\\d+)?$", "") + " " + suffix))).toList();
        CardService.Batch done = s.cards().applyAll(actor, changes, CardService.BatchProgress.NONE);
        assertThat(done.committed()).as("retitled %s: %s", suffix, done.outcomes()).isTrue();
    }
}
