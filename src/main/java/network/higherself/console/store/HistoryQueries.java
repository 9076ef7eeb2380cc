package network.higherself.console.store;

import network.higherself.console.insight.StateChange;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the charts are drawn from: a board's history of creations and moves as the audit trail holds it, and card titles. */
public final class HistoryQueries {

    private final DataSource dataSource;

    public HistoryQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every creation and move (a move taken back among them) of a board's cards, in the trail's order. */
    public List<StateChange> stateChanges(String workflowId) {
        List<StateChange> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT card_id, at, action, from_state, to_state FROM audit_entry "
                     + "WHERE workflow_id = ? AND action IN ('CREATED', 'MOVED', 'CORRECTED') AND card_id IS NOT NULL "
                     + "AND to_state IS NOT NULL ORDER BY seq")) {
            ps.setString(1, workflowId);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean created = "CREATED".equals(rs.getString("action"));
                    out.add(new StateChange(rs.getLong("card_id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                            created ? null : rs.getString("from_state"), rs.getString("to_state")));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("The board's history could not be read: " + e.getMessage(), e);
        }
        return out;
    }

    /** The titles of the cards with these ids (a card that no longer exists is left out). */
    public Map<Long, String> titles(Collection<Long> cardIds) {
        Map<Long, String> titles = new LinkedHashMap<>();
        if (cardIds.isEmpty()) {
            return titles;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(cardIds.size(), "?"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, title FROM card WHERE id IN (" + marks + ")")) {
            int i = 1;
            for (Long id : cardIds) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    titles.put(rs.getLong("id"), rs.getString("title"));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Card titles could not be read: " + e.getMessage(), e);
        }
        return titles;
    }
}
