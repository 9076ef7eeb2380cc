package network.higherself.console.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import network.higherself.console.audit.AccountEntry;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditRecord;
import network.higherself.console.audit.AuditTrail;
import network.higherself.console.audit.ColumnLimitEntry;
import network.higherself.console.audit.RoleRightsEntry;
import network.higherself.console.staff.Role;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rows every desktop shares that are not cards: staff accounts (with their password hashes and locks), what a
 * role may do on a board, and column limits. A change of one here puts its kind and key in the outbox (in the
 * change's transaction); what is pushed is the row as it is then, as JSON; the server keeps the last one in its
 * order ({@code hsc.shared}) and every desktop sets its row to it, with an audit entry that says what it now is, so
 * {@code verify-audit}'s replay reaches the same tables. A joining desktop takes them all first.
 * <p>
 * Which of two desktops' changes of the same row stands: the later in the server's order (a row has no history to
 * merge). A row arriving with values this console cannot hold (an unknown role, board or column, a user name that is
 * not one) is not written; the event is skipped with a line in the log.
 */
public final class SharedRows {

    public static final String ACCOUNT = "account";
    public static final String ROLE_RIGHTS = "role_rights";
    public static final String COLUMN_LIMIT = "column_limit";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");

    private SharedRows() {
    }

    /** The key of a role's rights on a board. */
    public static String rightsKey(String role, String workflowId) {
        return role + "/" + workflowId;
    }

    /** The key of a column's limit. */
    public static String limitKey(String workflowId, String state) {
        return workflowId + "/" + state;
    }

    /** The row as it is now, as the server keeps it; null when there is none (a limit removed). */
    static ObjectNode read(Connection c, String kind, String key) throws SQLException {
        switch (kind) {
            case ACCOUNT -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT username, display_name, role, email, password_hash, "
                        + "password_salt, password_iterations, failed_attempts, locked_until FROM staff_member WHERE username = ?")) {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return null;
                        }
                        ObjectNode o = JSON.createObjectNode();
                        o.put("username", rs.getString(1));
                        o.put("display_name", rs.getString(2));
                        o.put("role", rs.getString(3));
                        o.put("email", rs.getString(4));
                        o.put("password_hash", rs.getString(5));
                        o.put("password_salt", rs.getString(6));
                        int iterations = rs.getInt(7);
                        if (!rs.wasNull()) {
                            o.put("password_iterations", iterations);
                        }
                        o.put("failed_attempts", rs.getInt(8));
                        OffsetDateTime locked = rs.getObject(9, OffsetDateTime.class);
                        o.put("locked_until", locked == null ? null : locked.toInstant().toString());
                        return o;
                    }
                }
            }
            case ROLE_RIGHTS -> {
                String[] k = split(key);
                try (PreparedStatement ps = c.prepareStatement("SELECT can_view, can_create, can_edit, events FROM role_right "
                        + "WHERE role = ? AND workflow_id = ?")) {
                    ps.setString(1, k[0]);
                    ps.setString(2, k[1]);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return null;
                        }
                        ObjectNode o = JSON.createObjectNode();
                        o.put("role", k[0]);
                        o.put("workflow_id", k[1]);
                        o.put("view", rs.getBoolean(1));
                        o.put("create", rs.getBoolean(2));
                        o.put("edit", rs.getBoolean(3));
                        o.put("events", rs.getString(4));
                        return o;
                    }
                }
            }
            case COLUMN_LIMIT -> {
                String[] k = split(key);
                try (PreparedStatement ps = c.prepareStatement("SELECT max_cards, hard FROM column_limit WHERE workflow_id = ? "
                        + "AND state = ?")) {
                    ps.setString(1, k[0]);
                    ps.setString(2, k[1]);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return null;
                        }
                        ObjectNode o = JSON.createObjectNode();
                        o.put("workflow_id", k[0]);
                        o.put("state", k[1]);
                        o.put("max_cards", rs.getInt(1));
                        o.put("hard", rs.getBoolean(2));
                        return o;
                    }
                }
            }
            default -> throw new IllegalArgumentException("no shared row of kind " + kind);
        }
    }

    /** Every shared row of this desktop, as kind and key (a new server gets them all). */
    static List<String[]> all(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT username FROM staff_member ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new String[]{ACCOUNT, rs.getString(1)});
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT role, workflow_id FROM role_right ORDER BY role, workflow_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new String[]{ROLE_RIGHTS, rightsKey(rs.getString(1), rs.getString(2))});
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT workflow_id, state FROM column_limit ORDER BY workflow_id, state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new String[]{COLUMN_LIMIT, limitKey(rs.getString(1), rs.getString(2))});
            }
        }
        return out;
    }

    /**
     * Sets the row here to what the server has ({@code data} null: there is none) and appends the audit entry that
     * says what it now is, by {@code actor} at {@code desk}. Nothing is written when the row cannot be held here.
     *
     * @return empty when written, else why not
     */
    static Optional<String> apply(Connection c, AuditTrail audit, WorkflowCatalog workflows, Instant at, String actor,
                                  String desk, String kind, String key, JsonNode data) throws SQLException {
        String from = " (from " + (desk == null || desk.isBlank() ? "another desktop" : desk) + ")";
        switch (kind) {
            case ACCOUNT -> {
                if (data == null || data.isNull()) {
                    return Optional.of("an account is never removed by sync");
                }
                String username = text(data, "username", 60);
                Optional<Role> role = role(text(data, "role", 20));
                if (username == null || !USERNAME.matcher(username).matches() || !username.equals(key) || role.isEmpty()) {
                    return Optional.of("the account '" + key + "' has no valid user name or role");
                }
                String name = text(data, "display_name", 120);
                Instant locked = instant(data.path("locked_until").asText(null));
                int failed = Math.max(0, Math.min(data.path("failed_attempts").asInt(0), 1000));
                boolean exists;
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM staff_member WHERE username = ?")) {
                    ps.setString(1, username);
                    try (ResultSet rs = ps.executeQuery()) {
                        exists = rs.next();
                    }
                }
                String sql = exists
                        ? "UPDATE staff_member SET display_name = ?, role = ?, email = ?, password_hash = ?, password_salt = ?, "
                        + "password_iterations = ?, failed_attempts = ?, locked_until = ? WHERE username = ?"
                        : "INSERT INTO staff_member (display_name, role, email, password_hash, password_salt, password_iterations, "
                        + "failed_attempts, locked_until, username, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, name == null ? username : name);
                    ps.setString(2, role.get().name());
                    ps.setString(3, text(data, "email", 200));
                    ps.setString(4, text(data, "password_hash", 128));
                    ps.setString(5, text(data, "password_salt", 64));
                    if (data.path("password_iterations").canConvertToInt()) {
                        ps.setInt(6, data.path("password_iterations").asInt());
                    } else {
                        ps.setNull(6, Types.INTEGER);
                    }
                    ps.setInt(7, failed);
                    ps.setObject(8, locked == null ? null : OffsetDateTime.ofInstant(locked, ZoneOffset.UTC));
                    ps.setString(9, username);
                    if (!exists) {
                        ps.setObject(10, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    }
                    ps.executeUpdate();
                }
                audit.append(c, new AuditRecord(at, actor, AuditAction.ACCOUNT_COPY, null, null, null, null, null,
                        (exists ? "account " : "account added: ") + username + from,
                        AccountEntry.copy(username, role.get().name(), failed, locked)));
                return Optional.empty();
            }
            case ROLE_RIGHTS -> {
                String[] k = split(key);
                Optional<Role> role = role(k[0]);
                Optional<Workflow> workflow = workflows.find(k[1]);
                if (role.isEmpty() || workflow.isEmpty() || data == null || data.isNull()) {
                    return Optional.of("the rights '" + key + "' name no role and board of this console");
                }
                String events = text(data, "events", 2000);
                if (events == null) {
                    return Optional.of("the rights '" + key + "' have no events");
                }
                RoleRightsEntry entry = new RoleRightsEntry(role.get().name(), k[1], data.path("view").asBoolean(),
                        data.path("create").asBoolean(), data.path("edit").asBoolean(), events);
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM role_right WHERE role = ? AND workflow_id = ?")) {
                    ps.setString(1, k[0]);
                    ps.setString(2, k[1]);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO role_right (role, workflow_id, can_view, can_create, "
                        + "can_edit, events) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, entry.role());
                    ps.setString(2, entry.workflowId());
                    ps.setBoolean(3, entry.view());
                    ps.setBoolean(4, entry.create());
                    ps.setBoolean(5, entry.edit());
                    ps.setString(6, entry.events());
                    ps.executeUpdate();
                }
                audit.append(c, new AuditRecord(at, actor, AuditAction.ROLE_RIGHTS_CHANGED, k[1], null, null, null, null,
                        role.get().label() + " on " + workflow.get().board() + from, entry.format()));
                return Optional.empty();
            }
            case COLUMN_LIMIT -> {
                String[] k = split(key);
                Optional<Workflow> workflow = workflows.find(k[0]);
                if (workflow.isEmpty() || !workflow.get().hasState(k[1])) {
                    return Optional.of("the limit '" + key + "' names no column of this console");
                }
                Integer max = data == null || data.isNull() ? null : data.path("max_cards").asInt(0);
                if (max != null && max <= 0) {
                    return Optional.of("the limit '" + key + "' is not a number of cards");
                }
                ColumnLimitEntry entry = new ColumnLimitEntry(k[0], k[1], max, max != null && data.path("hard").asBoolean());
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM column_limit WHERE workflow_id = ? AND state = ?")) {
                    ps.setString(1, k[0]);
                    ps.setString(2, k[1]);
                    ps.executeUpdate();
                }
                if (max != null) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO column_limit (workflow_id, state, max_cards, hard) "
                            + "VALUES (?, ?, ?, ?)")) {
                        ps.setString(1, k[0]);
                        ps.setString(2, k[1]);
                        ps.setInt(3, max);
                        ps.setBoolean(4, entry.hard());
                        ps.executeUpdate();
                    }
                }
                audit.append(c, new AuditRecord(at, actor, AuditAction.COLUMN_LIMIT_CHANGED, k[0], null, null, null, null,
                        "limit of " + workflow.get().stateLabel(k[1]) + " on " + workflow.get().board() + from, entry.format()));
                return Optional.empty();
            }
            default -> {
                return Optional.of("this console keeps no shared rows of kind '" + kind + "'");
            }
        }
    }

    private static String[] split(String key) {
        int slash = key == null ? -1 : key.indexOf('/');
        return slash < 0 ? new String[]{String.valueOf(key), ""} : new String[]{key.substring(0, slash), key.substring(slash + 1)};
    }

    private static Optional<Role> role(String name) {
        try {
            return name == null ? Optional.empty() : Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A text value, null when absent; longer than the column holds: null too (not cut). */
    private static String text(JsonNode data, String field, int max) {
        JsonNode v = data.path(field);
        if (!v.isTextual() || v.asText().length() > max) {
            return null;
        }
        return v.asText();
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
