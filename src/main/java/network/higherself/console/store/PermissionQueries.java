package network.higherself.console.store;

import network.higherself.console.card.PermissionRequest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Permission requests as the managers' review queue shows them. */
public final class PermissionQueries {

    /** One request waiting for review. */
    public record Waiting(long id, long version, String title, String requester, String requestedRole,
                          String requestedScopes, String justification, Instant since) {
    }

    private final DataSource dataSource;

    public PermissionQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The requests waiting for a manager, oldest first. */
    public List<Waiting> waitingForReview() {
        List<Waiting> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT c.id, c.version, c.title, m.username, c."
                     + PermissionRequest.REQUESTED_ROLE.column() + ", c." + PermissionRequest.REQUESTED_SCOPES.column() + ", c."
                     + PermissionRequest.JUSTIFICATION.column() + ", c.state_since FROM card c "
                     + "LEFT JOIN staff_member m ON m.id = c." + PermissionRequest.STAFF_MEMBER.column()
                     + " WHERE c.workflow_id = ? AND c.state = ? ORDER BY c.state_since, c.id")) {
            ps.setString(1, PermissionRequest.WORKFLOW);
            ps.setString(2, PermissionRequest.REVIEW_STATE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Waiting(rs.getLong("id"), rs.getLong("version"), rs.getString("title"), rs.getString("username"),
                            rs.getString(PermissionRequest.REQUESTED_ROLE.column()),
                            rs.getString(PermissionRequest.REQUESTED_SCOPES.column()),
                            rs.getString(PermissionRequest.JUSTIFICATION.column()),
                            rs.getObject("state_since", OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("The review queue could not be read: " + e.getMessage(), e);
        }
        return out;
    }
}
