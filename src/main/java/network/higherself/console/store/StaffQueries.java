package network.higherself.console.store;

import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the staff list (for choosing who acts, assignees, reviewers). */
public final class StaffQueries {

    /** A staff member as lists show them. */
    public record StaffRow(long id, String username, String displayName, Role role) {
        public Actor asActor() {
            return Actor.staff(username, role);
        }

        @Override
        public String toString() {
            return displayName + " (" + role.label() + ")";
        }
    }

    private final DataSource dataSource;

    public StaffQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<StaffRow> all() {
        List<StaffRow> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, username, display_name, role FROM staff_member ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StaffRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role"))));
            }
        } catch (SQLException e) {
            throw new StoreException("The staff list could not be read: " + e.getMessage(), e);
        }
        return out;
    }
}
