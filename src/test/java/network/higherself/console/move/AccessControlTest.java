package network.higherself.console.move;

import network.higherself.console.audit.RoleRightsEntry;
import network.higherself.console.card.AgentMessage;
import network.higherself.console.card.Booking;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.RoleDefaults;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.workflow.AgentResponsibility;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff Permission Boundaries and Agent Autonomy Boundaries, through the enforcement point. */
class AccessControlTest {

    @TempDir
    static Path dir;

    static TestStore store;
    static StaffMember requester;

    @BeforeAll
    static void open() {
        store = new TestStore(dir);
        requester = store.staff("theo", Role.FRONT_DESK);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** A card of the workflow put straight into {@code state} (setup only: the move under test is the point). */
    private static long cardIn(Workflow w, String state) {
        return cardIn(w, state, requester);
    }

    /** The same, a permission request being {@code owner}'s. */
    private static long cardIn(Workflow w, String state, StaffMember owner) {
        return store.cardIn(w, state, owner);
    }

    /** One staff member of each role, "someone-ROLE"; a permission request in the matrix is their own. */
    private static final Map<Role, StaffMember> SOMEONE = new EnumMap<>(Role.class);

    private static synchronized StaffMember someone(Role role) {
        return SOMEONE.computeIfAbsent(role, r -> store.staff("someone-" + r, r));
    }

    /** The rights of each role (on a permission request, its requester's own: someone else's is another test). */
    @TestFactory
    Stream<DynamicTest> everyRoleAndEveryEventOfEveryWorkflow() {
        return store.workflows.all().stream().map(w -> DynamicTest.dynamicTest(w.id(), () -> {
            for (Transition t : w.transitions()) {
                for (Role role : Role.values()) {
                    long id = cardIn(w, t.from(), someone(role));
                    Outcome o = store.service.move(MoveRequest.byEvent(id, t.event(), someone(role).asActor()));
                    boolean allowed = RoleDefaults.defaults(role, w.id()).mayFire(t.event());
                    boolean refusedForRights = o instanceof Outcome.Refused r && r.reason() == Outcome.Refusal.NOT_PERMITTED;
                    assertThat(refusedForRights).as("%s fires %s on %s: %s", role, t.event(), w.id(), o.message())
                            .isEqualTo(!allowed);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> anAgentFiresOnlyTheEventsOfItsOwnStates() {
        return store.workflows.all().stream().map(w -> DynamicTest.dynamicTest(w.id(), () -> {
            Set<String> agents = new LinkedHashSet<>();
            store.workflows.all().forEach(any -> any.agents().forEach(a -> agents.add(a.personality().orElse(a.agent()))));
            for (String agent : agents) {
                Set<String> own = ownStates(w, agent);
                for (Transition t : w.transitions()) {
                    long id = cardIn(w, t.from());
                    Outcome o = store.service.move(MoveRequest.byEvent(id, t.event(), Actor.agent(agent)));
                    boolean refusedForRights = o instanceof Outcome.Refused r && r.reason() == Outcome.Refusal.NOT_PERMITTED;
                    assertThat(refusedForRights).as("%s fires %s from %s on %s: %s", agent, t.event(), t.from(), w.id(),
                            o.message()).isEqualTo(!own.contains(t.from()));
                }
            }
        }));
    }

    /** The seed's responsibilities, read independently: explicit states, and for the primary agent the rest. */
    private static Set<String> ownStates(Workflow w, String agent) {
        Set<String> claimed = new HashSet<>();
        w.agents().forEach(a -> claimed.addAll(a.states()));
        Set<String> own = new HashSet<>();
        for (AgentResponsibility a : w.agents()) {
            if (a.personality().orElse(a.agent()).equals(agent)) {
                own.addAll(a.states());
                if (a.primary()) {
                    w.states().forEach(s -> {
                        if (!claimed.contains(s.id())) {
                            own.add(s.id());
                        }
                    });
                }
            }
        }
        return own;
    }

    @Test
    void aRefusalForRightsSaysWhoAndWhatAndHowToAsk() {
        long id = cardIn(store.workflows.get("WF-GALLERY-EXH"), "concept");
        Outcome o = store.service.move(MoveRequest.byEvent(id, "concept_approved", Actor.staff("theo", Role.FRONT_DESK)));
        assertThat(o).isEqualTo(new Outcome.Refused(Outcome.Refusal.NOT_PERMITTED,
                "theo (front desk) may not fire \u201cConcept approved\u201d on Gallery exhibits. Ask for the right with a permission request."));
        assertThat(store.service.create("WF-GALLERY-EXH", "Not mine", Actor.staff("theo", Role.FRONT_DESK), null))
                .isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.reason()).isEqualTo(Outcome.Refusal.NOT_PERMITTED));
        assertThat(store.service.edit(id, null, Actor.staff("theo", Role.FRONT_DESK), (c, refs) -> c.setTitle("Mine now")))
                .isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.reason()).isEqualTo(Outcome.Refusal.NOT_PERMITTED));
    }

    @Test
    void aGrantedRightWorksFromActiveAndStopsTheMomentItIsRevoked() {
        StaffMember priya = store.staff("priya", Role.CONSULTANT);
        StaffMember manager = store.staff("jonas", Role.MANAGER);
        StaffMember admin = store.staff("amara", Role.ADMINISTRATOR);
        Actor asPriya = priya.asActor();
        long booking = cardIn(store.workflows.get("WF-WELL-BOOK"), "payment_pending");
        store.service.edit(booking, null, Actor.system(), (c, refs) -> {
            Booking.QUOTE.set(c, new BigDecimal("50.00"));
            Booking.AMOUNT_PAID.set(c, new BigDecimal("50.00"));
        });
        MoveRequest pay = MoveRequest.byEvent(booking, "payment_received", asPriya);
        assertThat(store.service.move(pay)).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Outcome.Refusal.NOT_PERMITTED));

        long priyaId = priya.getId();
        long request = ((Outcome.Done) store.service.create("WF-PERM-MGT", "Record payments", asPriya, (c, refs) -> {
            PermissionRequest p = (PermissionRequest) c;
            PermissionRequest.STAFF_MEMBER.set(p, refs.get(StaffMember.class, priyaId));
            PermissionRequest.REQUESTED_SCOPES.set(p, "fire payment_received on WF-WELL-BOOK");
            PermissionRequest.JUSTIFICATION.set(p, "Covering the front desk on Saturdays.");
        })).cardId();
        step(request, "request_logged", asPriya);
        step(request, "manager_approved", manager.asActor());
        step(request, "security_cleared", admin.asActor());
        step(request, "permissions_configured", manager.asActor());
        step(request, "notification_sent", manager.asActor());
        assertThat(store.service.move(pay).isDone()).as("not in force before the training is done").isFalse();
        step(request, "training_completed", manager.asActor());

        Outcome paid = store.service.move(pay);
        assertThat(paid.isDone()).as(paid.message()).isTrue();

        long another = cardIn(store.workflows.get("WF-WELL-BOOK"), "payment_pending");
        store.service.edit(another, null, Actor.system(), (c, refs) -> {
            Booking.QUOTE.set(c, new BigDecimal("20.00"));
            Booking.AMOUNT_PAID.set(c, new BigDecimal("20.00"));
        });
        step(request, "revocation_requested", manager.asActor());
        assertThat(store.service.move(MoveRequest.byEvent(another, "payment_received", asPriya)))
                .isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.reason()).isEqualTo(Outcome.Refusal.NOT_PERMITTED));

        var trail = store.db.sessionFactory().fromSession(s -> s.createNativeQuery(
                "SELECT action || ': ' || details FROM audit_entry WHERE card_id = ?1 AND action LIKE 'PERMISSION%' ORDER BY seq",
                String.class).setParameter(1, request).getResultList());
        assertThat(trail).containsExactly(
                "PERMISSION_GRANTED: granted to priya: fire payment_received on WF-WELL-BOOK",
                "PERMISSION_REVOKED: removed from priya: fire payment_received on WF-WELL-BOOK");
    }

    @Test
    void anAdministratorChangesWhatARoleMayDoAndItCountsAtOnce() {
        Actor theo = Actor.staff("theo", Role.FRONT_DESK);
        long project = cardIn(store.workflows.get("WF-CONSULT"), "lead_qualification");
        MoveRequest qualify = MoveRequest.byEvent(project, "lead_qualified", theo);
        assertThat(store.service.move(qualify)).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Outcome.Refusal.NOT_PERMITTED));

        var rights = new network.higherself.console.staff.WorkflowRights(true, false, true, false, Set.of("lead_qualified"));
        assertThat(store.roleRights.set(theo, Role.FRONT_DESK, "WF-CONSULT", rights))
                .isEqualTo(new Outcome.Refused(Outcome.Refusal.NOT_PERMITTED, "Only an administrator can change what a role may do."));
        assertThat(store.roleRights.set(Actor.staff("amara", Role.ADMINISTRATOR), Role.FRONT_DESK, "WF-CONSULT",
                new network.higherself.console.staff.WorkflowRights(true, false, false, false, Set.of("teleport"))).message())
                .startsWith("Consulting projects has no event 'teleport'.");

        Outcome set = store.roleRights.set(Actor.staff("amara", Role.ADMINISTRATOR), Role.FRONT_DESK, "WF-CONSULT", rights);
        assertThat(set.message()).isEqualTo("Front desk on Consulting projects now: view, edit, events lead_qualified.");
        Outcome moved = store.service.move(qualify);
        assertThat(moved.isDone()).as(moved.message()).isTrue();
        var trail = new DbRows(store.db.dataSource()).rows(
                "SELECT note, details FROM audit_entry WHERE action = 'ROLE_RIGHTS_CHANGED'");
        assertThat(trail).singleElement().satisfies(e -> {
            assertThat(e.get("NOTE")).isEqualTo("Front desk on Consulting projects: no events \u2192 view, edit, events lead_qualified");
            assertThat(RoleRightsEntry.parse((String) e.get("DETAILS"))).as("the row as it is now, rebuilt from the trail")
                    .isEqualTo(new RoleRightsEntry("FRONT_DESK", "WF-CONSULT", true, false, true, "lead_qualified"));
        });
        store.db.sessionFactory().inTransaction(s -> s.createNativeMutationQuery("DELETE FROM role_right").executeUpdate());
    }

    private static void step(long card, String event, Actor actor) {
        Outcome o = store.service.move(MoveRequest.byEvent(card, event, actor));
        assertThat(o.isDone()).as(event + ": " + o.message()).isTrue();
    }
}
