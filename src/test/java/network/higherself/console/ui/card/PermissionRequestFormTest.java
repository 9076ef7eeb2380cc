package network.higherself.console.ui.card;

import network.higherself.console.card.CardField;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.cardform.CardForm;
import network.higherself.console.cardform.CardFormStore;
import network.higherself.console.cardform.Choice;
import network.higherself.console.move.DbRows;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.StaffMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, point 1, by the window's way to the database (the card form's store): a staff member who opens a
 * colleague's cleared permission request and puts their own name and the administrator role in it is refused with the
 * pipeline's sentence, and the request stays as it was approved; nor can they make a request in someone else's name.
 */
class PermissionRequestFormTest {

    @Test
    void theFormCannotTurnSomeoneElsesRequestIntoOwnAdministratorRights(@TempDir Path dir) {
        try (TestStore store = new TestStore(dir)) {
            StaffMember priya = store.staff("priya", Role.CONSULTANT);
            StaffMember gina = store.staff("gina", Role.GALLERY_STAFF);
            StaffMember jonas = store.staff("jonas", Role.MANAGER);
            StaffMember amara = store.staff("amara", Role.ADMINISTRATOR);
            CardFormStore forms = new CardFormStore(store.db.sessionFactory(), store.service, store.workflows);
            Map<CardField<?>, Object> asked = new LinkedHashMap<>();
            asked.put(PermissionRequest.TITLE, "Access for priya");
            asked.put(PermissionRequest.STAFF_MEMBER, new Choice(priya.getId(), "priya"));
            asked.put(PermissionRequest.REQUESTED_SCOPES, "view WF-CONSULT");
            Outcome made = forms.create(PermissionRequest.WORKFLOW, priya.asActor(), asked);
            assertThat(made.isDone()).as(made.message()).isTrue();
            long id = ((Outcome.Done) made).cardId();
            for (MoveRequest m : new MoveRequest[]{MoveRequest.byEvent(id, "request_logged", priya.asActor()),
                    MoveRequest.byEvent(id, "manager_approved", jonas.asActor()),
                    MoveRequest.byEvent(id, "security_cleared", amara.asActor())}) {
                assertThat(store.service.move(m).isDone()).isTrue();
            }

            CardForm form = forms.load(id);
            Map<CardField<?>, Object> mine = new LinkedHashMap<>();
            mine.put(PermissionRequest.STAFF_MEMBER, new Choice(gina.getId(), "gina"));
            mine.put(PermissionRequest.REQUESTED_ROLE, Role.ADMINISTRATOR);
            Outcome saved = forms.save(id, form.version(), gina.asActor(), mine);
            assertThat(saved).isEqualTo(new Outcome.Refused(Outcome.Refusal.NOT_PERMITTED, "The staff member and requested "
                    + "role of a permission request cannot change once it is sent for review: a manager can send it back "
                    + "with 'Additional info needed' (which clears its approvals), or a new request can be made."));
            assertThat(forms.load(id).values()).containsEntry("staff_member", new Choice(priya.getId(), "priya"))
                    .containsEntry("requested_role", null);
            assertThat(new DbRows(store.db.dataSource()).state(id)).isEqualTo("permission_setup");

            Map<CardField<?>, Object> forPriya = new LinkedHashMap<>(asked);
            forPriya.put(PermissionRequest.REQUESTED_ROLE, Role.ADMINISTRATOR);
            assertThat(forms.create(PermissionRequest.WORKFLOW, gina.asActor(), forPriya))
                    .isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.message())
                            .startsWith("A permission request is made by the person who asks: gina cannot ask in priya's name."));
        }
    }
}
