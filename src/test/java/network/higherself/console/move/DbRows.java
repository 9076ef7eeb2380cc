package network.higherself.console.move;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what is really stored, with plain SQL outside Hibernate, so that tests see the database and not a
 * session's cache.
 */
public final class DbRows {

    /** Every table a card change may write to. */
    public static final List<String> WRITTEN_TABLES = List.of("card", "audit_entry", "outbox_event", "artwork",
            "exhibition_artist", "milestone", "campaign_segment", "campaign_channel", "content_channel");

    private final DataSource dataSource;

    public DbRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A card's stored row and the row counts of every table a change may write: equal snapshots mean nothing was written. */
    public record Snapshot(Map<String, Object> card, Map<String, Long> counts) {
    }

    public Snapshot snapshot(long cardId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : WRITTEN_TABLES) {
            counts.put(t, count("SELECT COUNT(*) FROM " + t));
        }
        return new Snapshot(card(cardId), counts);
    }

    public Map<String, Object> card(long id) {
        List<Map<String, Object>> rows = rows("SELECT * FROM card WHERE id = ?", id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public String state(long cardId) {
        return (String) card(cardId).get("STATE");
    }

    public long version(long cardId) {
        return ((Number) card(cardId).get("VERSION")).longValue();
    }

    public long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0).values().iterator().next()).longValue();
    }

    /** The audit entries about one card, oldest first. */
    public List<Map<String, Object>> audit(long cardId) {
        return rows("SELECT * FROM audit_entry WHERE card_id = ? ORDER BY seq", cardId);
    }

    public List<Map<String, Object>> audit(long cardId, String action) {
        return rows("SELECT * FROM audit_entry WHERE card_id = ? AND action = ? ORDER BY seq", cardId, action);
    }

    public List<Map<String, Object>> outbox(long cardId) {
        return rows("SELECT * FROM outbox_event WHERE card_id = ? ORDER BY created_at, kind", cardId);
    }

    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i).toUpperCase(), rs.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public void execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
