package network.higherself.console.move;

import network.higherself.console.audit.AuditAction;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Client;
import network.higherself.console.card.NewClient;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booking's client can be new: the card's change adds the client in its own transaction, through the pipeline, so
 * the client exists only when the change is made, by someone who may make it, and is valid and not listed already.
 */
class NewClientTest {

    @TempDir
    Path dir;

    private final Actor theo = Actor.staff("theo", Role.FRONT_DESK);

    private static List<Client> clients(TestStore store) {
        return store.db.sessionFactory().fromSession(s -> s.createSelectionQuery("from Client order by id", Client.class)
                .getResultList());
    }

    @Test
    void aBookingMadeForANewClientAddsTheClientWithTheBookingAndItsAuditEntry() {
        try (TestStore store = new TestStore(dir)) {
            Outcome made = store.service.create(Booking.WORKFLOW, "Reiki for Ada", theo,
                    FieldValues.NONE.withValue(Booking.CLIENT, new NewClient(" Ada Lovelace ", "ada@example.com", "+44 20 7946 0958")));
            assertThat(made.isDone()).as(made.message()).isTrue();
            long id = ((Outcome.Done) made).cardId();
            assertThat(clients(store)).singleElement().satisfies(c -> {
                assertThat(c.getName()).isEqualTo("Ada Lovelace");
                assertThat(c.getEmail()).isEqualTo("ada@example.com");
            });
            String clientOfBooking = store.db.sessionFactory().fromSession(s -> Booking.CLIENT.get(s.find(Booking.class, id)).getName());
            assertThat(clientOfBooking).isEqualTo("Ada Lovelace");
            Booking booking = store.db.sessionFactory().fromSession(s -> s.find(Booking.class, id));
            assertThat(booking.getState()).isEqualTo("inquiry");
            String details = store.db.sessionFactory().fromSession(s -> s.createSelectionQuery(
                    "select details from AuditEntry where cardId = :id and action = :a", String.class)
                    .setParameter("id", id).setParameter("a", AuditAction.CREATED).getSingleResult());
            assertThat(details).as("the trail names the client").contains("Ada Lovelace");
        }
    }

    @Test
    void aClientAlreadyListedABadAddressOrSomeoneWithoutTheRightAddsNothingAndSaysWhy() {
        try (TestStore store = new TestStore(dir)) {
            store.db.sessionFactory().inTransaction(s -> s.persist(new Client("Ada Lovelace", null, null)));
            Outcome twice = store.service.create(Booking.WORKFLOW, "Reiki", theo,
                    FieldValues.NONE.withValue(Booking.CLIENT, new NewClient("ada lovelace", null, null)));
            assertThat(twice).isEqualTo(new Outcome.Refused(Outcome.Refusal.INVALID,
                    "A client called 'ada lovelace' is already listed: pick them from the list rather than adding them again."));

            Outcome badMail = store.service.create(Booking.WORKFLOW, "Reiki", theo,
                    FieldValues.NONE.withValue(Booking.CLIENT, new NewClient("Grace Hopper", "grace at navy", null)));
            assertThat(badMail.isDone()).isFalse();
            assertThat(badMail.message()).isEqualTo("The new client was not added: Client e-mail 'grace at navy' is not an "
                    + "e-mail address (expected something like name@example.com).");

            Outcome longName = store.service.create(Booking.WORKFLOW, "Reiki", theo,
                    FieldValues.NONE.withValue(Booking.CLIENT, new NewClient("x".repeat(10_000), null, null)));
            assertThat(longName.message()).contains("at most 120 fit");

            long id = ((Outcome.Done) store.service.create(Booking.WORKFLOW, "Reiki", theo, FieldValues.NONE)).cardId();
            Outcome intruder = store.service.edit(id, null, Actor.staff("lucia", Role.GALLERY_STAFF),
                    FieldValues.NONE.withValue(Booking.CLIENT, new NewClient("Mallory", null, null)));
            assertThat(intruder.isDone()).isFalse();
            assertThat(intruder).isInstanceOf(Outcome.Refused.class)
                    .extracting(o -> ((Outcome.Refused) o).reason()).isEqualTo(Outcome.Refusal.NOT_PERMITTED);

            assertThat(clients(store)).extracting(Client::getName).as("nothing added").containsExactly("Ada Lovelace");
        }
    }
}
