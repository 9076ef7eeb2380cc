package network.higherself.console.move;

import network.higherself.console.demo.DemoData;
import network.higherself.console.demo.SteppingClock;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.Database;
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

    @Override
    public void close() {
        db.close();
    }
}
