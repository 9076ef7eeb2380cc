package network.higherself.console.move;

import network.higherself.console.card.Booking;
import network.higherself.console.card.Card;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A card is assigned to a staff member: a name no account has is refused by the pipeline, whatever the path. */
class AssigneeTest {

    @TempDir
    Path dir;

    @Test
    void anAssigneeWhoIsNoStaffMemberIsRefusedAndAStaffMemberOrNobodyIsTaken() {
        try (TestStore store = new TestStore(dir)) {
            store.staff("theo", Role.FRONT_DESK);
            Actor theo = Actor.staff("theo", Role.FRONT_DESK);
            Outcome nobody = store.service.create(Booking.WORKFLOW, "Reiki", theo, FieldValues.NONE.with(Card.ASSIGNEE, "nobody"));
            assertThat(nobody).isEqualTo(new Outcome.Refused(Outcome.Refusal.INVALID, "No staff member is called 'nobody': "
                    + "assign the card to someone from the staff list (by their user name), or to nobody."));

            long id = ((Outcome.Done) store.service.create(Booking.WORKFLOW, "Reiki", theo,
                    FieldValues.NONE.with(Card.ASSIGNEE, "theo"))).cardId();
            Outcome typo = store.service.edit(id, null, theo, FieldValues.NONE.with(Card.ASSIGNEE, "thoe"));
            assertThat(typo.isDone()).isFalse();
            assertThat(typo.message()).startsWith("No staff member is called 'thoe'");
            assertThat(store.service.edit(id, null, theo, FieldValues.NONE.with(Card.ASSIGNEE, null)).isDone())
                    .as("unassigned").isTrue();
        }
    }
}
