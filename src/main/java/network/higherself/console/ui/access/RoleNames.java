package network.higherself.console.ui.access;

import javafx.util.StringConverter;
import network.higherself.console.staff.Role;
import network.higherself.console.workflow.Labels;

/** Roles as people say them ("Front desk"), not as the code names them, in the choosers of the access screens. */
final class RoleNames extends StringConverter<Role> {

    private final String none;

    RoleNames() {
        this("");
    }

    /** {@code none}: what the chooser shows for "no role". */
    RoleNames(String none) {
        this.none = none;
    }

    @Override
    public String toString(Role role) {
        return role == null ? none : role.label();
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

    /** A role as stored (its code name, GALLERY_STAFF) as people say it ("Gallery staff"); any other name in words. */
    static String said(String stored) {
        for (Role r : Role.values()) {
            if (r.name().equals(stored)) {
                return r.label();
            }
        }
        return stored == null ? "" : Labels.humanize(stored.toLowerCase(java.util.Locale.ROOT));
    }
}
