package network.higherself.console.staff;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rights each role starts with (an administrator can change them): every role sees and works its own boards,
 * and everyone may ask for more through a permission request.
 */
public final class RoleDefaults {

    /** The staff permissions board, where everyone may make (and log) a request of their own. */
    public static final String PERMISSIONS = "WF-PERM-MGT";
    private static final WorkflowRights ASK = new WorkflowRights(true, true, true, false, Set.of("request_logged"));

    private static final Map<Role, List<String>> OWN_BOARDS = Map.of(
            Role.GALLERY_STAFF, List.of("WF-GALLERY-EXH"),
            Role.FRONT_DESK, List.of("WF-WELL-BOOK"),
            Role.CONSULTANT, List.of("WF-CONSULT"),
            Role.MARKETING, List.of("WF-MKTG-CAMP", "WF-CONT-CYCLE", "WF-SFTR-PUB"));

    private static final Map<Role, List<String>> SEEN_BOARDS = Map.of(
            Role.GALLERY_STAFF, List.of("WF-CONT-CYCLE", "WF-MKTG-CAMP"),
            Role.FRONT_DESK, List.of("WF-AGT-COMM"),
            Role.CONSULTANT, List.of("WF-MKTG-CAMP"),
            Role.MARKETING, List.of("WF-GALLERY-EXH", "WF-AGT-COMM"));

    /** Manager events on the permissions board: reviewing requests, not clearing their security. */
    private static final Set<String> MANAGER_PERMISSION_EVENTS = Set.of("request_logged", "additional_info_needed",
            "manager_approved", "permissions_configured", "notification_sent", "training_completed", "audit_scheduled",
            "audit_passed", "changes_needed", "changes_applied", "revocation_requested");

    private RoleDefaults() {
    }

    public static Rights of(Role role, List<String> workflowIds) {
        Rights r = Rights.NONE;
        for (String w : workflowIds) {
            r = r.with(w, defaults(role, w));
        }
        return r;
    }

    public static WorkflowRights defaults(Role role, String workflowId) {
        switch (role) {
            case ADMINISTRATOR:
                return WorkflowRights.FULL;
            case MANAGER:
                return workflowId.equals(PERMISSIONS)
                        ? new WorkflowRights(true, true, true, false, MANAGER_PERMISSION_EVENTS)
                        : WorkflowRights.FULL;
            default:
                if (workflowId.equals(PERMISSIONS)) {
                    return ASK;
                }
                if (OWN_BOARDS.getOrDefault(role, List.of()).contains(workflowId)) {
                    return WorkflowRights.FULL;
                }
                if (SEEN_BOARDS.getOrDefault(role, List.of()).contains(workflowId)) {
                    return WorkflowRights.VIEW;
                }
                return WorkflowRights.NONE;
        }
    }
}
