package network.higherself.console.card;

import network.higherself.console.cardform.CardFormStore;
import network.higherself.console.move.DbRows;
import network.higherself.console.move.FieldValues;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.ColumnFilter;
import network.higherself.console.store.CardSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booking's room, added as any new field is: its declaration in {@link Booking} and a migration, nothing else.
 * It is edited in the form, checked against its column's length, searched on the board, audited and sent to the
 * outbox like every other field.
 */
class BookingRoomTest {

    static final Actor THEO = Actor.staff("theo", Role.FRONT_DESK);

    @Test
    void aBookingsRoomIsAFieldLikeAnyOther(@TempDir Path dir) {
        try (TestStore store = new TestStore(dir)) {
            CardField<?> room = CardKinds.of(Booking.WORKFLOW).field("room").orElseThrow();
            assertThat(room.type()).isEqualTo(FieldType.TEXT);
            assertThat(room.maxLength()).as("from the mapped column").isEqualTo(80);
            assertThat(room.searchable()).isTrue();

            DbRows rows = new DbRows(store.db.dataSource());
            var before = rows.snapshot(-1).counts();
            Outcome tooLong = store.service.create(Booking.WORKFLOW, "Massage for Lee", THEO,
                    FieldValues.NONE.with(Booking.ROOM, "x".repeat(81)));
            assertThat(tooLong).isEqualTo(new Outcome.Refused(Outcome.Refusal.INVALID, "Room is 81 characters long; at most 80 fit."));
            assertThat(rows.snapshot(-1).counts()).isEqualTo(before);

            long id = ((Outcome.Done) store.service.create(Booking.WORKFLOW, "Massage for Lee", THEO,
                    FieldValues.NONE.with(Booking.ROOM, " Studio 2 "))).cardId();
            assertThat(rows.card(id).get("ROOM")).isEqualTo("Studio 2");
            Outcome moved = store.service.edit(id, null, THEO, FieldValues.NONE.with(Booking.ROOM, "Garden room"));
            assertThat(moved.isDone()).as(moved.message()).isTrue();
            assertThat(rows.audit(id, "EDITED")).singleElement()
                    .satisfies(e -> assertThat(e.get("DETAILS")).isEqualTo("room: 'Studio 2' \u2192 'Garden room'"));
            assertThat(rows.outbox(id)).last().satisfies(e -> assertThat((String) e.get("PAYLOAD"))
                    .isEqualTo("{\"fields\":{\"room\":\"Garden room\"}}"));

            assertThat(new CardQueries(store.db.dataSource()).page(Booking.WORKFLOW, "inquiry",
                    ColumnFilter.ALL.withText("garden"), 0, 10)).extracting(CardSummary::id).containsExactly(id);
            var form = new CardFormStore(store.db.sessionFactory(), store.service, store.workflows).load(id);
            assertThat(form.fields()).contains(room);
            assertThat(form.values()).containsEntry("room", "Garden room");
        }
    }
}
