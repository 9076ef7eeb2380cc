package network.higherself.console.move;

import network.higherself.console.card.PermissionRequest;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Rights;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.RoleDefaults;
import network.higherself.console.staff.Scopes;
import network.higherself.console.staff.WorkflowRights;
import network.higherself.console.workflow.AgentResponsibility;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who may do what (Staff Permission Boundaries, Agent Autonomy Boundaries), read inside the caller's transaction
 * so that a right granted or revoked a moment ago counts at once. Staff have their role's rights (the defaults,
 * or what an administrator set) plus what their active permission requests granted; an agent may act only in
 * the states it is responsible for; the console itself may do anything.
 */
public final class AccessControl {

    private final WorkflowCatalog workflows;

    public AccessControl(WorkflowCatalog workflows) {
        this.workflows = workflows;
    }

    /** The actor's rights on every board, as of now. */
    public Rights rightsOf(SessionFactory sessionFactory, Actor actor) {
        return sessionFactory.fromSession(s -> rightsOf(s, actor));
    }

    public Rights rightsOf(Session session, Actor actor) {
        List<String> ids = workflows.all().stream().map(Workflow::id).toList();
        return switch (actor.kind()) {
            case SYSTEM -> RoleDefaults.of(Role.ADMINISTRATOR, ids);
            case AGENT -> agentRights(actor);
            case STAFF -> roleRights(session, actor.role().orElseThrow(), ids).union(granted(session, actor.name(), ids));
        };
    }

    /** Why the actor may not fire {@code t}, if it may not. */
    public Optional<String> checkFire(Session session, Actor actor, Workflow workflow, Transition t) {
        if (actor.kind() == Actor.Kind.AGENT) {
            Set<String> states = agentStates(workflow, actor.name());
            if (!states.contains(t.from())) {
                return Optional.of(actor.name() + " is not responsible for " + workflow.stateLabel(t.from()) + " on "
                        + workflow.board() + (states.isEmpty() ? "" : " (only for " + Labels.andList(labels(workflow, states)) + ")")
                        + ", so it may not fire " + workflow.eventLabel(t.event()) + ".");
            }
            return Optional.empty();
        }
        WorkflowRights r = rightsOn(session, actor, workflow.id(), w -> w.mayFire(t.event()));
        if (!r.mayFire(t.event())) {
            return Optional.of(who(actor) + " may not fire " + workflow.eventLabel(t.event()) + " on " + workflow.board()
                    + ". Ask for the right with a permission request.");
        }
        return Optional.empty();
    }

    public Optional<String> checkCreate(Session session, Actor actor, Workflow workflow) {
        if (actor.kind() == Actor.Kind.AGENT) {
            return agentStates(workflow, actor.name()).contains(workflow.initialState().id()) ? Optional.empty()
                    : Optional.of(actor.name() + " may not create cards on " + workflow.board() + ".");
        }
        return rightsOn(session, actor, workflow.id(), WorkflowRights::create).create() ? Optional.empty()
                : Optional.of(who(actor) + " may not create cards on " + workflow.board()
                + ". Ask for the right with a permission request.");
    }

    public Optional<String> checkEdit(Session session, Actor actor, Workflow workflow, String state) {
        if (actor.kind() == Actor.Kind.AGENT) {
            return agentStates(workflow, actor.name()).contains(state) ? Optional.empty()
                    : Optional.of(actor.name() + " may not edit cards in " + workflow.stateLabel(state) + " on "
                    + workflow.board() + ".");
        }
        return rightsOn(session, actor, workflow.id(), WorkflowRights::edit).edit() ? Optional.empty()
                : Optional.of(who(actor) + " may not edit cards on " + workflow.board()
                + ". Ask for the right with a permission request.");
    }

    /**
     * A person's (or the console's) rights on one board: their role's, and, only when those are not {@code enough}
     * for what they are about to do, what their permission requests in force add. One query where the role suffices.
     */
    private WorkflowRights rightsOn(Session session, Actor actor, String workflowId, Predicate<WorkflowRights> enough) {
        if (actor.kind() == Actor.Kind.SYSTEM) {
            return WorkflowRights.FULL;
        }
        List<String> board = List.of(workflowId);
        WorkflowRights r = roleRights(session, actor.role().orElseThrow(), board).on(workflowId);
        return enough.test(r) ? r : r.union(granted(session, actor.name(), board).on(workflowId));
    }

    /** The labels of {@code states}, in the workflow's order. */
    private static List<String> labels(Workflow workflow, Set<String> states) {
        return workflow.states().stream().filter(s -> states.contains(s.id())).map(State::label).toList();
    }

    private static String who(Actor actor) {
        return actor.name() + actor.role().map(r -> " (" + r.label().toLowerCase() + ")").orElse("");
    }

    private Rights roleRights(Session session, Role role, List<String> ids) {
        Rights defaults = RoleDefaults.of(role, ids);
        return session.doReturningWork(c -> {
            Rights r = defaults;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT workflow_id, can_view, can_create, can_edit, events FROM role_right WHERE role = ?")) {
                ps.setString(1, role.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!ids.contains(rs.getString("workflow_id"))) {
                            continue;
                        }
                        r = r.with(rs.getString("workflow_id"), WorkflowRights.stored(rs.getBoolean("can_view"),
                                rs.getBoolean("can_create"), rs.getBoolean("can_edit"), rs.getString("events")));
                    }
                }
            }
            return r;
        });
    }

    /** What the person's permission requests in force grant them. */
    private Rights granted(Session session, String username, List<String> ids) {
        List<String[]> grants = session.doReturningWork(c -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.state, c.granted_role, c.granted_scopes FROM card c "
                    + "JOIN staff_member m ON m.id = c." + PermissionRequest.STAFF_MEMBER.column()
                    + " WHERE c.workflow_id = ? AND m.username = ? AND (c.granted_role IS NOT NULL OR c.granted_scopes IS NOT NULL)")) {
                ps.setString(1, PermissionRequest.WORKFLOW);
                ps.setString(2, username);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (PermissionRequest.IN_FORCE.contains(rs.getString("state"))) {
                            out.add(new String[]{rs.getString("granted_role"), rs.getString("granted_scopes")});
                        }
                    }
                }
            }
            return out;
        });
        Rights r = Rights.NONE;
        for (String[] g : grants) {
            if (g[0] != null) {
                r = r.union(RoleDefaults.of(Role.valueOf(g[0]), ids));
            }
            r = r.union(Scopes.parse(g[1], w -> workflows.find(w).isPresent(),
                    we -> workflows.find(we.split(" ")[0]).map(w -> w.events().contains(we.split(" ")[1])).orElse(false)).rights());
        }
        return r;
    }

    private Rights agentRights(Actor agent) {
        Rights r = Rights.NONE;
        for (Workflow w : workflows.all()) {
            Set<String> states = agentStates(w, agent.name());
            if (!states.isEmpty()) {
                Set<String> events = new HashSet<>();
                w.transitions().stream().filter(t -> states.contains(t.from())).forEach(t -> events.add(t.event()));
                r = r.with(w.id(), new WorkflowRights(true, states.contains(w.initialState().id()), true, false, events));
            }
        }
        return r;
    }

    /** The states an agent is responsible for on a board: those it manages, and if primary, all no other agent manages. */
    public static Set<String> agentStates(Workflow workflow, String agentName) {
        Set<String> states = new HashSet<>();
        Set<String> claimed = new HashSet<>();
        workflow.agents().forEach(a -> claimed.addAll(a.states()));
        for (AgentResponsibility a : workflow.agents()) {
            boolean me = a.agent().equalsIgnoreCase(agentName) || a.personality().filter(agentName::equalsIgnoreCase).isPresent();
            if (!me) {
                continue;
            }
            states.addAll(a.states());
            if (a.primary()) {
                workflow.states().stream().map(State::id).filter(s -> !claimed.contains(s)).forEach(states::add);
            }
        }
        return states;
    }

}
