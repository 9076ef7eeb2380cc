package network.higherself.console.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import network.higherself.console.app.Services;
import network.higherself.console.card.Card;
import network.higherself.console.move.Change;
import network.higherself.console.move.FieldValues;
import network.higherself.console.move.Outcome;
import network.higherself.console.store.DataFolder;
import network.higherself.console.sync.ServerAddress;
import network.higherself.console.sync.SyncServer;
import network.higherself.console.sync.TestServer;
import network.higherself.console.sync.TwoDesktops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The server's part of issue 12's push (10,000 events, goal under 2 s): {@code hsc.push_all} timed alone, through
 * JDBC as {@link SyncServer#push} calls it, on two databases of one embedded PostgreSQL in the same run: one migrated
 * only to V4 (the function before this change) and one to the latest migration. Both first get the same history (a
 * demo desktop's upload, replayed), then the same 10,000 EDIT events of 200 cards in batches of 500, shaped as the
 * desktop sends them (copied from a real edit's event), alternating which database takes a batch first. Prints ms per
 * batch, the totals and their ratio, checks that both answered alike and hold the same cards and log (hash chain
 * intact), then shows where one batch's time goes inside the function (auto_explain of its statements, rolled back).
 * The 10,000 are pushed several times (rounds), as the machine's load varies from second to second. Never fails on a
 * figure. Run with {@code mvn -B -q -Ppush-bench test-compile exec:exec [-Dpush.events=10000 -Dpush.batch=500
 * -Dpush.cards=200 -Dpush.rounds=5]}.
 */
public final class ServerPushBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEFORE = "4";

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("push.events", 10_000);
        int batch = Integer.getInteger("push.batch", 500);
        int cardCount = Integer.getInteger("push.cards", 200);
        int rounds = Integer.getInteger("push.rounds", 5);
        Path dir = Files.createTempDirectory("hsc-push-bench");
        try (TestServer server = TestServer.start(dir)) {
            Path templates = dir.resolve("templates");
            TwoDesktops.makeTemplates(templates);

            // a demo desktop uploads its cards to a scratch database and makes one real edit: the history and shape
            String source = TwoDesktops.newServerDatabase(server);
            ServerAddress deskSource = TwoDesktops.desk(server, source, "desk_source");
            try (Services a = Services.open(new DataFolder(TwoDesktops.copy(templates.resolve("a"), dir.resolve("a"))),
                    Clock.systemUTC()); SyncServer s = new SyncServer(deskSource)) {
                a.sync().connect(deskSource, TwoDesktops.AMARA);
                Card c = a.database().sessionFactory().fromSession(x -> x.createSelectionQuery("from Card c order by c.id",
                        Card.class).getResultList()).stream().filter(k -> !k.workflowId().equals("WF-PERM-MGT")).findFirst().orElseThrow();
                Outcome o = a.cards().apply(TwoDesktops.AMARA, new Change.Edit(c.getId(), c.getVersion(),
                        FieldValues.NONE.with(Card.TITLE, c.getTitle() + " (shape)")));
                if (!o.isDone()) {
                    throw new IllegalStateException(o.message());
                }
                a.sync().push(s);
            }
            List<ObjectNode> history = new ArrayList<>();
            try (Connection c = server.superuser(database(source)); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT body FROM hsc.event ORDER BY seq")) {
                while (rs.next()) {
                    ObjectNode e = (ObjectNode) JSON.readTree(rs.getString(1));
                    e.remove(List.of("seq", "desktop", "accepted_at"));
                    history.add(e);
                }
            }
            ObjectNode shape = history.remove(history.size() - 1);
            // the demo has fewer cards than asked for: more uploads, copies of its own with new ids
            List<ObjectNode> uploads = history.stream().filter(e -> e.path("kind").asText().equals("UPLOAD")
                    && !e.path("workflow_id").asText().equals("WF-PERM-MGT")).toList();
            int more = cardCount - uploads.size();
            for (int i = 0; i < more; i++) {
                ObjectNode copy = uploads.get(i % uploads.size()).deepCopy();
                copy.put("event_id", UUID.randomUUID().toString());
                copy.put("card_uid", UUID.randomUUID().toString());
                history.add(copy);
            }
            System.out.println("an edit as the desktop sends it: " + shape);

            String before = TwoDesktops.newServerDatabase(server, "bench_v" + BEFORE, BEFORE);
            String after = TwoDesktops.newServerDatabase(server, "bench_now", null);
            ServerAddress deskBefore = TwoDesktops.desk(server, before, "desk_bench");
            ServerAddress deskAfter = TwoDesktops.desk(server, after, "desk_bench");
            for (String url : List.of(before, after)) {
                try (Connection c = server.superuser(database(url)); Statement st = c.createStatement()) {
                    st.execute("ALTER DATABASE " + database(url) + " SET track_functions = 'all'");
                }
            }
            try (Connection cb = login(deskBefore); Connection ca = login(deskAfter)) {
                System.out.printf(Locale.ROOT, "server schema: before %s, after %s; history replayed: %,d events (%d more cards uploaded)%n",
                        schema(cb), schema(ca), history.size(), Math.max(more, 0));
                for (int i = 0; i < history.size(); i += batch) {
                    List<ObjectNode> page = history.subList(i, Math.min(history.size(), i + batch));
                    expectAccepted(push(cb, page), "replay before");
                    expectAccepted(push(ca, page), "replay after");
                }

                String walBefore = one(server, before, "SELECT pg_current_wal_lsn()::TEXT");
                one(server, before, "SELECT pg_stat_reset()");
                one(server, after, "SELECT pg_stat_reset()");
                boolean same = true;
                double[] roundBefore = new double[rounds];
                double[] roundAfter = new double[rounds];
                List<Double> allBefore = new ArrayList<>();
                List<Double> allAfter = new ArrayList<>();
                double msParse = 0;
                int batches = 0;
                for (int round = 0; round < rounds; round++) {
                    List<ObjectNode> edits = edits(ca, shape, events, cardCount);
                    batches = (edits.size() + batch - 1) / batch;
                    double[] msBefore = new double[batches];
                    double[] msAfter = new double[batches];
                    for (int b = 0; b < batches; b++) {
                        List<ObjectNode> page = edits.subList(b * batch, Math.min(edits.size(), (b + 1) * batch));
                        String answerBefore;
                        String answerAfter;
                        long t;
                        if ((b + round) % 2 == 0) {
                            t = System.nanoTime();
                            answerBefore = push(cb, page);
                            msBefore[b] = ms(t);
                            t = System.nanoTime();
                            answerAfter = push(ca, page);
                            msAfter[b] = ms(t);
                        } else {
                            t = System.nanoTime();
                            answerAfter = push(ca, page);
                            msAfter[b] = ms(t);
                            t = System.nanoTime();
                            answerBefore = push(cb, page);
                            msBefore[b] = ms(t);
                        }
                        t = System.nanoTime();
                        parseOnly(ca, page);
                        msParse += ms(t);
                        expectAccepted(answerBefore, "edits before");
                        expectAccepted(answerAfter, "edits after");
                        same &= answerBefore.equals(answerAfter);
                        allBefore.add(msBefore[b]);
                        allAfter.add(msAfter[b]);
                    }
                    roundBefore[round] = sum(msBefore);
                    roundAfter[round] = sum(msAfter);
                    StringBuilder per = new StringBuilder();
                    for (int b = 0; b < batches; b++) {
                        per.append(String.format(Locale.ROOT, " %.0f/%.0f", msBefore[b], msAfter[b]));
                    }
                    System.out.printf(Locale.ROOT, "round %d, %,d edits of %d cards in %d batches of %d: before (V%s) %.0f ms, "
                                    + "after %.0f ms: %.2fx; load average %s; ms a batch (before/after):%s%n", round + 1,
                            edits.size(), cardCount, batches, batch, BEFORE, roundBefore[round], roundAfter[round],
                            roundBefore[round] / roundAfter[round], loadAverage(), per);
                }
                double[] b = allBefore.stream().mapToDouble(Double::doubleValue).toArray();
                double[] a = allAfter.stream().mapToDouble(Double::doubleValue).toArray();
                System.out.printf(Locale.ROOT, "push_all, %,d edits a round, %d rounds: before %.0f ms a round (median), after %.0f ms: "
                                + "%.2fx; a batch of %d: median %.1f / %.1f ms (%.2fx), fastest %.1f / %.1f ms (%.2fx)%n",
                        events, rounds, median(roundBefore), median(roundAfter), median(roundBefore) / median(roundAfter),
                        batch, median(b), median(a), median(b) / median(a), min(b), min(a), min(b) / min(a));
                System.out.printf(Locale.ROOT, "the same batches only parsed by the server (SELECT jsonb_array_length(?::jsonb)): "
                        + "%.0f ms a round%n", msParse / rounds);
                Thread.sleep(1500); // the sessions' function statistics reach the views
                System.out.printf(Locale.ROOT, "WAL written by both: %s kB%n",
                        one(server, before, "SELECT round((pg_current_wal_lsn() - '" + walBefore + "'::pg_lsn) / 1024)"));
                for (String[] db : List.of(new String[] {"before", before}, new String[] {"after", after})) {
                    System.out.printf(Locale.ROOT, "%s, time in the functions: %s%n", db[0],
                            one(server, db[1], "SELECT string_agg(format('%s %s calls %s ms (self %s ms)', funcname, calls, "
                                    + "round(total_time::numeric), round(self_time::numeric)), '; ' ORDER BY funcname) "
                                    + "FROM pg_stat_user_functions WHERE funcname IN ('push_all', 'accept_run', 'accept')"));
                }
                System.out.println("same answers: " + same + "; same cards and log: " + sameState(server, before, after)
                        + "; hash chains intact: " + chainIntact(server, before) + "/" + chainIntact(server, after));

                // where the time goes: one more batch each, explained statement by statement, rolled back
                List<ObjectNode> extra = edits(ca, shape, batch, cardCount);
                System.out.println("inside push_all before (one batch of " + batch + " after one undone, auto_explain, rolled back):");
                explain(server, before, extra);
                System.out.println("inside push_all after:");
                explain(server, after, extra);
            }
        }
        System.exit(0);
    }

    /** {@code n} edits of the title of {@code cards} cards in turn, each starting at the version the previous left. */
    private static List<ObjectNode> edits(Connection c, ObjectNode shape, int n, int cards) throws SQLException {
        record Row(String uid, String workflow, String state, long version, String title) {
        }
        List<Row> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT uid, workflow_id, state, version, data FROM hsc.cards(NULL, 10000)")) {
            while (rs.next() && rows.size() < cards) {
                if (!rs.getString(2).equals("WF-PERM-MGT")) {
                    String title;
                    try {
                        title = JSON.readTree(rs.getString(5)).path("title").asText("card");
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), title));
                }
            }
        }
        List<ObjectNode> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i % rows.size());
            String title = r.title() + " e" + i;
            ObjectNode e = shape.deepCopy();
            e.put("event_id", UUID.randomUUID().toString());
            e.put("card_uid", r.uid());
            e.put("workflow_id", r.workflow());
            e.put("from_state", r.state());
            e.put("to_state", r.state());
            e.put("base_version", r.version() + i / rows.size());
            ObjectNode fields = JSON.createObjectNode().put("title", title);
            ((ObjectNode) e.get("change")).set("fields", fields);
            e.set("card", fields.deepCopy());
            out.add(e);
        }
        return out;
    }

    private static String push(Connection c, List<ObjectNode> events) throws SQLException {
        ArrayNode array = JSON.createArrayNode();
        events.forEach(array::add);
        try (PreparedStatement ps = c.prepareStatement("SELECT hsc.push_all(?::jsonb)")) {
            ps.setString(1, array.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void parseOnly(Connection c, List<ObjectNode> events) throws SQLException {
        ArrayNode array = JSON.createArrayNode();
        events.forEach(array::add);
        try (PreparedStatement ps = c.prepareStatement("SELECT jsonb_array_length(?::jsonb)")) {
            ps.setString(1, array.toString());
            ps.executeQuery().close();
        }
    }

    private static void expectAccepted(String answers, String what) throws java.io.IOException {
        for (JsonNode a : JSON.readTree(answers)) {
            if (!a.path("status").asText().equals("accepted")) {
                throw new IllegalStateException(what + ": " + a);
            }
        }
    }

    private static boolean sameState(TestServer server, String before, String after) throws SQLException {
        String q = "SELECT md5((SELECT string_agg(concat_ws('|', uid, workflow_id, state, version, data, last_seq), ',' ORDER BY uid) FROM hsc.card)"
                + " || (SELECT string_agg(concat_ws('|', seq, event_id, desktop, kind, card_uid, body::jsonb - 'accepted_at'), ',' ORDER BY seq) FROM hsc.event)"
                + " || (SELECT concat_ws('|', last_seq) FROM hsc.head)"
                + " || coalesce((SELECT string_agg(concat_ws('|', event_id, verdict), ',' ORDER BY event_id) FROM hsc.rejected), ''))";
        return one(server, before, q).equals(one(server, after, q));
    }

    private static boolean chainIntact(TestServer server, String url) throws SQLException {
        return one(server, url, "SELECT count(*) FROM (SELECT seq, hash, prev_hash, body, "
                + "coalesce(lag(hash) OVER (ORDER BY seq), repeat('0', 64)) AS before FROM hsc.event) e "
                + "WHERE prev_hash <> before OR hash <> encode(sha256(convert_to(prev_hash || body, 'UTF8')), 'hex') "
                + "OR (SELECT last_hash FROM hsc.head) <> (SELECT hash FROM hsc.event ORDER BY seq DESC LIMIT 1)").equals("0");
    }

    private static String one(TestServer server, String url, String q) throws SQLException {
        try (Connection c = server.superuser(database(url)); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(q)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** One batch pushed as the superuser in a transaction that is rolled back, each statement inside timed. */
    private static void explain(TestServer server, String url, List<ObjectNode> events) throws SQLException {
        ArrayNode array = JSON.createArrayNode();
        events.forEach(array::add);
        try (Connection c = server.superuser(database(url)); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            // once first, undone, so that what is timed is a session's later batch (plans made, caches warm)
            st.execute("SAVEPOINT warm");
            try (PreparedStatement ps = c.prepareStatement("SELECT hsc.push_all(?::jsonb)")) {
                ps.setString(1, array.toString());
                ps.executeQuery().close();
            }
            st.execute("ROLLBACK TO SAVEPOINT warm");
            for (String s : List.of("LOAD 'auto_explain'", "SET LOCAL auto_explain.log_min_duration = 0",
                    "SET LOCAL auto_explain.log_analyze = on", "SET LOCAL auto_explain.log_nested_statements = on",
                    "SET LOCAL auto_explain.log_level = 'notice'", "SET LOCAL client_min_messages = 'notice'",
                    "SET LOCAL track_functions = 'all'")) {
                st.execute(s);
            }
            st.clearWarnings();
            long t = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("SELECT hsc.push_all(?::jsonb)")) {
                ps.setString(1, array.toString());
                ps.executeQuery().close();
                double total = ms(t);
                Map<String, double[]> byQuery = new LinkedHashMap<>();
                for (SQLWarning w = ps.getWarnings(); w != null; w = w.getNextWarning()) {
                    String m = w.getMessage();
                    int d = m.indexOf("duration: ");
                    int q = m.indexOf("Query Text: ");
                    if (d < 0 || q < 0) {
                        continue;
                    }
                    double ms = Double.parseDouble(m.substring(d + 10, m.indexOf(" ms", d)));
                    String text = m.substring(q + 12).replaceAll("\\s+", " ");
                    text = text.substring(0, Math.min(text.length(), 110));
                    double[] sum = byQuery.computeIfAbsent(text, k -> new double[2]);
                    sum[0]++;
                    sum[1] += ms;
                }
                byQuery.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[1], x.getValue()[1])).limit(12)
                        .forEach(e -> System.out.printf(Locale.ROOT, "  %8.1f ms %5.0fx  %s%n", e.getValue()[1], e.getValue()[0], e.getKey()));
                System.out.printf(Locale.ROOT, "  %8.1f ms in all (with the explaining)%n", total);
            }
            try (ResultSet rs = st.executeQuery("SELECT funcname, calls, total_time, self_time FROM pg_stat_xact_user_functions ORDER BY total_time DESC")) {
                while (rs.next()) {
                    System.out.printf(Locale.ROOT, "  function %s: %d calls, %.1f ms total, %.1f ms self%n",
                            rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4));
                }
            }
            c.rollback();
        }
    }

    private static Connection login(ServerAddress a) throws SQLException {
        return DriverManager.getConnection(a.url(), a.user(), a.password());
    }

    private static String schema(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT hsc.schema_version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String database(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static double sum(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s;
    }

    private static double min(double[] xs) {
        return java.util.Arrays.stream(xs).min().orElse(0);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
