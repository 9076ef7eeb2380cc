package network.higherself.console.bench;

// Run it (from the project folder; not part of `mvn verify`):
//
//     mvn -B -q -Pbench test-compile exec:exec
//
// Optional: -Dbench.warmup=6000 -Dbench.measured=5000 -Dbench.block=100 -Dbench.cards=50 -Dbench.keep=false
// It prints figures and never fails on them: the 2x goal is reported, not asserted.

import network.higherself.console.audit.AuditHash;
import network.higherself.console.audit.AuditVerifier;
import network.higherself.console.move.CardChange;
import network.higherself.console.move.CardService;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.Database;
import network.higherself.console.workflow.WorkflowCatalog;
import org.hibernate.stat.Statistics;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Commit latency of one move through {@link CardService} against the raw JDBC cost of the same rows, measured in
 * the same run on the same database, in interleaved blocks so that machine noise falls on all of them alike.
 *
 * <p>Three ways of moving a card of WF-SFTR-PUB one step round its guard-free cycle
 * (testing → staging → published → maintenance → testing), each on its own set of cards of the same board:
 * <ul>
 *   <li><b>service</b>: {@code CardService.move(MoveRequest.byEvent(..))}, the whole call.</li>
 *   <li><b>raw-writes</b> (the baseline of the goal): one pooled connection, one transaction, plain
 *       PreparedStatements: versioned UPDATE card, INSERT audit_entry (with its SHA-256, computed by the same
 *       {@link AuditHash}), UPDATE audit_head, INSERT outbox_event, commit. The card's state and version, the
 *       column's last position and the trail's head are kept in memory (read once per block, outside the timing),
 *       so it issues no SELECT.</li>
 *   <li><b>raw-same-sql</b>: raw-writes plus the three reads the service must do (SELECT the card by id,
 *       SELECT MAX(position) of the target column, SELECT audit_head FOR UPDATE): the SQL the service issues,
 *       without Hibernate. service / raw-same-sql is the ORM's own share; raw-same-sql / raw-writes is the reads'.</li>
 * </ul>
 * Each timing runs from asking for the connection (or session) to its return to the pool after the commit.
 */
public final class MoveLatencyBenchmark {

    private static final String WF = "WF-SFTR-PUB";
    private static final String[] CYCLE = {"testing", "staging", "published", "maintenance"};
    /** EVENTS[i] leads from CYCLE[i] to CYCLE[i + 1]. */
    private static final String[] EVENTS = {"tests_passed", "final_approval", "updates_needed", "updates_completed"};
    private static final String[] TO_TESTING = {"design_complete", "internal_approval", "client_approval"};
    private static final Actor ACTOR = Actor.staff("bench", Role.ADMINISTRATOR);
    /** What the service writes as the outbox payload of a plain move (no note, no field values): the change in full. */
    private static String payload(String event, String to) {
        return "{\"event\":\"" + event + "\",\"to\":\"" + to + "\",\"note\":null,\"fields\":{}}";
    }

    private static final String UPDATE_CARD = "UPDATE card SET state = ?, position = ?, state_since = ?, updated_at = ?, "
            + "version = version + 1 WHERE id = ? AND version = ?";
    private static final String INSERT_AUDIT = "INSERT INTO audit_entry (seq, at, actor, action, workflow_id, card_id, "
            + "from_state, to_state, event, note, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_HEAD = "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1";
    private static final String INSERT_OUTBOX = "INSERT INTO outbox_event (event_id, created_at, kind, workflow_id, card_id, "
            + "base_version, from_state, to_state, event, actor, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_CARD = "SELECT * FROM card WHERE id = ?";
    private static final String SELECT_MAX = "SELECT MAX(position) FROM card WHERE workflow_id = ? AND state = ?";
    private static final String SELECT_HEAD = "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE";

    private final Clock clock = Clock.systemUTC();
    private final DataSource ds;
    private final CardService service;

    private final List<Long> serviceCards = new ArrayList<>();
    private final int[] serviceState;
    private int serviceNext;

    private final RawCard[] writesCards;
    private int writesNext;
    private final RawCard[] sameSqlCards;
    private int sameSqlNext;

    // raw-writes' memory of the database, refreshed before each block
    private final Map<String, Long> lastPosition = new HashMap<>();
    private long headSeq;
    private String headHash;

    private static final class RawCard {
        final long id;
        int state; // index in CYCLE
        long version;

        RawCard(long id, long version) {
            this.id = id;
            this.version = version;
        }
    }

    private MoveLatencyBenchmark(Database db, int cards) {
        this.ds = db.dataSource();
        this.service = new CardService(db.sessionFactory(), WorkflowCatalog.bundled(), clock);
        serviceState = new int[cards];
        writesCards = new RawCard[cards];
        sameSqlCards = new RawCard[cards];
        // created in turn, so that the three sets share the table's and the index's pages alike
        for (int i = 0; i < cards; i++) {
            serviceCards.add(newCardInTesting("service " + i).id);
            writesCards[i] = newCardInTesting("raw-writes " + i);
            sameSqlCards[i] = newCardInTesting("raw-same-sql " + i);
        }
    }

    private RawCard newCardInTesting(String title) {
        Outcome o = service.create(WF, "Bench " + title, ACTOR, CardChange.NONE);
        long id = ((Outcome.Done) done(o)).cardId();
        long version = 0;
        for (String e : TO_TESTING) {
            version = ((Outcome.Done) done(service.move(MoveRequest.byEvent(id, e, ACTOR)))).version();
        }
        return new RawCard(id, version);
    }

    private static Outcome done(Outcome o) {
        if (!o.isDone()) {
            throw new IllegalStateException("benchmark move refused: " + o.message());
        }
        return o;
    }

    // ---------------------------------------------------------------- the three ways of moving a card

    private long serviceMove() {
        int i = serviceNext++ % serviceCards.size();
        long id = serviceCards.get(i);
        long t0 = System.nanoTime();
        Outcome o = service.move(MoveRequest.byEvent(id, EVENTS[serviceState[i]], ACTOR));
        long t = System.nanoTime() - t0;
        done(o);
        serviceState[i] = (serviceState[i] + 1) % CYCLE.length;
        return t;
    }

    private long rawWritesMove() throws SQLException {
        RawCard card = writesCards[writesNext++ % writesCards.length];
        String from = CYCLE[card.state];
        String to = CYCLE[(card.state + 1) % CYCLE.length];
        String event = EVENTS[card.state];
        long t0 = System.nanoTime();
        long seq;
        String hash;
        long position;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                OffsetDateTime ts = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
                position = lastPosition.getOrDefault(to, 0L) + CardService.POSITION_STEP;
                updateCard(c, card, to, position, ts);
                seq = headSeq + 1;
                hash = AuditHash.of(seq, now, ACTOR.auditName(), "MOVED", WF, card.id, from, to, event, null, null, headHash);
                writeAuditAndOutbox(c, card, seq, hash, headHash, ts, from, to, event);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        long t = System.nanoTime() - t0;
        lastPosition.put(to, position);
        headSeq = seq;
        headHash = hash;
        card.version++;
        card.state = (card.state + 1) % CYCLE.length;
        return t;
    }

    private long rawSameSqlMove() throws SQLException {
        RawCard card = sameSqlCards[sameSqlNext++ % sameSqlCards.length];
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                String from;
                long version;
                try (PreparedStatement ps = c.prepareStatement(SELECT_CARD)) {
                    ps.setLong(1, card.id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("card " + card.id + " vanished");
                        }
                        from = rs.getString("state");
                        version = rs.getLong("version");
                    }
                }
                int state = Arrays.asList(CYCLE).indexOf(from);
                String to = CYCLE[(state + 1) % CYCLE.length];
                String event = EVENTS[state];
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                OffsetDateTime ts = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
                long max;
                try (PreparedStatement ps = c.prepareStatement(SELECT_MAX)) {
                    ps.setString(1, WF);
                    ps.setString(2, to);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        max = rs.getLong(1);
                    }
                }
                card.version = version;
                updateCard(c, card, to, max + CardService.POSITION_STEP, ts);
                long seq;
                String prev;
                try (PreparedStatement ps = c.prepareStatement(SELECT_HEAD); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1) + 1;
                    prev = rs.getString(2);
                }
                String hash = AuditHash.of(seq, now, ACTOR.auditName(), "MOVED", WF, card.id, from, to, event, null, null, prev);
                writeAuditAndOutbox(c, card, seq, hash, prev, ts, from, to, event);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return System.nanoTime() - t0;
    }

    private static void updateCard(Connection c, RawCard card, String to, long position, OffsetDateTime ts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_CARD)) {
            ps.setString(1, to);
            ps.setLong(2, position);
            ps.setObject(3, ts);
            ps.setObject(4, ts);
            ps.setLong(5, card.id);
            ps.setLong(6, card.version);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("card " + card.id + " is not at version " + card.version);
            }
        }
    }

    private static void writeAuditAndOutbox(Connection c, RawCard card, long seq, String hash, String prev, OffsetDateTime ts,
                                            String from, String to, String event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_AUDIT)) {
            ps.setLong(1, seq);
            ps.setObject(2, ts);
            ps.setString(3, ACTOR.auditName());
            ps.setString(4, "MOVED");
            ps.setString(5, WF);
            ps.setLong(6, card.id);
            ps.setString(7, from);
            ps.setString(8, to);
            ps.setString(9, event);
            ps.setNull(10, java.sql.Types.VARCHAR);
            ps.setNull(11, java.sql.Types.VARCHAR);
            ps.setString(12, prev);
            ps.setString(13, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(UPDATE_HEAD)) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_OUTBOX)) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, ts);
            ps.setString(3, "MOVE");
            ps.setString(4, WF);
            ps.setLong(5, card.id);
            ps.setLong(6, card.version);
            ps.setString(7, from);
            ps.setString(8, to);
            ps.setString(9, event);
            ps.setString(10, ACTOR.auditName());
            ps.setString(11, payload(event, to));
            ps.executeUpdate();
        }
    }

    /** Untimed: what raw-writes keeps in memory (other paths have moved cards and appended to the trail since). */
    private void refreshRawWritesMemory() throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")) {
                rs.next();
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
            lastPosition.clear();
            try (ResultSet rs = st.executeQuery("SELECT state, MAX(position) FROM card WHERE workflow_id = '" + WF
                    + "' GROUP BY state")) {
                while (rs.next()) {
                    lastPosition.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
    }

    // ---------------------------------------------------------------- the run

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private enum Way { SERVICE, RAW_WRITES, RAW_SAME_SQL }

    private long once(Way way) throws SQLException {
        return switch (way) {
            case SERVICE -> serviceMove();
            case RAW_WRITES -> rawWritesMove();
            case RAW_SAME_SQL -> rawSameSqlMove();
        };
    }

    /** Wall-clock and CPU nanoseconds of each move, per way. */
    private record Samples(long[][] wall, long[][] cpu, long[] allocated) {
    }

    private Samples run(int perWay, int block) throws SQLException {
        Way[] ways = Way.values();
        long[][] samples = new long[ways.length][perWay];
        long[][] cpu = new long[ways.length][perWay];
        long[] allocated = new long[ways.length];
        int[] filled = new int[ways.length];
        int round = 0;
        while (filled[0] < perWay || filled[1] < perWay || filled[2] < perWay) {
            for (int k = 0; k < ways.length; k++) {
                Way way = ways[(round + k) % ways.length]; // rotate which way goes first
                int w = way.ordinal();
                int n = Math.min(block, perWay - filled[w]);
                if (way == Way.RAW_WRITES) {
                    refreshRawWritesMemory();
                }
                for (int i = 0; i < n; i++) {
                    long bytes0 = THREADS.getCurrentThreadAllocatedBytes();
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    samples[w][filled[w]] = once(way);
                    cpu[w][filled[w]++] = THREADS.getCurrentThreadCpuTime() - cpu0;
                    allocated[w] += THREADS.getCurrentThreadAllocatedBytes() - bytes0;
                }
            }
            round++;
        }
        return new Samples(samples, cpu, allocated);
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int warmup = Integer.getInteger("bench.warmup", 6000);
        int measured = Integer.getInteger("bench.measured", 5000);
        int block = Integer.getInteger("bench.block", 100);
        int cards = Integer.getInteger("bench.cards", 50);
        boolean keep = Boolean.getBoolean("bench.keep");

        Path dir = Files.createTempDirectory("hsc-move-bench");
        System.out.printf("Move commit latency: service vs raw JDBC, same run, same database%n");
        System.out.printf("  data folder %s%n  java %s, %d cores, max heap %d MB%n", dir, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("  warm-up %d moves each way, measured %d each way in interleaved blocks of %d, %d cards per way%n",
                warmup, measured, block, cards);
        long openStart = System.nanoTime();
        try (Database db = Database.open(new DataFolder(dir), Clock.systemDefaultZone())) {
            System.out.printf("  database opened in %d ms%n", (System.nanoTime() - openStart) / 1_000_000);
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                // database-wide, not persistent: no reuse of cached results of identical queries (docs/facts-found-by-trying.md)
                st.execute("SET OPTIMIZE_REUSE_RESULTS 0");
                try (ResultSet rs = st.executeQuery("SELECT H2VERSION()")) {
                    rs.next();
                    System.out.printf("  H2 %s, URL ;WRITE_DELAY=0, OPTIMIZE_REUSE_RESULTS 0%n", rs.getString(1));
                }
            }
            MoveLatencyBenchmark bench = new MoveLatencyBenchmark(db, cards);
            bench.run(warmup, block);
            System.gc();
            long gcCount0 = gcCount();
            long gcTime0 = gcTime();
            double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long wall0 = System.nanoTime();
            Samples run = bench.run(measured, block);
            long[][] samples = run.wall();
            long wall = System.nanoTime() - wall0;
            long gcs = gcCount() - gcCount0;
            long gcMs = gcTime() - gcTime0;

            Stats service = new Stats(samples[Way.SERVICE.ordinal()]);
            Stats writes = new Stats(samples[Way.RAW_WRITES.ordinal()]);
            Stats sameSql = new Stats(samples[Way.RAW_SAME_SQL.ordinal()]);
            System.out.println();
            System.out.printf("%-14s %9s %9s %9s %9s %9s   (microseconds per move, session/connection to commit)%n",
                    "", "p50", "p90", "p99", "max", "mean");
            service.print("service");
            writes.print("raw-writes");
            sameSql.print("raw-same-sql");
            Stats serviceCpu = new Stats(run.cpu()[Way.SERVICE.ordinal()]);
            Stats writesCpu = new Stats(run.cpu()[Way.RAW_WRITES.ordinal()]);
            Stats sameSqlCpu = new Stats(run.cpu()[Way.RAW_SAME_SQL.ordinal()]);
            System.out.printf("%-14s %9s %9s %9s %9s %9s   (CPU microseconds of the calling thread: less sensitive to a busy machine)%n",
                    "", "p50", "p90", "p99", "max", "mean");
            serviceCpu.print("service cpu");
            writesCpu.print("raw-writes cpu");
            sameSqlCpu.print("raw-same cpu");
            System.out.println("  service      = CardService.move(MoveRequest.byEvent(..)), the whole call");
            System.out.println("  raw-writes   = one transaction: UPDATE card, INSERT audit_entry (SHA-256 computed),"
                    + " UPDATE audit_head, INSERT outbox_event, commit (the goal's baseline)");
            System.out.println("  raw-same-sql = raw-writes + SELECT card, SELECT MAX(position), SELECT audit_head FOR UPDATE"
                    + " (the service's SQL without Hibernate)");
            System.out.println();
            double r50 = service.p50 / (double) writes.p50;
            double r99 = service.p99 / (double) writes.p99;
            System.out.printf("service / raw-writes:   p50 %.2fx   p99 %.2fx%n", r50, r99);
            System.out.printf("service / raw-same-sql: p50 %.2fx   p99 %.2fx%n", service.p50 / (double) sameSql.p50,
                    service.p99 / (double) sameSql.p99);
            System.out.printf("raw-same-sql / raw-writes: p50 %.2fx   p99 %.2fx%n", sameSql.p50 / (double) writes.p50,
                    sameSql.p99 / (double) writes.p99);
            System.out.printf("CPU service / raw-writes: p50 %.2fx   p99 %.2fx   mean %.2fx (what p99 would approach on an idle machine)%n",
                    serviceCpu.p50 / (double) writesCpu.p50, serviceCpu.p99 / (double) writesCpu.p99, serviceCpu.mean / writesCpu.mean);
            System.out.printf("allocated per move: service %.1f KB, raw-writes %.1f KB, raw-same-sql %.1f KB%n",
                    run.allocated()[Way.SERVICE.ordinal()] / 1024.0 / measured,
                    run.allocated()[Way.RAW_WRITES.ordinal()] / 1024.0 / measured,
                    run.allocated()[Way.RAW_SAME_SQL.ordinal()] / 1024.0 / measured);
            System.out.printf("GOAL service p99 <= 2.0 x raw-writes p99: %s (%.2fx)%n", r99 <= 2.0 ? "MET" : "NOT MET", r99);
            System.out.printf("measured phase: %.1f s wall, %d GCs taking %d ms, load average %.1f before, %.1f after (%d cores)%n",
                    wall / 1e9, gcs, gcMs, load0, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());

            bench.printStatementsPerMove(db);
            try (Connection c = db.dataSource().getConnection()) {
                AuditVerifier.Verification v = new AuditVerifier().verify(c);
                System.out.printf("audit trail after the run: %d entries, %s%n", v.checked(),
                        v.intact() ? "intact (raw rows chain correctly with the service's)" : "BROKEN: " + v.problem().get());
            }
        } finally {
            if (keep) {
                System.out.println("kept " + dir);
            } else {
                deleteTree(dir);
            }
        }
    }

    /** After the measurement (statistics cost time): what Hibernate does for one service move. */
    private void printStatementsPerMove(Database db) {
        Statistics stats = db.sessionFactory().getStatistics();
        stats.setStatisticsEnabled(true);
        stats.clear();
        int moves = 200;
        for (int i = 0; i < moves; i++) {
            serviceMove();
        }
        stats.setStatisticsEnabled(false);
        System.out.printf("Hibernate per service move: %.1f statements prepared by Hibernate itself (not by JDBC work), %.1f flushes, %.1f query plan cache misses, "
                        + "%.1f hits%n", stats.getPrepareStatementCount() / (double) moves, stats.getFlushCount() / (double) moves,
                stats.getQueryPlanCacheMissCount() / (double) moves, stats.getQueryPlanCacheHitCount() / (double) moves);
    }

    private static final class Stats {
        final long p50;
        final long p90;
        final long p99;
        final long max;
        final double mean;

        Stats(long[] nanos) {
            long[] s = nanos.clone();
            Arrays.sort(s);
            p50 = rank(s, 0.50);
            p90 = rank(s, 0.90);
            p99 = rank(s, 0.99);
            max = s[s.length - 1];
            mean = Arrays.stream(s).average().orElse(0);
        }

        /** Nearest-rank percentile. */
        private static long rank(long[] sorted, double p) {
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }

        void print(String label) {
            System.out.printf("%-14s %9.1f %9.1f %9.1f %9.1f %9.1f%n", label, p50 / 1e3, p90 / 1e3, p99 / 1e3, max / 1e3,
                    mean / 1e3);
        }
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcTime() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
