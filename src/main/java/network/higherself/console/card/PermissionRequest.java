package network.higherself.console.card;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.StaffMember;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A card of WF-PERM-MGT: a staff member's request for a role or rights. */
@Entity
@DiscriminatorValue(PermissionRequest.WORKFLOW)
public class PermissionRequest extends Card {

    public static final String WORKFLOW = "WF-PERM-MGT";

    /** The event that puts a new request in front of the managers. */
    public static final String LOG_EVENT = "request_logged";
    /** Where a request waits for a manager. */
    public static final String REVIEW_STATE = "manager_review";
    /** A manager's approval (four eyes: never the requester's own). */
    public static final String APPROVE_EVENT = "manager_approved";
    /** A manager sends the request back to its author for more information. */
    public static final String ASK_MORE_EVENT = "additional_info_needed";

    /** The states in which what a request granted is in force. */
    public static final Set<String> IN_FORCE = Set.of("active", "audit", "modification");

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "requester_id")
    private StaffMember requester;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_role", length = 20)
    private Role requestedRole;

    @Column(name = "requested_scopes", length = 500)
    private String requestedScopes;

    @Column(length = 2000)
    private String justification;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reviewer_id")
    private StaffMember reviewer;

    @Enumerated(EnumType.STRING)
    @Column(name = "granted_role", length = 20)
    private Role grantedRole;

    @Column(name = "granted_scopes", length = 500)
    private String grantedScopes;

    protected PermissionRequest() {
    }

    public PermissionRequest(String title) {
        setTitle(title);
    }

    @Override
    public String workflowId() {
        return WORKFLOW;
    }

    @Override
    public String kindLabel() {
        return "permission request";
    }

    @Override
    public Optional<String> guard(String event, GuardContext context) {
        return switch (event) {
            case "manager_approved" -> {
                if (!context.actor().hasRole(Role.MANAGER)) {
                    yield Optional.of("Only a manager can approve a permission request.");
                }
                if (requester != null && requester.getUsername().equals(context.actor().name())) {
                    yield Optional.of("A request cannot be approved by the person who made it: another manager must approve it.");
                }
                yield Optional.empty();
            }
            case "security_cleared" -> context.actor().hasRole(Role.ADMINISTRATOR)
                    ? Optional.empty()
                    : Optional.of("Only an administrator can clear a permission request's security verification.");
            default -> Optional.empty();
        };
    }

    /** Who asks for what and why, and who reviews it, in form order. */
    public static final List<CardField> FIELDS = List.of(
            new CardField("staff_member", "Staff member", FieldType.REFERENCE, true, StaffMember.class,
                    c -> ((PermissionRequest) c).getRequester(),
                    (c, v) -> ((PermissionRequest) c).setRequester((StaffMember) v)),
            new CardField("requested_role", "Requested role", FieldType.CHOICE, false, Role.class,
                    c -> ((PermissionRequest) c).getRequestedRole(),
                    (c, v) -> ((PermissionRequest) c).setRequestedRole((Role) v)),
            new CardField("requested_scopes", "Requested scopes", FieldType.TEXT, false, String.class,
                    c -> ((PermissionRequest) c).getRequestedScopes(),
                    (c, v) -> ((PermissionRequest) c).setRequestedScopes((String) v)),
            new CardField("justification", "Justification", FieldType.LONG_TEXT, false, String.class,
                    c -> ((PermissionRequest) c).getJustification(),
                    (c, v) -> ((PermissionRequest) c).setJustification((String) v)),
            new CardField("reviewer", "Reviewer", FieldType.REFERENCE, false, StaffMember.class,
                    c -> ((PermissionRequest) c).getReviewer(),
                    (c, v) -> ((PermissionRequest) c).setReviewer((StaffMember) v)));

    @Override
    public List<CardField> fields() {
        return FIELDS;
    }

    @Override
    public List<EventInput> inputsFor(String event) {
        return "additional_info_needed".equals(event)
                ? List.of(EventInput.note("What information is needed"))
                : List.of();
    }

    @Override
    protected void validateFields(List<String> problems) {
        Checks.required(problems, "Staff member", requester);
        if (requestedRole == null && (requestedScopes == null || requestedScopes.isBlank())) {
            problems.add("Say what is requested: a role or scopes.");
        }
        Checks.maxLength(problems, "Requested scopes", requestedScopes, 500);
        problems.addAll(network.higherself.console.staff.Scopes.parse(requestedScopes, w -> true, e -> true).problems());
        Checks.maxLength(problems, "Justification", justification, 2000);
    }

    @Override
    protected void describeFields(Map<String, String> fields) {
        fields.put("staff_member", requester == null ? "" : requester.getUsername());
        fields.put("requested_role", Checks.show(requestedRole));
        fields.put("requested_scopes", Checks.show(requestedScopes));
        fields.put("justification", Checks.show(justification));
        fields.put("reviewer", reviewer == null ? "" : reviewer.getUsername());
    }

    /**
     * What the request's events do to the rights it grants: configuring them (or applying changes after an audit)
     * sets up exactly what was asked; revoking them takes them away. They are in force only in {@link #IN_FORCE}.
     */
    @Override
    public void afterTransition(String event) {
        switch (event) {
            case "permissions_configured", "changes_applied" -> {
                grantedRole = requestedRole;
                grantedScopes = requestedScopes;
            }
            case "revocation_requested" -> {
                grantedRole = null;
                grantedScopes = null;
            }
            default -> {
                // other events leave the grant as it is
            }
        }
    }

    public boolean grantInForce() {
        return IN_FORCE.contains(getState()) && (grantedRole != null || grantedScopes != null);
    }

    /** What is granted, in words: "role manager; fire payment_received on WF-WELL-BOOK". */
    public String grantText() {
        String role = grantedRole == null ? "" : "role " + grantedRole.label().toLowerCase();
        String scopes = grantedScopes == null ? "" : grantedScopes;
        return role.isEmpty() ? scopes : scopes.isEmpty() ? role : role + "; " + scopes;
    }

    public Role getGrantedRole() {
        return grantedRole;
    }

    public String getGrantedScopes() {
        return grantedScopes;
    }

    public StaffMember getRequester() {
        return requester;
    }

    public void setRequester(StaffMember requester) {
        this.requester = requester;
    }

    public Role getRequestedRole() {
        return requestedRole;
    }

    public void setRequestedRole(Role requestedRole) {
        this.requestedRole = requestedRole;
    }

    public String getRequestedScopes() {
        return requestedScopes;
    }

    public void setRequestedScopes(String requestedScopes) {
        this.requestedScopes = blankToNull(requestedScopes);
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = blankToNull(justification);
    }

    public StaffMember getReviewer() {
        return reviewer;
    }

    public void setReviewer(StaffMember reviewer) {
        this.reviewer = reviewer;
    }
}
