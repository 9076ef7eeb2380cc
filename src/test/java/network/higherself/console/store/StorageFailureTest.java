package network.higherself.console.store;

import network.higherself.console.card.Booking;
import network.higherself.console.move.CardService;
import network.higherself.console.move.DbRows;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static network.higherself.console.store.DatabaseTest.DESK;
import static network.higherself.console.store.DatabaseTest.createBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A change the disk refuses — a read-only database, a full disk — gets a sentence that says what to do, never H2's
 * or Hibernate's exception, and nothing of it is written.
 */
class StorageFailureTest {

    static final Clock CLOCK = DamagedDatabaseTest.CLOCK;

    @TempDir
    Path dir;

    private static CardService cards(Database db) {
        return new CardService(db.sessionFactory(), WorkflowCatalog.bundled(), CLOCK);
    }

    @Test
    void aMoveOnAReadOnlyDatabaseIsRefusedWithASentenceAndTheCardIsUnchanged() {
        long id;
        try (TestStore store = new TestStore(dir)) {
            id = createBooking(store, "Massage for Jo");
        }
        // what H2 does with a file it may not write (or on a read-only disk): it opens it read-only
        try (Database db = Database.open(new DataFolder(dir), CLOCK, new Database.H2Options("file", ";ACCESS_MODE_DATA=r"))) {
            assertThat(db.notices()).contains("The database " + Database.databaseFile(db.folder()) + " is read-only: "
                    + "you can look, but no change can be saved. Make the data folder and the file writable for you, "
                    + "then start the console again.");
            DbRows rows = new DbRows(db.dataSource());
            DbRows.Snapshot before = rows.snapshot(id);
            assertThatThrownBy(() -> cards(db).move(MoveRequest.byEvent(id, "consultation_scheduled", DESK)))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("The console's database is read-only, so the change was not saved. Make the data folder "
                            + "and its console.mv.db writable for you (or copy the folder to a disk you can write to), then "
                            + "close the console and open it again.");
            assertThatThrownBy(() -> cards(db).create(Booking.WORKFLOW, "Another", DESK, null))
                    .isInstanceOf(StoreException.class).hasMessageStartingWith("The console's database is read-only");
            assertThat(rows.snapshot(id)).isEqualTo(before);
        }
        try (TestStore store = new TestStore(dir)) {
            DbRows rows = new DbRows(store.db.dataSource());
            assertThat(rows.state(id)).isEqualTo("inquiry");
            assertThat(rows.version(id)).isZero();
            assertThat(store.db.notices()).isEmpty();
            Outcome o = store.service.move(MoveRequest.byEvent(id, "consultation_scheduled", DESK));
            assertThat(o.isDone()).as("writable again: %s", o.message()).isTrue();
        }
    }

    @Test
    void aMoveOnAFullDiskIsRefusedWithASentenceAndWhatWasSavedBeforeIsKept() {
        FaultyDisk.install();
        long id;
        long moved;
        try (Database db = Database.open(new DataFolder(dir), CLOCK, FaultyDisk.OPTIONS)) {
            CardService cards = cards(db);
            id = ((Outcome.Done) cards.create(Booking.WORKFLOW, "Massage for Jo", DESK, null)).cardId();
            moved = ((Outcome.Done) cards.create(Booking.WORKFLOW, "Reiki for Ann", DESK, null)).cardId();
            assertThat(cards.move(MoveRequest.byEvent(moved, "consultation_scheduled", DESK)).isDone()).isTrue();

            FaultyDisk.full = true;
            assertThatThrownBy(() -> cards.move(MoveRequest.byEvent(id, "consultation_scheduled", DESK)))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("The disk that holds the console's data is full, so the change was not saved. Free some "
                            + "space on it, then close the console and open it again; what was saved before is kept.");
            // H2 stops the database after a failed write: the next change says so, and what to do, too
            assertThatThrownBy(() -> cards.create(Booking.WORKFLOW, "Sound bath for Max", DESK, null))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("so the change was not saved")
                    .hasMessageContaining("close the console and open it again");
            FaultyDisk.full = false;
        }
        try (TestStore store = new TestStore(dir)) {
            DbRows rows = new DbRows(store.db.dataSource());
            assertThat(rows.state(id)).isEqualTo("inquiry");
            assertThat(rows.version(id)).isZero();
            assertThat(rows.state(moved)).as("saved before the disk was full").isEqualTo("consultation");
            assertThat(rows.count("SELECT COUNT(*) FROM card")).isEqualTo(2);
            assertThat(rows.count("SELECT COUNT(*) FROM audit_entry")).as("two creations and one move").isEqualTo(3);
            assertThat(store.service.move(MoveRequest.byEvent(id, "consultation_scheduled", DESK)).isDone()).isTrue();
        }
    }
}
