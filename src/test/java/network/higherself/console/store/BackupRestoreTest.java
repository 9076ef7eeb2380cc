package network.higherself.console.store;

import network.higherself.console.app.Commands;
import network.higherself.console.card.Booking;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backup is a consistent copy taken while the console works, and a restore puts one back only when it is a console
 * database this version can use, with the data it replaces kept aside; what was restored passes verify-audit.
 */
class BackupRestoreTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);
    private static final Actor DESK = Actor.staff("theo", Role.FRONT_DESK);
    private static final Actor MANAGER = Actor.staff("jonas", Role.MANAGER);

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileMovesRunRestoresToADatabaseThatOpensAndPassesVerifyAudit() throws Exception {
        Path data = dir.resolve("data");
        Path copy = dir.resolve("copy.mv.db");
        AtomicInteger moves = new AtomicInteger();
        int movesBefore;
        int movesAfter;
        try (TestStore store = new TestStore(data, CLOCK)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<String> refused = new AtomicReference<>();
            Thread mover = new Thread(() -> {
                while (!stop.get()) {
                    Outcome made = store.service.create(Booking.WORKFLOW, "Sound bath " + moves.get(), DESK, null);
                    long id = ((Outcome.Done) made).cardId();
                    Outcome o = store.service.move(MoveRequest.byEvent(id, "consultation_scheduled", MANAGER));
                    if (!o.isDone()) {
                        refused.set(o.message());
                    }
                    moves.incrementAndGet();
                }
            });
            mover.start();
            while (moves.get() < 20) {
                Thread.sleep(5);
            }
            movesBefore = moves.get();
            Backups.Copy written = Backups.backUp(store.db, copy, CLOCK);
            movesAfter = moves.get();
            stop.set(true);
            mover.join();
            assertThat(refused.get()).isNull();
            assertThat(written.file()).isEqualTo(copy);
            assertThat(written.auditHead()).isNotNull();
            assertThat(Files.readString(Database.manifestOf(copy))).contains("anchor: " + written.auditHead());
        }
        assertThat(movesAfter).as("moves went on while the copy was taken").isGreaterThan(movesBefore);
        assertThat(DatabaseFile.inspect(copy).cleanlyClosed()).as("the copy opens without a repair").isTrue();

        // into a new folder, and over the folder it was taken from (which has gone on since)
        for (Path target : List.of(dir.resolve("elsewhere"), data)) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            assertThat(Commands.run(target, out, err, "restore", copy.toString())).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Restored " + copy).contains("Audit trail intact");
            assertThat(err.toString()).isEmpty();
            StringWriter verified = new StringWriter();
            assertThat(Commands.run(target, verified, new StringWriter(), "verify-audit")).isZero();
        }
        List<Path> aside = DatabaseTest.backups(data).stream()
                .filter(p -> p.getFileName().toString().endsWith(Restore.BEFORE_RESTORE)).toList();
        assertThat(aside).as("the data the restore replaced, kept").hasSize(1);
        assertThat(Files.readString(Database.manifestOf(aside.get(0)))).contains("anchor: ");
        try (Database db = Database.open(new DataFolder(data), CLOCK); Connection c = db.dataSource().getConnection();
             Statement st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM card")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThan(0).isLessThan(moves.get());
        }
    }

    @Test
    void restoreRefusesAFileThatIsNotAConsoleDatabaseAndLeavesTheFolderAsItWas() throws Exception {
        Path data = dir.resolve("data");
        try (TestStore store = new TestStore(data, CLOCK)) {
            store.service.create(Booking.WORKFLOW, "Kept", DESK, null);
        }
        byte[] before = Files.readAllBytes(data.resolve("console.mv.db"));
        Path text = Files.writeString(dir.resolve("notes.mv.db"), "Shopping: milk, bread\n".repeat(500));
        Path foreign = dir.resolve("holiday.mv.db");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("holiday"), "sa", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE holiday (id INT PRIMARY KEY, place VARCHAR(100))");
        }
        for (Path file : List.of(text, foreign)) {
            StringWriter err = new StringWriter();
            assertThat(Commands.run(data, new StringWriter(), err, "restore", file.toString())).isEqualTo(1);
            assertThat(err.toString()).startsWith(file + " is not a console database (")
                    .contains("so it was not restored. The data folder was not changed.");
        }
        assertThat(Files.readAllBytes(data.resolve("console.mv.db"))).isEqualTo(before);
        assertThat(DatabaseTest.backups(data)).isEmpty();
        assertThat(data.resolve(".restoring")).doesNotExist();
    }

    @Test
    void restoreRefusesACopyFromANewerVersion() throws Exception {
        Path data = dir.resolve("data");
        Path newer = dir.resolve("newer");
        try (TestStore store = new TestStore(newer, CLOCK)) {
            store.service.create(Booking.WORKFLOW, "From the future", DESK, null);
        }
        try (Connection c = DriverManager.getConnection(Database.url(new DataFolder(newer)), "sa", "");
             Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES "
                    + "(1000, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 1, 'SA', 1, TRUE)");
        }
        Path file = newer.resolve("console.mv.db");
        StringWriter err = new StringWriter();
        assertThat(Commands.run(data, new StringWriter(), err, "restore", file.toString())).isEqualTo(1);
        assertThat(err.toString().trim()).isEqualTo(file + " was written by a newer version of the console (to schema "
                + "version 99; this version knows up to " + DatabaseTest.LATEST + "). This console cannot use it safely: "
                + "restore it with the newer version. The data folder was not changed.");
        assertThat(data.resolve("console.mv.db")).doesNotExist();
    }

    @Test
    void restoreRefusesWhileAConsoleHasTheFolderOpen() throws Exception {
        Path data = dir.resolve("data");
        Path copy = dir.resolve("copy.mv.db");
        try (TestStore store = new TestStore(data, CLOCK)) {
            store.service.create(Booking.WORKFLOW, "Open", DESK, null);
            Backups.backUp(store.db, copy, CLOCK);
            StringWriter err = new StringWriter();
            assertThat(Commands.run(data, new StringWriter(), err, "restore", copy.toString())).isEqualTo(1);
            assertThat(err.toString()).contains("has the data folder " + data + " open. Close that console first");
            assertThat(DatabaseTest.backups(data)).isEmpty();
        }
    }

    @Test
    void backupFromTheCommandLineWhileTheWindowRunsIsTakenByTheRunningConsole() throws Exception {
        Path data = dir.resolve("data");
        Path copy = dir.resolve("asked.mv.db");
        try (TestStore store = new TestStore(data, CLOCK); BackupRequests served = BackupRequests.serve(store.db, CLOCK)) {
            store.service.create(Booking.WORKFLOW, "Asked for", DESK, null);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            assertThat(Commands.run(data, out, err, "backup", copy.toString())).as(err.toString()).isZero();
            assertThat(out.toString()).startsWith("Backup written to " + copy + " (");
            assertThat(err.toString()).contains("The console has the data folder open: asking it for the copy.");
            StringWriter again = new StringWriter();
            assertThat(Commands.run(data, new StringWriter(), again, "backup", copy.toString())).isEqualTo(1);
            assertThat(again.toString()).contains(copy + " already exists, and a backup never writes over a file.");
        }
        StringWriter out = new StringWriter();
        assertThat(Commands.run(dir.resolve("restored"), out, new StringWriter(), "restore", copy.toString())).isZero();
        assertThat(out.toString()).contains("Audit trail intact: 1 entries checked.");
    }

    @Test
    void theDailyBackupIsTakenOnceADayAndTheLastSevenAreKept() throws Exception {
        Path data = dir.resolve("data");
        Instant day1 = Instant.parse("2026-11-02T08:30:00Z");
        List<List<String>> kept = new ArrayList<>();
        for (int day = 0; day < 9; day++) {
            Clock morning = Clock.fixed(day1.plus(day, ChronoUnit.DAYS), ZoneOffset.UTC);
            try (TestStore store = new TestStore(data, morning)) {
                store.service.create(Booking.WORKFLOW, "Day " + day, DESK, null);
                assertThat(Backups.daily(store.db, morning)).isPresent();
                Clock later = Clock.offset(morning, java.time.Duration.ofHours(8));
                assertThat(Backups.daily(store.db, later)).as("the second start of the day").isEmpty();
            }
            kept.add(Database.copies(data.resolve("backups"), Backups.DAILY).stream()
                    .map(p -> p.getFileName().toString()).toList());
        }
        assertThat(kept.get(6)).hasSize(7);
        assertThat(kept.get(8)).containsExactly("console-20261104-083000-daily.mv.db", "console-20261105-083000-daily.mv.db",
                "console-20261106-083000-daily.mv.db", "console-20261107-083000-daily.mv.db",
                "console-20261108-083000-daily.mv.db", "console-20261109-083000-daily.mv.db",
                "console-20261110-083000-daily.mv.db");
        for (String name : kept.get(8)) {
            assertThat(Database.manifestOf(data.resolve("backups").resolve(name))).exists();
        }
        assertThat(Database.manifestOf(data.resolve("backups").resolve("console-20261102-083000-daily.mv.db"))).doesNotExist();
    }

    @Test
    void aFullDiskOrATargetThatCannotBeWrittenGetsASentenceAndLeavesNothing() throws Exception {
        FaultyDisk.install();
        Path data = dir.resolve("data");
        try (Database db = Database.open(new DataFolder(data), CLOCK, FaultyDisk.OPTIONS)) {
            Path nowhere = dir.resolve("no-such-folder").resolve("copy.mv.db");
            assertThatThrownBy(() -> Backups.backUp(db, nowhere, CLOCK)).isInstanceOf(StoreException.class)
                    .hasMessage("The folder " + nowhere.getParent() + " does not exist, so the backup cannot be written "
                            + "there. Choose a folder that exists, or create it first.");
            Path aFile = Files.writeString(dir.resolve("a-file"), "x");
            assertThatThrownBy(() -> Backups.backUp(db, aFile.resolve("copy.mv.db"), CLOCK))
                    .hasMessageContaining("does not exist, so the backup cannot be written there");

            Path target = dir.resolve("copies").resolve("copy.mv.db");
            Files.createDirectories(target.getParent());
            FaultyDisk.full = true;
            try {
                assertThatThrownBy(() -> Backups.backUp(db, target, CLOCK)).isInstanceOf(StoreException.class)
                        .hasMessage("The disk that holds " + target.getParent() + " is full, so the backup copy.mv.db was "
                                + "not written (nothing of it was left there). Free some space, or choose a folder on "
                                + "another disk, and back up again.");
            } finally {
                FaultyDisk.full = false;
            }
            try (var left = Files.list(target.getParent())) {
                assertThat(left).as("nothing half-written").isEmpty();
            }
            assertThat(Backups.backUp(db, target, CLOCK).file()).as("the console goes on: the next try works").exists();
        }
    }
}
