package network.higherself.console.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.RoleDefaults;
import network.higherself.console.staff.WorkflowRights;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The desktop's side of the sync server: a PostgreSQL database whose schema {@code hsc} only lets desktops call
 * functions (push, pull, the chain's head, the cards and shared rows for a desktop that joins). Every call opens no
 * transaction of its own beyond what it says; a connection that fails is dropped and opened again by the next call.
 * Never used on the JavaFX thread.
 */
public final class SyncServer implements AutoCloseable {

    /** The server schema version this console speaks. */
    public static final int SCHEMA_VERSION = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The session-level advisory lock held by the one desktop that runs the agents. */
    private static final long AGENTS_LOCK = 0x4853_4341_4745_4e54L; // "HSCAGENT"

    private final ServerAddress address;
    private Connection connection;

    public SyncServer(ServerAddress address) {
        this.address = address;
    }

    public ServerAddress address() {
        return address;
    }

    /**
     * Creates or updates the server's schema with Flyway (the server's own migrations, separate from the local
     * ones). Needs a user that may create the schema and the role {@code hsc_desktop}; desktops do not.
     */
    public void migrate() {
        try {
            Flyway.configure()
                    .dataSource(address.url(), address.user(), address.password())
                    .schemas("hsc")
                    .locations("classpath:db/server")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new SyncException(ServerAddress.translate(e), e);
        }
    }

    /** The server schema's version, or 0 when the server has not been set up for the console. */
    public int schemaVersion() {
        return call(c -> {
            try (Statement s = c.createStatement()) {
                ResultSet rs = s.executeQuery("SELECT to_regprocedure('hsc.schema_version()') IS NOT NULL");
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
                rs = s.executeQuery("SELECT hsc.schema_version()");
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /**
     * Stores the workflows' states and transitions on the server, and each role's default rights on them (the set-up
     * user only): the server checks moves against the first and changes of column limits against the second.
     */
    public void defineWorkflows(List<WorkflowDigest.Definition> definitions) {
        ArrayNode array = JSON.createArrayNode();
        definitions.forEach(d -> array.add(d.toJson(JSON)));
        define("SELECT hsc.define_workflows(?::jsonb)", array);
        defineRoles(definitions.stream().map(WorkflowDigest.Definition::id).toList());
    }

    /** Stores each role's default rights on these boards (the set-up user only), as a role's rights row is shared. */
    public void defineRoles(List<String> workflowIds) {
        ArrayNode array = JSON.createArrayNode();
        for (Role role : Role.values()) {
            for (String w : workflowIds) {
                WorkflowRights r = RoleDefaults.defaults(role, w);
                array.addObject().put("role", role.name()).put("workflow_id", w).put("view", r.view())
                        .put("create", r.create()).put("edit", r.edit()).put("events", r.eventsText());
            }
        }
        define("SELECT hsc.define_roles(?::jsonb)", array);
    }

    private void define(String sql, ArrayNode array) {
        call(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, array.toString());
                ps.execute();
            }
            return null;
        });
    }

    /** Each workflow's digest as the server has it. */
    public Map<String, String> workflowDigests() {
        return call(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT workflow_id, digest FROM hsc.workflow_digests()");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** Pushes events in one transaction, in order; the answers in the same order. */
    public List<PushAnswer> push(List<JsonNode> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        ArrayNode array = JSON.createArrayNode();
        events.forEach(array::add);
        return call(c -> {
            JsonNode answers;
            try (PreparedStatement ps = c.prepareStatement("SELECT hsc.push_all(?::jsonb)")) {
                ps.setString(1, array.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    answers = JSON.readTree(rs.getString(1));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException("the server's answer is not JSON", e);
            }
            List<PushAnswer> out = new ArrayList<>(answers.size());
            answers.forEach(a -> out.add(PushAnswer.of(a)));
            return out;
        });
    }

    /** The accepted events after number {@code after}, in the server's order, at most {@code limit}. */
    public List<ServerEvent> pull(long after, int limit) {
        return call(c -> {
            List<ServerEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, body, prev_hash, hash FROM hsc.pull(?, ?)")) {
                ps.setLong(1, after);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ServerEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    /** The chain's head: the number of the last event and its hash. */
    public ServerChain.Head head() {
        return call(SyncServer::head);
    }

    private static ServerChain.Head head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM hsc.head()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new ServerChain.Head(rs.getLong(1), rs.getString(2));
        }
    }

    /** One card as the server holds it. */
    public record ServerCard(UUID uid, String workflowId, String state, long version, String data) {
    }

    /** The server's copy of one card, if it has it. */
    public java.util.Optional<ServerCard> cardCopy(UUID uid) {
        return call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT uid, workflow_id, state, version, data FROM hsc.card_copy(?)")) {
                ps.setObject(1, uid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(new ServerCard(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getString(3), rs.getLong(4), rs.getString(5))) : java.util.Optional.<ServerCard>empty();
                }
            }
        });
    }

    /** A shared row as the server holds it (its data as JSON), if it has it. */
    public java.util.Optional<String> sharedRow(String kind, String key) {
        return call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT hsc.shared_row(?, ?)")) {
                ps.setString(1, kind);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return java.util.Optional.ofNullable(rs.getString(1));
                }
            }
        });
    }

    /** A shared row that is not a card (a staff account, a role's rights, a column limit, a checklist task). */
    public record SharedRow(String kind, String key, String data) {
    }

    /** Everything a joining desktop downloads, as of one head of the chain. */
    public interface SnapshotReader {
        void head(ServerChain.Head head) throws SQLException;

        void cards(List<ServerCard> page) throws SQLException;

        void shared(List<SharedRow> rows) throws SQLException;
    }

    /**
     * Reads the server's cards page by page and its shared rows, all as of one head (one REPEATABLE READ
     * transaction), handing each page to {@code reader} as it arrives.
     */
    public void snapshot(int pageSize, SnapshotReader reader) {
        call(c -> {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                reader.head(head(c));
                UUID after = null;
                while (true) {
                    List<ServerCard> page = new ArrayList<>(pageSize);
                    try (PreparedStatement ps = c.prepareStatement("SELECT uid, workflow_id, state, version, data FROM hsc.cards(?, ?)")) {
                        ps.setObject(1, after);
                        ps.setInt(2, pageSize);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                page.add(new ServerCard(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                        rs.getLong(4), rs.getString(5)));
                            }
                        }
                    }
                    if (page.isEmpty()) {
                        break;
                    }
                    reader.cards(page);
                    after = page.get(page.size() - 1).uid();
                    if (page.size() < pageSize) {
                        break;
                    }
                }
                List<SharedRow> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT kind, key, data FROM hsc.shared_rows()");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new SharedRow(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
                reader.shared(rows);
                c.commit();
            } finally {
                if (!c.isClosed()) {
                    c.rollback();
                    c.setAutoCommit(true);
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
            }
            return null;
        });
    }

    /**
     * Tries to take the agents' lock for this desktop: held by this connection until it closes (or the desktop
     * goes away), so at most one desktop at a time runs the agents. True when this desktop holds it.
     */
    public boolean tryAgentsLock() {
        return call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, AGENTS_LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }

    /** Starts listening for the server's "new events" notices on this connection. */
    public void listen() {
        call(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN hsc_events");
            }
            return null;
        });
    }

    /**
     * Waits up to {@code millis} for a notice that events were accepted (after {@link #listen()}); the highest
     * event number noticed, or -1 when none came.
     */
    public long awaitNotice(int millis) {
        return call(c -> {
            PGNotification[] notices = c.unwrap(PGConnection.class).getNotifications(millis);
            long max = -1;
            if (notices != null) {
                for (PGNotification n : notices) {
                    try {
                        max = Math.max(max, Long.parseLong(n.getParameter()));
                    } catch (NumberFormatException ignored) {
                        max = Math.max(max, 0);
                    }
                }
            }
            return max;
        });
    }

    /** Whether a connection is open (it may still have failed since). */
    public boolean connected() {
        return connection != null;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a connection to a server that is gone: nothing is lost
            }
            connection = null;
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private synchronized <T> T call(Work<T> work) {
        try {
            if (connection == null) {
                connection = open();
            }
            return work.run(connection);
        } catch (SQLException e) {
            if (ServerAddress.isConnectionLost(e)) {
                close();
                throw new ServerUnavailableException(ServerAddress.translate(e, address), e);
            }
            throw new SyncException(ServerAddress.translate(e, address), e);
        }
    }

    private Connection open() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", address.user());
        if (address.password() != null) {
            props.setProperty("password", address.password());
        }
        props.setProperty("ApplicationName", "Higher Self Console");
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "60");
        props.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(address.url(), props);
    }
}
