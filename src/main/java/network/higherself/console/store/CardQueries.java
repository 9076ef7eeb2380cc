package network.higherself.console.store;

import network.higherself.console.card.Priority;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads columns page by page in position order, with a query the {@code card_column} index serves; never a
 * whole board at once.
 */
public final class CardQueries {

    private static final String COLUMNS =
            "SELECT id, workflow_id, state, position, title, assignee, priority, state_since, version FROM card ";

    private final DataSource dataSource;

    public CardQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The first {@code limit} cards of a column. */
    public List<CardSummary> firstPage(String workflowId, String state, int limit) {
        return query(COLUMNS + "WHERE workflow_id = ? AND state = ? ORDER BY workflow_id, state, position, id LIMIT ?",
                ps -> {
                    ps.setString(1, workflowId);
                    ps.setString(2, state);
                    ps.setInt(3, limit);
                });
    }

    /** The {@code limit} cards that follow {@code after} in its column. */
    public List<CardSummary> pageAfter(CardSummary after, int limit) {
        return query(COLUMNS + "WHERE workflow_id = ? AND state = ? AND (position > ? OR (position = ? AND id > ?)) "
                        + "ORDER BY workflow_id, state, position, id LIMIT ?",
                ps -> {
                    ps.setString(1, after.workflowId());
                    ps.setString(2, after.state());
                    ps.setLong(3, after.position());
                    ps.setLong(4, after.position());
                    ps.setLong(5, after.id());
                    ps.setInt(6, limit);
                });
    }

    /** Cards at {@code offset..offset+limit} of a column, for a virtualized list that jumps. */
    public List<CardSummary> page(String workflowId, String state, long offset, int limit) {
        return query(COLUMNS + "WHERE workflow_id = ? AND state = ? ORDER BY workflow_id, state, position, id LIMIT ? OFFSET ?",
                ps -> {
                    ps.setString(1, workflowId);
                    ps.setString(2, state);
                    ps.setInt(3, limit);
                    ps.setLong(4, offset);
                });
    }

    /** How many cards each state of a workflow holds. */
    public Map<String, Long> countsByState(String workflowId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM card WHERE workflow_id = ? GROUP BY state")) {
            ps.setString(1, workflowId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cards could not be counted: " + e.getMessage(), e);
        }
        return counts;
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<CardSummary> query(String sql, Binder binder) {
        List<CardSummary> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CardSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            rs.getString(6), Priority.valueOf(rs.getString(7)),
                            rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getLong(9)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cards could not be read: " + e.getMessage(), e);
        }
        return out;
    }
}
