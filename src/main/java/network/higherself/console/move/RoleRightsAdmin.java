package network.higherself.console.move;

import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditRecord;
import network.higherself.console.audit.RoleRightsEntry;
import network.higherself.console.sync.Outbox;
import network.higherself.console.sync.SharedRows;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Rights;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.WorkflowRights;
import network.higherself.console.workflow.Workflow;

import java.sql.PreparedStatement;
import java.util.Objects;

/**
 * What each role may do on each board, as an administrator changes it (the defaults are replaced for that role and
 * board). Beside {@code staff/}, which knows roles and rights, but here because it writes stored data through the
 * enforcement point's transactions. Audited with the row as it is after the change ({@link RoleRightsEntry}), and in
 * words, before and after, in the entry's note.
 */
public final class RoleRightsAdmin {

    private final Outbox outbox = new Outbox();

    private final CardService cards;

    public RoleRightsAdmin(CardService cards) {
        this.cards = Objects.requireNonNull(cards);
    }

    /** What {@code role} may do on every board as of now. */
    public Rights rightsOf(Role role) {
        return cards.rightsOf(Actor.staff("-", role));
    }

    /** Sets what {@code role} may do on one board. Only an administrator (or the console itself) may. */
    public Outcome set(Actor actor, Role role, String workflowId, WorkflowRights rights) {
        Workflow workflow = cards.workflows().get(workflowId);
        if (actor.kind() != Actor.Kind.SYSTEM && !actor.hasRole(Role.ADMINISTRATOR)) {
            return new Outcome.Refused(Outcome.Refusal.NOT_PERMITTED, "Only an administrator can change what a role may do.");
        }
        for (String e : rights.events()) {
            if (!workflow.events().contains(e)) {
                return new Outcome.Refused(Outcome.Refusal.INVALID, workflow.board() + " has no event '" + e + "'. Its events are "
                        + String.join(", ", workflow.events()) + ".");
            }
        }
        return cards.inTransaction(null, session -> {
            WorkflowRights before = cards.access().rightsOf(session, Actor.staff("-", role)).on(workflowId);
            session.doWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM role_right WHERE role = ? AND workflow_id = ?")) {
                    ps.setString(1, role.name());
                    ps.setString(2, workflowId);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO role_right (role, workflow_id, can_view, can_create, "
                        + "can_edit, events) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, role.name());
                    ps.setString(2, workflowId);
                    ps.setBoolean(3, rights.view());
                    ps.setBoolean(4, rights.create());
                    ps.setBoolean(5, rights.edit());
                    ps.setString(6, rights.eventsText());
                    ps.executeUpdate();
                }
            });
            String change = role.label() + " on " + workflow.board() + ": " + before.describe() + " \u2192 " + rights.describe();
            cards.audit().append(session, new AuditRecord(cards.clock().instant(), actor.auditName(),
                    AuditAction.ROLE_RIGHTS_CHANGED, workflowId, null, null, null, null, change,
                    new RoleRightsEntry(role.name(), workflowId, rights.view(), rights.create(), rights.edit(),
                            rights.eventsText()).format()));
            outbox.appendShared(session, cards.clock().instant(), actor.auditName(), SharedRows.ROLE_RIGHTS,
                    SharedRows.rightsKey(role.name(), workflowId));
            String message = role.label() + " on " + workflow.board() + " now: " + rights.describe() + ".";
            return new CardService.Made(true, () -> new Outcome.Done(0, "", 0, message));
        });
    }
}
