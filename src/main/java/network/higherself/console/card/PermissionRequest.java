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
import network.higherself.console.staff.Scopes;
import network.higherself.console.staff.StaffMember;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static network.higherself.console.card.FieldOption.column;
import static network.higherself.console.card.FieldOption.required;
import static network.higherself.console.card.FieldOption.searchable;
import static network.higherself.console.card.FieldType.LONG_TEXT;
import static network.higherself.console.card.Face.show;

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

    private static final FieldList<PermissionRequest> FIELDS = new FieldList<>(PermissionRequest.class);
    // who asks for what and why, and who reviews it, in form order
    public static final CardField<StaffMember> STAFF_MEMBER = FIELDS.reference("staff_member", "Staff member",
            Reference.STAFF, p -> p.requester, (p, v) -> p.requester = v, column("requester_id"), required());
    public static final CardField<Role> REQUESTED_ROLE = FIELDS.choice("requested_role", "Requested role", Role.class,
            p -> p.requestedRole, (p, v) -> p.requestedRole = v);
    public static final CardField<String> REQUESTED_SCOPES = FIELDS.text("requested_scopes", "Requested scopes",
            p -> p.requestedScopes, (p, v) -> p.requestedScopes = v, searchable());
    public static final CardField<String> JUSTIFICATION = FIELDS.value("justification", "Justification", LONG_TEXT,
            String.class, p -> p.justification, (p, v) -> p.justification = v);
    public static final CardField<StaffMember> REVIEWER = FIELDS.reference("reviewer", "Reviewer", Reference.STAFF,
            p -> p.reviewer, (p, v) -> p.reviewer = v);

    static final CardKind KIND = new CardKind(WORKFLOW, "permission request", PermissionRequest::new, FIELDS,
            Face.of(show(STAFF_MEMBER), show(REQUESTED_ROLE, REQUESTED_SCOPES,
                    (role, scopes) -> role != null ? "role: " + Face.words(role) : scopes)));

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

    @Override
    public List<EventInput> inputsFor(String event) {
        return "additional_info_needed".equals(event)
                ? List.of(EventInput.note("What information is needed"))
                : List.of();
    }

    @Override
    protected void checkKind(List<FieldProblem> problems) {
        if (requestedRole == null && (requestedScopes == null || requestedScopes.isBlank())) {
            problems.add(FieldProblem.general("Say what is requested: a role or scopes."));
        }
        Scopes.parse(requestedScopes, w -> true, e -> true).problems().forEach(p -> problems.add(FieldProblem.general(p)));
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
        return grantText(grantedRole, grantedScopes);
    }

    /** What a grant of {@code role} and {@code scopes} (either may be null) is, in words. */
    public static String grantText(Role grantedRole, String grantedScopes) {
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
}
