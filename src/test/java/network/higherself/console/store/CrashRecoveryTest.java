package network.higherself.console.store;

import network.higherself.console.audit.AuditVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Clock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Acknowledged moves survive a crash. A child JVM ({@link CrashChild}) moves cards in a loop and prints each move
 * once its commit has returned; this test kills it with SIGKILL at a random moment, again and again on the same data
 * folder, then opens the database and checks that every acknowledged move is there, that card states, audit trail
 * and outbox agree one to one, and that the audit chain verifies.
 *
 * <p>A new card has version 0 and one CREATED audit entry; each move adds 1 to the version, one MOVED audit entry
 * and one MOVE outbox event (whose base_version is the version before the move). So a card at version V has exactly
 * V MOVED entries and V MOVE events with base versions 0..V-1.
 *
 * <p>Because the cycle is deterministic, a move lost in a crash and redone after the restart would arrive at the same
 * (version, state): so each move's note names the run that made it, and each restart reports what it found
 * ({@code SEEN}), which must be at least what had been acknowledged before.
 *
 * <p>Set {@code -Dcrash.seed=N} to repeat the kill timings of an earlier run (the seed is printed).
 */
class CrashRecoveryTest {

    private static final int KILLS = 10;
    /**
     * A guard against a hang, not a speed target (each run has its own {@link #FIRST_ACK_WAIT}): ten child JVMs,
     * each repairing and closing the file before it opens its pool, took more than 150 s on a 2-core machine at load
     * average 12-15.
     */
    private static final Duration WHOLE_TEST = Duration.ofSeconds(600);
    private static final Duration FIRST_ACK_WAIT = Duration.ofSeconds(40);
    private static final String WORKFLOW = CrashChild.WORKFLOW;

    @TempDir
    Path tmp;

    private volatile Process child;

    /** An acknowledged change: made in run {@code run}, the card at {@code version} in {@code state}. */
    record Ack(int run, long cardId, long version, String state) {
    }

    record Seen(long cardId, long version, String state) {
    }

    /** What one run of the child said on stdout. */
    static final class RunOutput {
        final List<Ack> acks = new CopyOnWriteArrayList<>();
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        final List<String> errors = new CopyOnWriteArrayList<>();
        final CountDownLatch firstAck = new CountDownLatch(1);
    }

    @AfterEach
    void killLeftover() throws InterruptedException {
        Process p = child;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void acknowledgedMovesSurviveSigkill() {
        assertTimeoutPreemptively(WHOLE_TEST, this::crashAndCheck,
                () -> "the crash test took longer than " + WHOLE_TEST.toSeconds() + " s");
    }

    private void crashAndCheck() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CrashRecoveryTest seed " + seed + " (repeat with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path data = tmp.resolve("data");
        long started = System.nanoTime();

        List<Ack> allAcks = new ArrayList<>();
        Map<Long, Ack> latestAck = new HashMap<>();
        List<String> runReports = new ArrayList<>();
        for (int run = 1; run <= KILLS; run++) {
            long runStart = System.nanoTime();
            Path log = tmp.resolve("child-" + run + ".log");
            RunOutput output = new RunOutput();
            Process p = start(data, run, log);
            child = p;
            Thread reader = readInBackground(p, run, output);

            boolean acked = output.firstAck.await(FIRST_ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            long startupMs = (System.nanoTime() - runStart) / 1_000_000;
            if (!acked) {
                fail("run " + run + ": no acknowledged move within " + FIRST_ACK_WAIT.toSeconds() + " s (alive: "
                        + p.isAlive() + ")" + childTrouble(output, log));
            }
            long delay = 150 + random.nextInt(751);
            Thread.sleep(delay);
            assertThat(p.isAlive()).as("run %d: the child must still be running when it is killed%s", run,
                    childTrouble(output, log)).isTrue();
            // SIGKILL on Linux and macOS. Through the handle: Process.destroyForcibly() also closes our end of
            // the child's stdout, which can cut the reader off mid-read ("Stream closed") before it reaches EOF.
            p.toHandle().destroyForcibly();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("run %d: the killed child ends", run).isTrue();
            reader.join(10_000);
            assertThat(reader.isAlive()).as("run %d: its stdout reaches end of file", run).isFalse();
            assertThat(p.exitValue()).as("run %d: exit status of a SIGKILLed JVM", run).isEqualTo(128 + 9);
            assertThat(output.errors).as("run %d: errors reported by the child", run).isEmpty();

            // what this run found on opening must include everything acknowledged before it
            Map<Long, Seen> seen = new HashMap<>();
            output.seen.forEach(s -> seen.put(s.cardId(), s));
            for (Ack before : latestAck.values()) {
                Seen s = seen.get(before.cardId());
                assertThat(s).as("run %d: card %d, acknowledged in run %d, is there after the kill", run,
                        before.cardId(), before.run()).isNotNull();
                assertThat(s.version()).as("run %d: card %d's version after the kill (acknowledged: %s)", run,
                        before.cardId(), before).isGreaterThanOrEqualTo(before.version());
                if (s.version() == before.version()) {
                    assertThat(s.state()).as("run %d: card %d's state at the acknowledged version", run, before.cardId())
                            .isEqualTo(before.state());
                }
            }
            // and this run's acknowledgements continue each card's versions one by one
            Map<Long, Long> last = new HashMap<>();
            seen.values().forEach(s -> last.put(s.cardId(), s.version()));
            for (Ack a : output.acks) {
                Long prev = last.get(a.cardId());
                assertThat(a.version()).as("run %d: version acknowledged for card %d", run, a.cardId())
                        .isEqualTo(prev == null ? 0 : prev + 1);
                last.put(a.cardId(), a.version());
                latestAck.put(a.cardId(), a);
            }
            allAcks.addAll(output.acks);
            runReports.add(String.format("run %d: first ACK after %d ms, killed %d ms later, %d ACKs",
                    run, startupMs, delay, output.acks.size()));
        }
        runReports.forEach(r -> System.out.println("CrashRecoveryTest " + r));

        assertThat(runReports).hasSize(KILLS);
        assertThat(latestAck).as("cards acknowledged").hasSize(CrashChild.CARDS);
        assertThat(allAcks.stream().filter(a -> a.version() > 0).count()).as("moves acknowledged")
                .isGreaterThan(10L * KILLS);

        try (Database db = Database.open(new DataFolder(data), Clock.systemDefaultZone()); Connection c = db.dataSource().getConnection()) {
            checkCards(c, allAcks, latestAck);
            var verification = new AuditVerifier().verify(c);
            assertThat(verification.problem()).as("verify-audit").isEmpty();
            long cards = count(c, "SELECT COUNT(*) FROM card");
            long versions = count(c, "SELECT COALESCE(SUM(version), 0) FROM card");
            assertThat(verification.checked()).as("audit entries: one creation per card plus one per move")
                    .isEqualTo(cards + versions);
            assertThat(count(c, "SELECT COUNT(*) FROM outbox_event")).as("outbox events").isEqualTo(cards + versions);
            System.out.println("CrashRecoveryTest " + KILLS + " kills, " + allAcks.size() + " ACKs, " + versions
                    + " moves in the database, audit intact (" + verification.checked() + " entries), "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
    }

    private void checkCards(Connection c, List<Ack> allAcks, Map<Long, Ack> latestAck) throws SQLException {
        Map<Long, long[]> versionById = new LinkedHashMap<>();
        Map<Long, String> stateById = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, workflow_id, version, state FROM card ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                assertThat(rs.getString(2)).as("card %d's workflow", rs.getLong(1)).isEqualTo(WORKFLOW);
                versionById.put(rs.getLong(1), new long[] {rs.getLong(3)});
                stateById.put(rs.getLong(1), rs.getString(4));
            }
        }
        assertThat(versionById.keySet()).as("the cards in the database are the acknowledged ones")
                .containsExactlyInAnyOrderElementsOf(latestAck.keySet());

        Map<Long, List<Entry>> moves = new HashMap<>();
        for (long id : versionById.keySet()) {
            long version = versionById.get(id)[0];
            String state = stateById.get(id);
            List<Entry> trail = auditOf(c, id);
            assertThat(trail).as("card %d's audit trail", id).isNotEmpty();
            Entry created = trail.get(0);
            assertThat(created.action()).as("card %d's first audit entry", id).isEqualTo("CREATED");
            assertThat(created.to()).as("card %d created in", id).isEqualTo("draft");
            List<Entry> moved = trail.subList(1, trail.size());
            assertThat(moved).as("card %d: after its creation only moves", id)
                    .allSatisfy(e -> assertThat(e.action()).isEqualTo("MOVED"));
            assertThat(moved).as("card %d: one MOVED entry per version step (version %d)", id, version)
                    .hasSize((int) version);
            String at = created.to();
            for (Entry e : moved) {
                assertThat(e.from()).as("card %d: audit entry %d moves from where the card was", id, e.seq()).isEqualTo(at);
                assertThat(CrashChild.NEXT_EVENT.get(e.from())).as("card %d: event of entry %d", id, e.seq())
                        .isEqualTo(e.event());
                at = e.to();
            }
            assertThat(state).as("card %d's state is where its audit trail leads", id).isEqualTo(at);
            moves.put(id, moved);

            List<Entry> outbox = outboxOf(c, id);
            assertThat(outbox).as("card %d's outbox events", id).hasSize((int) version + 1);
            assertThat(outbox.get(0).action()).as("card %d's first outbox event", id).isEqualTo("CREATE");
            for (int i = 1; i <= version; i++) {
                Entry ev = outbox.get(i);
                Entry audit = moved.get(i - 1);
                assertThat(ev.action()).as("card %d outbox event %d", id, i).isEqualTo("MOVE");
                assertThat(ev.seq()).as("card %d outbox event %d's base version", id, i).isEqualTo(i - 1);
                assertThat(List.of(ev.from(), ev.to(), ev.event()))
                        .as("card %d: outbox event from version %d matches audit entry %d", id, i - 1, audit.seq())
                        .containsExactly(audit.from(), audit.to(), audit.event());
            }
        }

        for (Ack a : allAcks) {
            long version = versionById.get(a.cardId())[0];
            assertThat(version).as("card %d's version ≥ acknowledged %s", a.cardId(), a).isGreaterThanOrEqualTo(a.version());
            if (a.version() == 0) {
                continue; // a creation: the CREATED entry was checked above
            }
            Entry e = moves.get(a.cardId()).get((int) a.version() - 1);
            assertThat(e.to()).as("acknowledged %s is in the audit trail", a).isEqualTo(a.state());
            assertThat(e.note()).as("acknowledged %s was made by run %d, not redone later", a, a.run())
                    .startsWith("run " + a.run() + " move ");
        }
        for (Ack a : latestAck.values()) {
            if (versionById.get(a.cardId())[0] == a.version()) {
                assertThat(stateById.get(a.cardId())).as("card %d's state at its last acknowledged version", a.cardId())
                        .isEqualTo(a.state());
            }
        }
    }

    /** An audit entry (seq) or an outbox event (seq holds base_version; action holds kind). */
    record Entry(long seq, String action, String from, String to, String event, String note) {
    }

    private static List<Entry> auditOf(Connection c, long cardId) throws SQLException {
        return entries(c, "SELECT seq, action, from_state, to_state, event, note FROM audit_entry WHERE card_id = ? ORDER BY seq", cardId);
    }

    private static List<Entry> outboxOf(Connection c, long cardId) throws SQLException {
        // CREATE and the first MOVE both have base_version 0: the creation sorts first
        return entries(c, "SELECT base_version, kind, from_state, to_state, event, NULL FROM outbox_event WHERE card_id = ? "
                + "ORDER BY base_version, CASE kind WHEN 'CREATE' THEN 0 ELSE 1 END", cardId);
    }

    private static List<Entry> entries(Connection c, String sql, long cardId) throws SQLException {
        List<Entry> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, cardId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6)));
                }
            }
        }
        return list;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Process start(Path data, int run, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), data.toString(), String.valueOf(run));
        pb.redirectErrorStream(false);
        pb.redirectError(log.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        return pb.start();
    }

    private static Thread readInBackground(Process p, int run, RunOutput output) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String[] f = line.split(" ");
                    if (f[0].equals("ACK") && f.length == 4) {
                        output.acks.add(new Ack(run, Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]));
                        output.firstAck.countDown();
                    } else if (f[0].equals("SEEN") && f.length == 4) {
                        output.seen.add(new Seen(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]));
                    } else {
                        // a torn last line is possible only if the kill came mid-write; anything else is a problem
                        output.errors.add(line);
                    }
                }
            } catch (IOException e) {
                output.errors.add("reading the child's output failed: " + e);
            }
        }, "crash-child-" + run + "-stdout");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String childTrouble(RunOutput output, Path log) {
        StringBuilder b = new StringBuilder();
        if (!output.errors.isEmpty()) {
            b.append("\nchild said: ").append(output.errors);
        }
        try {
            List<String> lines = Files.readAllLines(log);
            if (!lines.isEmpty()) {
                b.append("\nchild's stderr (last lines):\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
        } catch (IOException e) {
            b.append("\n(no stderr: ").append(e.getMessage()).append(')');
        }
        return b.toString();
    }
}
