package network.higherself.console.demo;

import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditHash;
import network.higherself.console.card.Priority;
import network.higherself.console.move.CardService;
import network.higherself.console.store.StoreException;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import javax.sql.DataSource;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated cards for benchmarks, inserted in JDBC batches (thousands a transaction, not one each), spread over
 * the boards and their columns. Each gets its creation entry in the audit trail, chained like any other; they
 * are local benchmark data and are not put in the sync outbox.
 */
public final class BulkCards {

    private static final int BATCH = 5000;

    private final DataSource dataSource;
    private final WorkflowCatalog workflows;
    private final Clock clock;

    public BulkCards(DataSource dataSource, WorkflowCatalog workflows, Clock clock) {
        this.dataSource = dataSource;
        this.workflows = workflows;
        this.clock = clock;
    }

    /** Inserts {@code count} cards spread over every column of every board. */
    public void insert(int count) {
        List<String[]> columns = new ArrayList<>();
        for (Workflow w : workflows.all()) {
            for (State s : w.states()) {
                columns.add(new String[]{w.id(), s.id()});
            }
        }
        insert(count, columns);
    }

    /** Inserts {@code count} cards into one column (for a benchmark of a very long column). */
    public void insertInto(String workflowId, String state, int count) {
        List<String[]> columns = new ArrayList<>();
        columns.add(new String[]{workflowId, state});
        insert(count, columns);
    }

    private void insert(int count, List<String[]> columns) {
        Random random = new Random(7);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Map<String, Long> positions = new HashMap<>();
            for (String[] col : columns) {
                positions.put(col[0] + "/" + col[1], maxPosition(c, col[0], col[1]));
            }
            int done = 0;
            while (done < count) {
                int n = Math.min(BATCH, count - done);
                insertBatch(c, columns, positions, done, n, random);
                c.commit();
                done += n;
            }
        } catch (SQLException e) {
            throw new StoreException("Generated cards could not be inserted: " + e.getMessage(), e);
        }
    }

    private void insertBatch(Connection c, List<String[]> columns, Map<String, Long> positions, int offset, int n,
                             Random random) throws SQLException {
        long seq;
        String prev;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")) {
            rs.next();
            seq = rs.getLong("last_seq");
            prev = rs.getString("last_hash");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        try (PreparedStatement card = c.prepareStatement(
                "INSERT INTO card (workflow_id, state, position, title, priority, state_since, created_at, updated_at, version) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
            String[][] made = new String[n][];
            for (int i = 0; i < n; i++) {
                String[] col = columns.get((offset + i) % columns.size());
                String key = col[0] + "/" + col[1];
                long position = positions.merge(key, CardService.POSITION_STEP, Long::sum);
                String title = Titles.next(col[0], random) + " #" + (offset + i + 1);
                card.setString(1, col[0]);
                card.setString(2, col[1]);
                card.setLong(3, position);
                card.setString(4, title);
                card.setString(5, Priority.values()[random.nextInt(4)].name());
                card.setObject(6, at);
                card.setObject(7, at);
                card.setObject(8, at);
                card.addBatch();
                made[i] = new String[]{col[0], col[1], title};
            }
            card.executeBatch();
            try (ResultSet keys = card.getGeneratedKeys();
                 PreparedStatement audit = c.prepareStatement(
                         "INSERT INTO audit_entry (seq, at, actor, action, workflow_id, card_id, to_state, details, prev_hash, hash) "
                                 + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 0;
                while (keys.next()) {
                    long id = keys.getLong("id");
                    seq++;
                    String details = "title: " + made[i][2] + "\ngenerated for a benchmark";
                    String hash = AuditHash.of(seq, now, "console", AuditAction.CREATED.name(), made[i][0], id, null,
                            made[i][1], null, null, details, prev);
                    audit.setLong(1, seq);
                    audit.setObject(2, at);
                    audit.setString(3, "console");
                    audit.setString(4, AuditAction.CREATED.name());
                    audit.setString(5, made[i][0]);
                    audit.setLong(6, id);
                    audit.setString(7, made[i][1]);
                    audit.setString(8, details);
                    audit.setString(9, prev);
                    audit.setString(10, hash);
                    audit.addBatch();
                    prev = hash;
                    i++;
                }
                if (i != n) {
                    throw new SQLException("expected " + n + " generated keys, got " + i);
                }
                audit.executeBatch();
            }
        }
        try (PreparedStatement head = c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            head.setLong(1, seq);
            head.setString(2, prev);
            head.executeUpdate();
        }
    }

    private static long maxPosition(Connection c, String workflowId, String state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(position), 0) AS last FROM card WHERE workflow_id = ? AND state = ?")) {
            ps.setString(1, workflowId);
            ps.setString(2, state);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong("last");
            }
        }
    }
}
