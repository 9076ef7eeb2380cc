package network.higherself.console.move;

import network.higherself.console.card.PermissionRequest;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.StaffMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, point 1: nobody gives themselves (or anyone) rights by editing or moving a permission request. What
 * decides a grant (requester, role, scopes) is fixed once the request is sent for review; before that only its
 * requester changes it; only the requester sends it; only the requester, a manager or an administrator moves it; the
 * grant applies exactly what was approved and cleared. Through the change pipeline, as every path reaches it.
 */
class PermissionRequestRightsTest {

    @TempDir
    static Path dir;

    static TestStore store;
    static DbRows rows;
    static StaffMember priya;
    static StaffMember gina;
    static StaffMember jonas;
    static StaffMember elena;
    static StaffMember amara;

    @BeforeAll
    static void open() {
        store = new TestStore(dir);
        rows = new DbRows(store.db.dataSource());
        priya = store.staff("priya", Role.CONSULTANT);
        gina = store.staff("gina", Role.GALLERY_STAFF);
        jonas = store.staff("jonas", Role.MANAGER);
        elena = store.staff("elena", Role.MANAGER);
        amara = store.staff("amara", Role.ADMINISTRATOR);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** priya's request to view the consulting board, made by her and moved along {@code events} by the right people. */
    static long request(String... events) {
        long priyaId = priya.getId();
        Outcome made = store.service.create(PermissionRequest.WORKFLOW, "Access for priya", priya.asActor(), (c, refs) -> {
            PermissionRequest.STAFF_MEMBER.set((PermissionRequest) c, refs.get(StaffMember.class, priyaId));
            PermissionRequest.REQUESTED_SCOPES.set((PermissionRequest) c, "view WF-CONSULT");
            PermissionRequest.JUSTIFICATION.set((PermissionRequest) c, "To follow the projects.");
        });
        assertThat(made.isDone()).as(made.message()).isTrue();
        long id = ((Outcome.Done) made).cardId();
        for (String e : events) {
            done(MoveRequest.byEvent(id, e, switch (e) {
                case "request_logged" -> priya.asActor();
                case "security_cleared" -> amara.asActor();
                default -> jonas.asActor();
            }));
        }
        return id;
    }

    static final String[] CLEARED = {"request_logged", "manager_approved", "security_cleared"};

    static void done(MoveRequest move) {
        Outcome o = store.service.move(move);
        assertThat(o.isDone()).as(move.event() + ": " + o.message()).isTrue();
    }

    static Outcome edit(long id, Actor actor, CardChange change) {
        return store.service.edit(id, null, actor, change);
    }

    /** Refused for {@code reason} with a sentence containing {@code says}, and nothing written. */
    static void refused(long id, java.util.function.Supplier<Outcome> attempt, Outcome.Refusal reason, String says) {
        DbRows.Snapshot before = rows.snapshot(id);
        Outcome o = attempt.get();
        assertThat(o).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
            assertThat(r.reason()).as(r.message()).isEqualTo(reason);
            assertThat(r.message()).contains(says);
        });
        assertThat(rows.snapshot(id)).as("nothing written").isEqualTo(before);
    }

    static CardChange makeAdministrator(StaffMember who) {
        long id = who.getId();
        return (c, refs) -> {
            PermissionRequest.STAFF_MEMBER.set((PermissionRequest) c, refs.get(StaffMember.class, id));
            PermissionRequest.REQUESTED_ROLE.set((PermissionRequest) c, Role.ADMINISTRATOR);
        };
    }

    static PermissionRequest load(long id) {
        return store.db.sessionFactory().fromSession(s -> s.find(PermissionRequest.class, id));
    }

    // ---------------------------------------------------------------- the attack

    @Test
    void galleryStaffCannotTurnAClearedRequestIntoTheirOwnAdministratorRights() {
        long id = request(CLEARED);
        refused(id, () -> edit(id, gina.asActor(), makeAdministrator(gina)), Outcome.Refusal.NOT_PERMITTED,
                "The staff member and requested role of a permission request cannot change once it is sent for review");

        done(MoveRequest.byEvent(id, "permissions_configured", jonas.asActor()));
        PermissionRequest granted = load(id);
        assertThat(granted.getGrantedRole()).isNull();
        assertThat(granted.grantText()).isEqualTo("view WF-CONSULT");
        assertThat(store.service.rightsOf(gina.asActor()).on("WF-PERM-MGT").mayFire("security_cleared"))
                .as("gina gained nothing").isFalse();
    }

    @Test
    void afterReviewNobodyChangesWhatDecidesTheGrantNotEvenTheRequesterOrAManager() {
        long id = request("request_logged", "manager_approved");
        for (Actor who : List.of(priya.asActor(), jonas.asActor(), amara.asActor(), Actor.system())) {
            refused(id, () -> edit(id, who, (c, refs) -> PermissionRequest.REQUESTED_ROLE.set((PermissionRequest) c,
                    Role.ADMINISTRATOR)), Outcome.Refusal.NOT_PERMITTED, "The requested role of a permission request "
                    + "cannot change once it is sent for review: a manager can send it back with 'Additional info needed'");
            refused(id, () -> edit(id, who, (c, refs) -> PermissionRequest.REQUESTED_SCOPES.set((PermissionRequest) c,
                    "edit WF-CONSULT")), Outcome.Refusal.NOT_PERMITTED, "The requested scopes of a permission request");
        }
        // the other fields: the requester, a manager, an administrator; not someone else
        assertThat(edit(id, priya.asActor(), (c, refs) -> PermissionRequest.JUSTIFICATION.set((PermissionRequest) c,
                "To follow the projects while Jonas is away.")).isDone()).isTrue();
        long jonasId = jonas.getId();
        assertThat(edit(id, elena.asActor(), (c, refs) -> PermissionRequest.REVIEWER.set((PermissionRequest) c,
                refs.get(StaffMember.class, jonasId))).isDone()).isTrue();
        store.db.sessionFactory().inTransaction(s -> s.createNativeMutationQuery("INSERT INTO role_right (role, "
                + "workflow_id, can_view, can_create, can_edit, events) VALUES ('GALLERY_STAFF', 'WF-PERM-MGT', TRUE, TRUE, "
                + "TRUE, '*')").executeUpdate());
        try {
            refused(id, () -> edit(id, gina.asActor(), (c, refs) -> PermissionRequest.JUSTIFICATION.set(
                    (PermissionRequest) c, "Mine now.")), Outcome.Refusal.NOT_PERMITTED,
                    "gina may not change priya's permission request: only priya, a manager or an administrator may.");
        } finally {
            store.db.sessionFactory().inTransaction(s -> s.createNativeMutationQuery("DELETE FROM role_right").executeUpdate());
        }
    }

    @Test
    void beforeReviewOnlyTheRequesterChangesTheirRequestAndNeverItsName() {
        long id = request();
        for (Actor other : List.of(gina.asActor(), jonas.asActor(), amara.asActor())) {
            refused(id, () -> edit(id, other, (c, refs) -> PermissionRequest.REQUESTED_SCOPES.set((PermissionRequest) c,
                    "edit WF-CONSULT")), Outcome.Refusal.NOT_PERMITTED, "Only priya can change priya's request before it is reviewed.");
        }
        refused(id, () -> edit(id, priya.asActor(), makeAdministrator(gina)), Outcome.Refusal.NOT_PERMITTED,
                "A permission request stays in the name of the person who made it (priya)");
        Outcome own = edit(id, priya.asActor(), (c, refs) -> PermissionRequest.REQUESTED_SCOPES.set((PermissionRequest) c,
                "edit WF-CONSULT"));
        assertThat(own.isDone()).as(own.message()).isTrue();
        assertThat(PermissionRequest.REQUESTED_SCOPES.get(load(id))).isEqualTo("edit WF-CONSULT");
    }

    @Test
    void aRequestIsMadeInTheAskersOwnName() {
        long priyaId = priya.getId();
        long before = rows.count("SELECT COUNT(*) FROM card");
        Outcome o = store.service.create(PermissionRequest.WORKFLOW, "For priya", gina.asActor(), (c, refs) -> {
            PermissionRequest.STAFF_MEMBER.set((PermissionRequest) c, refs.get(StaffMember.class, priyaId));
            PermissionRequest.REQUESTED_ROLE.set((PermissionRequest) c, Role.ADMINISTRATOR);
        });
        assertThat(o).isEqualTo(new Outcome.Refused(Outcome.Refusal.NOT_PERMITTED, "A permission request is made by the "
                + "person who asks: gina cannot ask in priya's name. priya can ask with \"Ask for access\u2026\"."));
        assertThat(rows.count("SELECT COUNT(*) FROM card")).isEqualTo(before);
    }

    // ---------------------------------------------------------------- events on someone else's request

    @Test
    void onlyTheRequesterSendsTheirRequestForReview() {
        long id = request();
        for (Actor other : List.of(gina.asActor(), jonas.asActor(), amara.asActor())) {
            refused(id, () -> store.service.move(MoveRequest.byEvent(id, "request_logged", other)),
                    Outcome.Refusal.NOT_PERMITTED, "Only priya can send this request for review ('Request logged')");
        }
        done(MoveRequest.byEvent(id, "request_logged", priya.asActor()));
    }

    @Test
    void someoneWithTheRightToAnEventStillCannotMoveSomeoneElsesRequest() {
        long id = request("request_logged");
        store.db.sessionFactory().inTransaction(s -> s.createNativeMutationQuery("INSERT INTO role_right (role, "
                + "workflow_id, can_view, can_create, can_edit, events) VALUES ('GALLERY_STAFF', 'WF-PERM-MGT', TRUE, TRUE, "
                + "TRUE, '*')").executeUpdate());
        try {
            refused(id, () -> store.service.move(MoveRequest.byEvent(id, "additional_info_needed", gina.asActor())
                    .withNote("Why?")), Outcome.Refusal.NOT_PERMITTED, "gina may not move priya's permission request "
                    + "('Additional info needed'): only priya, a manager or an administrator may.");
        } finally {
            store.db.sessionFactory().inTransaction(s -> s.createNativeMutationQuery("DELETE FROM role_right").executeUpdate());
        }
        done(MoveRequest.byEvent(id, "additional_info_needed", jonas.asActor()).withNote("Which projects?"));
    }

    // ---------------------------------------------------------------- what was approved is what is granted

    @Test
    void sendingBackOpensTheRequestAgainAndClearsItsApproval() {
        long id = request("request_logged", "manager_approved");
        assertThat(rows.card(id)).containsEntry("APPROVED_SCOPES", "view WF-CONSULT");
        // back in review: the approval stands until a manager sends it back
        store.db.sessionFactory().inTransaction(s -> s.createNativeMutationQuery(
                "UPDATE card SET state = 'manager_review' WHERE id = ?1").setParameter(1, id).executeUpdate());
        done(MoveRequest.byEvent(id, "additional_info_needed", jonas.asActor()).withNote("Which projects?"));
        assertThat(rows.card(id)).containsEntry("APPROVED_SCOPES", null).containsEntry("APPROVED_REQUESTER_ID", null);
        Outcome changed = edit(id, priya.asActor(), (c, refs) -> PermissionRequest.REQUESTED_SCOPES.set((PermissionRequest) c,
                "edit WF-CONSULT"));
        assertThat(changed.isDone()).as(changed.message()).isTrue();
        for (String e : CLEARED) {
            done(MoveRequest.byEvent(id, e, e.equals("request_logged") ? priya.asActor()
                    : e.equals("security_cleared") ? amara.asActor() : elena.asActor()));
        }
        done(MoveRequest.byEvent(id, "permissions_configured", jonas.asActor()));
        assertThat(load(id).grantText()).isEqualTo("edit WF-CONSULT");
    }

    @Test
    void aGrantThatNoLongerMatchesItsApprovalIsRefusedAndSaysWhy() {
        long id = request(CLEARED);
        // written straight into the table, past every check: the grant still applies only what was approved
        store.db.sessionFactory().inTransaction(s -> s.createNativeMutationQuery(
                "UPDATE card SET requested_role = 'ADMINISTRATOR' WHERE id = ?1").setParameter(1, id).executeUpdate());
        refused(id, () -> store.service.move(MoveRequest.byEvent(id, "permissions_configured", jonas.asActor())),
                Outcome.Refusal.GUARD, "This request no longer says what the manager approved (Requested role: the "
                        + "manager approved 'none', the request now says 'Administrator'), so nothing can be granted.");

        long other = request(CLEARED);
        store.db.sessionFactory().inTransaction(s -> s.createNativeMutationQuery(
                "UPDATE card SET cleared_requester_id = NULL WHERE id = ?1").setParameter(1, other).executeUpdate());
        refused(other, () -> store.service.move(MoveRequest.byEvent(other, "permissions_configured", jonas.asActor())),
                Outcome.Refusal.GUARD, "This request has no record of what the administrator cleared");
    }
}
