package network.higherself.console.ui.access;

import javafx.util.StringConverter;
import network.higherself.console.staff.Role;

/** Roles as people say them ("Front desk"), not as the code names them, in the choosers of the access screens. */
final class RoleNames extends StringConverter<Role> {

    @Override
    public String toString(Role role) {
        return role == null ? "" : role.label();
    }

    @Override
    public Role fromString(String text) {
        for (Role r : Role.values()) {
            if (r.label().equals(text)) {
                return r;
            }
        }
        return null;
    }
}
