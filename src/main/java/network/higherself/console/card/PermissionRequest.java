package network.higherself.console.card;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.Scopes;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.workflow.Labels;

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

    /** Where a request is made, and where it comes back when a manager asks for more: only its requester edits it here. */
    public static final String RECEIVED_STATE = "request_received";
    /** The event that puts a new request in front of the managers. */
    public static final String LOG_EVENT = "request_logged";
    /** Where a request waits for a manager. */
    public static final String REVIEW_STATE = "manager_review";
    /** A manager's approval (four eyes: never the requester's own). */
    public static final String APPROVE_EVENT = "manager_approved";
    /** A manager sends the request back to its author for more information. */
    public static final String ASK_MORE_EVENT = "additional_info_needed";
    /** An administrator's clearance of what the manager approved. */
    public static final String CLEAR_EVENT = "security_cleared";
    /** The events that put what was approved in force. */
    public static final Set<String> GRANT_EVENTS = Set.of("permissions_configured", "changes_applied");
    /** The event that takes the grant away. */
    public static final String REVOKE_EVENT = "revocation_requested";

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

    /** The fields that decide what a request grants, and to whom: fixed once the request is logged for review. */
    public static final List<CardField<?>> GRANT_FIELDS = List.of(STAFF_MEMBER, REQUESTED_ROLE, REQUESTED_SCOPES);

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

    // what the manager approved (manager_approved) and what the administrator cleared (security_cleared), as they
    // were then: the grant applies exactly this, and refuses when the request no longer says the same
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "approved_requester_id")
    private StaffMember approvedRequester;

    @Enumerated(EnumType.STRING)
    @Column(name = "approved_role", length = 20)
    private Role approvedRole;

    @Column(name = "approved_scopes", length = 500)
    private String approvedScopes;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "cleared_requester_id")
    private StaffMember clearedRequester;

    @Enumerated(EnumType.STRING)
    @Column(name = "cleared_role", length = 20)
    private Role clearedRole;

    @Column(name = "cleared_scopes", length = 500)
    private String clearedScopes;

    @Override
    public Optional<String> guard(String event, GuardContext context) {
        return switch (event) {
            case APPROVE_EVENT -> {
                if (!context.actor().hasRole(Role.MANAGER)) {
                    yield Optional.of("Only a manager can approve a permission request.");
                }
                if (requester != null && requester.getUsername().equals(context.actor().name())) {
                    yield Optional.of("A request cannot be approved by the person who made it: another manager must approve it.");
                }
                yield Optional.empty();
            }
            case CLEAR_EVENT -> context.actor().hasRole(Role.ADMINISTRATOR)
                    ? differs(approved(), "the manager approved", "cleared")
                    : Optional.of("Only an administrator can clear a permission request's security verification.");
            case "permissions_configured", "changes_applied" -> differs(approved(), "the manager approved", "granted")
                    .or(() -> differs(cleared(), "the administrator cleared", "granted"));
            default -> Optional.empty();
        };
    }

    /** What a request asks, or an approval recorded: to whom, which role, which scopes. */
    private record Grant(StaffMember requester, Role role, String scopes) {

        boolean present() {
            return requester != null;
        }

        /** The first of the three that differs from {@code other}'s, as "Label: approved 'x', now 'y'". */
        Optional<String> difference(Grant now, String approvedBy) {
            if (!sameMember(requester, now.requester)) {
                return Optional.of(STAFF_MEMBER.label() + ": " + approvedBy + " '" + STAFF_MEMBER.display(requester)
                        + "', the request now says '" + STAFF_MEMBER.display(now.requester) + "'");
            }
            if (role != now.role) {
                return Optional.of(REQUESTED_ROLE.label() + ": " + approvedBy + " '" + roleText(role)
                        + "', the request now says '" + roleText(now.role) + "'");
            }
            if (!java.util.Objects.equals(scopes, now.scopes)) {
                return Optional.of(REQUESTED_SCOPES.label() + ": " + approvedBy + " '" + shown(scopes)
                        + "', the request now says '" + shown(now.scopes) + "'");
            }
            return Optional.empty();
        }

        private static boolean sameMember(StaffMember a, StaffMember b) {
            return a == null ? b == null : b != null && a.getId().equals(b.getId());
        }

        private static String roleText(Role r) {
            return r == null ? "none" : r.label();
        }

        private static String shown(String scopes) {
            return scopes == null ? "" : network.higherself.console.workflow.Identifier.brief(scopes);
        }
    }

    private Grant asked() {
        return new Grant(requester, requestedRole, requestedScopes);
    }

    private Grant approved() {
        return new Grant(approvedRequester, approvedRole, approvedScopes);
    }

    private Grant cleared() {
        return new Grant(clearedRequester, clearedRole, clearedScopes);
    }

    /**
     * Why what the request asks now cannot be {@code verb} ("cleared", "granted"): there is no such approval, or it
     * recorded something else; empty when the request says exactly what was approved.
     */
    private Optional<String> differs(Grant approval, String approvedBy, String verb) {
        if (!approval.present()) {
            return Optional.of("This request has no record of what " + approvedBy + ", so nothing can be " + verb
                    + ": it has to be approved and cleared again, as a new request.");
        }
        return approval.difference(asked(), approvedBy).map(d -> "This request no longer says what " + approvedBy
                + " (" + d + "), so nothing can be " + verb + ". Make a new request for what is needed.");
    }

    // ------------------------------------------------------------------ whose request it is

    @Override
    public String owner() {
        return requester == null ? null : requester.getUsername();
    }

    /**
     * Only the requester, a manager or an administrator moves someone else's request, and only the requester logs
     * it for review. An agent acts within the states its definition gives it (the rights already say so), and the
     * console itself (its timed audit) may act on any request.
     */
    @Override
    public Optional<String> refuseFire(String event, Actor actor) {
        if (actor.kind() != Actor.Kind.STAFF || actor.name().equals(owner())) {
            return Optional.empty();
        }
        String whose = whose(owner());
        if (LOG_EVENT.equals(event)) {
            return Optional.of("Only " + (owner() == null ? "the person who asks" : owner()) + " can send this request "
                    + "for review ('" + Labels.humanize(event) + "'): a request is sent by the person who makes it.");
        }
        if (!actor.hasRole(Role.MANAGER) && !actor.hasRole(Role.ADMINISTRATOR)) {
            return Optional.of(actor.name() + " may not move " + whose + " permission request ('" + Labels.humanize(event)
                    + "'): only " + (owner() == null ? "its requester" : owner()) + ", a manager or an administrator may.");
        }
        return Optional.empty();
    }

    /**
     * What decides a grant (requester, requested role and scopes, {@link #GRANT_FIELDS}) is fixed once the request
     * is sent for review, for everyone; only a manager's "additional information needed" opens it again (and
     * clears its approvals). Before review only the requester changes their request; after, the requester, a
     * manager or an administrator may change its other fields. A person makes requests in their own name only.
     */
    @Override
    public Optional<String> refuseChange(Actor actor, String stateBefore, String ownerBefore, Set<CardField<?>> changed) {
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        if (stateBefore == null) {
            return actor.kind() == Actor.Kind.SYSTEM || actor.name().equals(owner()) ? Optional.empty()
                    : Optional.of("A permission request is made by the person who asks: " + actor.name() + " cannot ask in "
                    + whose(owner()) + " name. " + (owner() == null ? "Choose yourself as the staff member."
                    : owner() + " can ask with \"Ask for access\u2026\"."));
        }
        String whose = whose(ownerBefore);
        List<String> grant = GRANT_FIELDS.stream().filter(changed::contains).map(f -> f.label().toLowerCase()).toList();
        if (!RECEIVED_STATE.equals(stateBefore) && !grant.isEmpty()) {
            return Optional.of("The " + Labels.andList(grant) + " of a permission request cannot "
                    + "change once it is sent for review: a manager can send it back with '" + Labels.humanize(ASK_MORE_EVENT)
                    + "' (which clears its approvals), or a new request can be made.");
        }
        if (actor.kind() != Actor.Kind.STAFF) { // the console's own steps, and agents within their states
            return Optional.empty();
        }
        if (changed.contains(STAFF_MEMBER)) {
            return Optional.of("A permission request stays in the name of the person who made it"
                    + (ownerBefore == null ? "" : " (" + ownerBefore + ")") + ": a request for someone else is made by them.");
        }
        boolean own = actor.name().equals(ownerBefore);
        if (RECEIVED_STATE.equals(stateBefore) && !own) {
            return Optional.of("Only " + (ownerBefore == null ? "its requester" : ownerBefore) + " can change " + whose
                    + " request before it is reviewed.");
        }
        if (!own && !actor.hasRole(Role.MANAGER) && !actor.hasRole(Role.ADMINISTRATOR)) {
            return Optional.of(actor.name() + " may not change " + whose + " permission request: only "
                    + (ownerBefore == null ? "its requester" : ownerBefore) + ", a manager or an administrator may.");
        }
        return Optional.empty();
    }

    private static String whose(String owner) {
        return owner == null ? "someone else's" : owner + "'s";
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

    @Override
    public Optional<String> refuseCorrection() {
        return Optional.of("A permission request's steps record approvals and grants, which cannot be taken back: use its "
                + "own events instead (ask for more information, or request a revocation).");
    }

    /**
     * What the request's events do to the rights it grants: configuring them (or applying changes after an audit)
     * sets up exactly what was asked; revoking them takes them away. They are in force only in {@link #IN_FORCE}.
     */
    @Override
    public void afterTransition(String event) {
        switch (event) {
            case LOG_EVENT, ASK_MORE_EVENT -> { // (re)submitted or sent back: no approval stands
                approvedRequester = null;
                approvedRole = null;
                approvedScopes = null;
                clearedRequester = null;
                clearedRole = null;
                clearedScopes = null;
            }
            case APPROVE_EVENT -> {
                approvedRequester = requester;
                approvedRole = requestedRole;
                approvedScopes = requestedScopes;
            }
            case CLEAR_EVENT -> {
                clearedRequester = requester;
                clearedRole = requestedRole;
                clearedScopes = requestedScopes;
            }
            case "permissions_configured", "changes_applied" -> { // the guard has checked that all three agree
                grantedRole = approvedRole;
                grantedScopes = approvedScopes;
            }
            case REVOKE_EVENT -> {
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

    /** A grant of {@code role} and {@code scopes} in words, as the audit trail's PERMISSION_GRANTED entries say it. */
    public static String grantText(Role role, String scopes) {
        String r = role == null ? "" : "role " + role.label().toLowerCase();
        String s = scopes == null ? "" : scopes;
        return r.isEmpty() ? s : s.isEmpty() ? r : r + "; " + s;
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
