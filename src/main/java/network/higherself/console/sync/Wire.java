package network.higherself.console.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import network.higherself.console.card.CardField;
import network.higherself.console.card.CardKind;
import network.higherself.console.card.Reference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A change's field values between this desktop's ids and what means the same on every desktop. Local ids differ
 * from desktop to desktop, so on the server a card is named by its uid, a staff member by their user name, and a
 * client, artist, service, practitioner, segment or channel by its name together with its row (without its id),
 * so a desktop that lacks it adds it. A staff account never travels with a card (no password hash in an event):
 * a staff member this desktop does not have leaves the field empty here.
 * <pre>{@code
 * {"client": {"name": "Mira Okafor", "row": {"email": "mira@example.org", "phone": null}},
 *  "assignee": {"name": "theo"}, "campaign": {"card": "7f0c…"},
 *  "artworks": [{"artist": {"name": "…", "row": {…}}, "title": "…", "status": "SELECTED"}]}
 * }</pre>
 * Works on the caller's connection and transaction.
 */
final class Wire {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Connection connection;
    private final List<String> added = new ArrayList<>();

    Wire(Connection connection) {
        this.connection = connection;
    }

    /** What this desktop added to take values in (a client it did not have...), as sentences for the audit trail. */
    List<String> added() {
        return added;
    }

    // ------------------------------------------------------------------ out: local ids to names and uids

    /** A "fields" object with local ids (as {@code ChangeJson} writes it) as every desktop reads it. */
    ObjectNode portable(CardKind kind, JsonNode fields) throws SQLException {
        ObjectNode out = NODES.objectNode();
        for (var it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            CardField<?> field = field(kind, e.getKey());
            out.set(e.getKey(), portableValue(field, e.getValue()));
        }
        return out;
    }

    private JsonNode portableValue(CardField<?> field, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            return NODES.nullNode();
        }
        switch (field.type()) {
            case REFERENCE:
                return reference(field.reference().orElseThrow(), value.asLong());
            case REFERENCES: {
                ArrayNode out = NODES.arrayNode();
                for (JsonNode id : value) {
                    out.add(reference(field.reference().orElseThrow(), id.asLong()));
                }
                return out;
            }
            case ARTWORKS: {
                ArrayNode out = NODES.arrayNode();
                for (JsonNode a : value) {
                    ObjectNode row = out.addObject();
                    row.set("artist", a.path("artist").isIntegralNumber()
                            ? reference(Reference.ARTIST, a.path("artist").asLong()) : NODES.nullNode());
                    row.set("title", a.path("title"));
                    row.set("status", a.path("status"));
                }
                return out;
            }
            default:
                return value.deepCopy();
        }
    }

    /** A card by its uid (null: none), for a reorder's neighbours. */
    JsonNode cardUid(Long localId) throws SQLException {
        if (localId == null) {
            return NODES.nullNode();
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT uid FROM card WHERE id = ?")) {
            ps.setLong(1, localId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? NODES.textNode(rs.getObject(1, UUID.class).toString()) : NODES.nullNode();
            }
        }
    }

    private JsonNode reference(Reference<?> ref, long id) throws SQLException {
        if (ref.equals(Reference.CAMPAIGN)) {
            ObjectNode o = NODES.objectNode();
            o.set("card", cardUid(id));
            return o;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM " + ref.table() + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return NODES.nullNode();
                }
                ObjectNode o = NODES.objectNode();
                o.put("name", rs.getString(ref.nameColumn()));
                if (!ref.equals(Reference.STAFF)) { // never an account's hash or lock-out in an event
                    ObjectNode row = o.putObject("row");
                    ResultSetMetaData meta = rs.getMetaData();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                        if (!column.equals("id") && !column.equals(ref.nameColumn()) && !column.equals("uid")) {
                            row.put(column, rs.getString(i));
                        }
                    }
                }
                return o;
            }
        }
    }

    // ------------------------------------------------------------------ in: names and uids to local ids

    /** A "fields" object as every desktop reads it, with this desktop's ids (as {@code ChangeJson} reads it). */
    ObjectNode local(CardKind kind, JsonNode fields) throws SQLException {
        ObjectNode out = NODES.objectNode();
        for (var it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            CardField<?> field = field(kind, e.getKey());
            out.set(e.getKey(), localValue(field, e.getValue()));
        }
        return out;
    }

    private JsonNode localValue(CardField<?> field, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            return NODES.nullNode();
        }
        switch (field.type()) {
            case REFERENCE: {
                Long id = localId(field.reference().orElseThrow(), value);
                return id == null ? NODES.nullNode() : NODES.numberNode(id);
            }
            case REFERENCES: {
                ArrayNode out = NODES.arrayNode();
                for (JsonNode r : value) {
                    Long id = localId(field.reference().orElseThrow(), r);
                    if (id != null) {
                        out.add(id);
                    }
                }
                return out;
            }
            case ARTWORKS: {
                ArrayNode out = NODES.arrayNode();
                for (JsonNode a : value) {
                    ObjectNode row = out.addObject();
                    row.putNull("id");
                    Long artist = localId(Reference.ARTIST, a.path("artist"));
                    if (artist == null) {
                        row.putNull("artist");
                    } else {
                        row.put("artist", artist);
                    }
                    row.set("title", a.path("title"));
                    row.set("status", a.path("status"));
                }
                return out;
            }
            default:
                return value.deepCopy();
        }
    }

    /** This desktop's id of a card by uid, or null when it has no such card. */
    Long localCard(String uid) throws SQLException {
        if (uid == null) {
            return null;
        }
        UUID u;
        try {
            u = UUID.fromString(uid);
        } catch (IllegalArgumentException e) {
            return null;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM card WHERE uid = ?")) {
            ps.setObject(1, u);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private Long localId(Reference<?> ref, JsonNode r) throws SQLException {
        if (r == null || r.isNull() || r.isMissingNode()) {
            return null;
        }
        if (ref.equals(Reference.CAMPAIGN)) {
            return localCard(r.path("card").isTextual() ? r.path("card").asText() : null);
        }
        String name = r.path("name").asText(null);
        if (name == null) {
            return null;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id FROM " + ref.table() + " WHERE " + ref.nameColumn() + " = ? ORDER BY id FETCH FIRST ROW ONLY")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        if (ref.equals(Reference.STAFF) || !r.path("row").isObject()) {
            return null; // accounts travel on their own, never inside a card's values
        }
        return add(ref, name, r.path("row"));
    }

    /** Adds a row the other desktop named (only columns this desktop's table has, never its id). */
    private Long add(Reference<?> ref, String name, JsonNode row) throws SQLException {
        Set<String> columns = columns(ref.table());
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        names.add(ref.nameColumn());
        values.add(name);
        for (var it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String column = e.getKey().toLowerCase(Locale.ROOT);
            if (columns.contains(column) && !column.equals("id") && !names.contains(column)) {
                names.add(column);
                values.add(e.getValue().isNull() ? null : e.getValue().asText());
            }
        }
        String sql = "INSERT INTO " + ref.table() + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
        try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setString(i + 1, values.get(i));
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                added.add(ref.type().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                        + " '" + name + "' added from the server");
                return keys.getLong(1);
            }
        }
    }

    private Set<String> columns(String table) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, null, table.toUpperCase(Locale.ROOT), null)) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static CardField<?> field(CardKind kind, String key) {
        return kind.field(key).orElseThrow(() -> new IllegalArgumentException(
                "a " + kind.label().toLowerCase(Locale.ROOT) + " has no field '" + key + "'"));
    }
}
