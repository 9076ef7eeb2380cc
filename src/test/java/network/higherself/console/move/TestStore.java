package network.higherself.console.move;

import network.higherself.console.card.AgentMessage;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.demo.DemoData;
import network.higherself.console.demo.SteppingClock;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.Database;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A database in a temporary folder with a card service over it, for tests. */
public final class TestStore implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    public final Database db;
    public final CardService service;
    public final ColumnLimits limits;
    public final RoleRightsAdmin roleRights;
    public final WorkflowCatalog workflows;
    public final Clock clock;

    public TestStore(Path dir) {
        this(dir, Clock.fixed(T0, ZoneOffset.UTC));
    }

    public TestStore(Path dir, Clock clock) {
        this(dir, clock, WorkflowCatalog.bundled());
    }

    public TestStore(Path dir, Clock clock, WorkflowCatalog workflows) {
        this.clock = clock;
        this.workflows = workflows;
        db = Database.open(new DataFolder(dir), clock);
        service = new CardService(db.sessionFactory(), workflows, clock);
        limits = new ColumnLimits(service);
        roleRights = new RoleRightsAdmin(service);
    }

    /** The demo data, written through a pipeline of its own (no agents' hooks) on a clock it sets back. */
    public DemoData demoData() {
        SteppingClock steps = new SteppingClock(clock.instant(), clock.getZone());
        return new DemoData(db, workflows, clock, new CardService(db.sessionFactory(), workflows, steps), steps);
    }

    public StaffMember staff(String username, Role role) {
        StaffMember m = new StaffMember(username, username, role, username + "@higherself.network", T0);
        db.sessionFactory().inTransaction(s -> s.persist(m));
        return m;
    }

    /**
     * A card of {@code w} put straight into {@code state} (setup only: the move under test is the point); an agent
     * message between two agents, a permission request being {@code owner}'s.
     */
    public long cardIn(Workflow w, String state, StaffMember owner) {
        long requesterId = owner.getId();
        Outcome o = service.create(w.id(), "Matrix " + w.id(), Actor.system(), (card, refs) -> {
            if (card instanceof AgentMessage m) {
                AgentMessage.SENDING_AGENT.set(m, "Nyra");
                AgentMessage.RECEIVING_AGENT.set(m, "Solari");
            } else if (card instanceof PermissionRequest p) {
                PermissionRequest.STAFF_MEMBER.set(p, refs.get(StaffMember.class, requesterId));
                PermissionRequest.REQUESTED_SCOPES.set(p, "view WF-CONSULT");
            }
        });
        long id = ((Outcome.Done) o).cardId();
        putIn(id, state);
        return id;
    }

    /** Puts a card straight into {@code state}, bypassing the pipeline (setup only). */
    public void putIn(long id, String state) {
        db.sessionFactory().inTransaction(s -> s.createNativeMutationQuery("UPDATE card SET state = ?1 WHERE id = ?2")
                .setParameter(1, state).setParameter(2, id).executeUpdate());
    }

    @Override
    public void close() {
        db.close();
    }
}
