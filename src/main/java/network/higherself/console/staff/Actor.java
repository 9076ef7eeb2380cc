package network.higherself.console.staff;

import java.util.Optional;

/**
 * Who does something: a staff member (with a role), an agent (named after its personality where it has one),
 * or the console itself. Named in the audit trail.
 */
public record Actor(String name, Kind kind, Optional<Role> role) {

    public enum Kind { STAFF, AGENT, SYSTEM }

    public static Actor staff(String username, Role role) {
        return new Actor(username, Kind.STAFF, Optional.of(role));
    }

    public static Actor agent(String name) {
        return new Actor(name, Kind.AGENT, Optional.empty());
    }

    public static Actor system() {
        return new Actor("console", Kind.SYSTEM, Optional.empty());
    }

    public boolean hasRole(Role r) {
        return role.filter(r::equals).isPresent();
    }

    /** How the audit trail names the actor: "theo", "agent:Solari", "console". */
    public String auditName() {
        return switch (kind) {
            case STAFF -> name;
            case AGENT -> "agent:" + name;
            case SYSTEM -> name;
        };
    }
}
