package network.higherself.console.store;

import network.higherself.console.move.DbRows;
import network.higherself.console.move.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static network.higherself.console.store.DatabaseTest.LATEST;
import static network.higherself.console.store.DatabaseTest.backups;
import static network.higherself.console.store.DatabaseTest.createBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A damaged, foreign, empty or newer database is never made worse: its bytes are kept (in place, or copied to
 * {@code backups/} before H2 may change them), and the person is told what happened and what to do. H2 is watched
 * through {@link FaultyDisk}, which records every file it opens and how.
 */
class DamagedDatabaseTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void setUp() {
        FaultyDisk.install();
        file = dir.resolve("console.mv.db");
    }

    private Database open() {
        return Database.open(new DataFolder(dir), CLOCK, FaultyDisk.OPTIONS);
    }

    /** A console database with {@code n} bookings, closed cleanly. */
    private void databaseWithBookings(int n) {
        try (TestStore store = new TestStore(dir)) {
            for (int i = 0; i < n; i++) {
                createBooking(store, "Booking " + i);
            }
        }
    }

    private static long cards(Database db) {
        return new DbRows(db.dataSource()).count("SELECT COUNT(*) FROM card");
    }

    @Test
    void anOrdinaryOpenLooksReadOnlyOnceAndOpensTheFileForChangesOnce() throws Exception {
        databaseWithBookings(3);
        FaultyDisk.install();
        try (Database db = open()) {
            assertThat(cards(db)).isEqualTo(3);
            assertThat(db.notices()).isEmpty();
        }
        assertThat(FaultyDisk.opens("r", file)).as("the look before opening").isEqualTo(1);
        assertThat(FaultyDisk.opens("rw", file)).as("opened for changes once, by the pool").isEqualTo(1);
        assertThat(backups(dir)).as("a whole, cleanly closed, up-to-date file is not copied").isEmpty();
    }

    /**
     * The report: a copy of a real database with its last 100-2000 bytes cut off. H2 can still read it (it falls back
     * to the chunk before the cut one) and, opened for changes, rewrites it. So it is copied first, byte for byte.
     */
    @Test
    void aDatabaseCutShortIsCopiedToBackupsBeforeItIsOpenedAndThePersonIsTold() throws Exception {
        databaseWithBookings(20);
        // the last session's writes at the end of the file, as in the reported demo file (a clean close may instead
        // compact the newest data to the front, and a file cut then is one H2 cannot read: the next test)
        try (Connection c = DriverManager.getConnection(Database.url(new DataFolder(dir)) + ";REUSE_SPACE=FALSE", "sa", "");
             Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE card SET title = 'Renamed at the end' WHERE title = 'Booking 0'");
        }
        byte[] whole = Files.readAllBytes(file);
        for (int cut : new int[]{100, 777, 2000}) {
            byte[] cutShort = Arrays.copyOf(whole, whole.length - cut);
            Files.write(file, cutShort);
            List<Path> before = backups(dir);
            try (Database db = open()) {
                assertThat(cards(db)).as("H2 still reads the cards").isEqualTo(20);
                List<Path> made = backups(dir).stream().filter(p -> !before.contains(p)).toList();
                assertThat(made).hasSize(1);
                Path copy = made.get(0);
                assertThat(copy.getFileName().toString()).startsWith("console-20261102-090000").endsWith("-damaged.mv.db");
                assertThat(Files.readAllBytes(copy)).as("the file exactly as it was").isEqualTo(cutShort);
                assertThat(db.notices()).singleElement().asString()
                        .contains(file + " looks cut short (" + cutShort.length + " bytes")
                        .contains("copied to " + copy)
                        .contains("If recent changes are missing, that copy is the file exactly as it was.");
            }
        }
        assertThat(FaultyDisk.opens("rw", file)).as("per open: H2's repair, closed cleanly, then the pool's").isEqualTo(6);
    }

    @Test
    void aDatabaseH2CannotReadIsRefusedAtOnceAndKeptByteForByte() throws Exception {
        databaseWithBookings(20);
        Files.createDirectories(dir.resolve("backups"));
        Files.write(dir.resolve("backups").resolve("console-20261101-170000-before-V" + LATEST + ".mv.db"), new byte[]{1});
        byte[] whole = Files.readAllBytes(file);
        byte[] broken = Arrays.copyOf(whole, 3 * DatabaseFile.BLOCK + 100); // the header points past the end now
        Files.write(file, broken);

        String expectedStart = file + " is not a console database, or it is damaged (H2 error ";
        String expectedHint = "The console only read it: it has not been changed. To go back to your data, copy the "
                + "newest file from " + dir.resolve("backups") + " (console-20261101-170000-before-V" + LATEST
                + ".mv.db) over console.mv.db.";
        long start = System.nanoTime();
        assertThatThrownBy(this::open)
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith(expectedStart)
                .hasMessageContaining(expectedHint)
                .hasMessageNotContaining("Another console");
        // the pool no longer waits its 30 s connection timeout for a file that cannot be opened
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));

        // A second start is told the same. In another process: after a failed read-only open H2 keeps its lock on
        // the file in this JVM (found by trying), so a second open here would be told the file is locked.
        Process again = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DatabaseTest.OpenProbe.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("REFUSED: " + expectedStart).contains(expectedHint);
        assertThat(Files.readAllBytes(file)).as("byte for byte as it was").isEqualTo(broken);
        assertThat(FaultyDisk.opens("rw", file)).as("never opened for changes").isZero();
    }

    @Test
    void aZeroByteFileIsRefusedNotReplacedByANewDatabase() throws Exception {
        Files.createFile(file);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(this::open)
                    .isInstanceOf(StoreException.class)
                    .hasMessage(file + " is empty (0 bytes): it holds no data, and the console has left it as it is. "
                            + "There are no copies of the database in " + dir.resolve("backups") + ". To start a new, "
                            + "empty database instead, delete the empty file and start again.");
        }
        assertThat(file).exists().isEmptyFile();
        assertThat(FaultyDisk.opened).as("H2 never opened it").isEmpty();
        assertThat(backups(dir)).isEmpty();
    }

    @Test
    void aDatabaseLeftOpenIsCopiedBeforeItIsOpenedAndOnlyTheNewestFiveSuchCopiesAreKept() throws Exception {
        byte[] leftOpen;
        long id;
        try (TestStore store = new TestStore(dir)) {
            id = createBooking(store, "Written while the copy was taken");
            // a file copied while the console has it open is what a killed console leaves: H2 has not closed it
            leftOpen = Files.readAllBytes(file);
        }
        assertThat(DatabaseFile.inspect(file).cleanlyClosed()).as("closed cleanly now").isTrue();
        Files.write(file, leftOpen);
        assertThat(DatabaseFile.inspect(file).cleanlyClosed()).as("the copy was taken while it was open").isFalse();

        try (Database db = open()) {
            assertThat(new DbRows(db.dataSource()).card(id)).containsEntry("TITLE", "Written while the copy was taken");
            List<Path> copies = backups(dir);
            assertThat(copies).hasSize(1);
            assertThat(copies.get(0).getFileName().toString()).endsWith("-not-closed-cleanly.mv.db");
            assertThat(Files.readAllBytes(copies.get(0))).isEqualTo(leftOpen);
            assertThat(db.notices()).containsExactly("The console was not closed properly last time (or the database "
                    + "was copied while a console had it open), so " + file + " was copied to " + copies.get(0)
                    + " before opening it.");
            assertThat(FaultyDisk.opens("rw", file)).as("H2's repair, closed cleanly, then the pool's").isEqualTo(2);
        }
        assertThat(DatabaseFile.inspect(file).cleanlyClosed()).isTrue();
        try (Database db = open()) {
            assertThat(db.notices()).as("closed cleanly: nothing to copy or say").isEmpty();
        }
        assertThat(backups(dir)).hasSize(1);

        // every start after a crash makes a copy: the newest five are kept
        for (int i = 0; i < 6; i++) {
            Files.write(file, leftOpen);
            open().close();
        }
        List<String> names = backups(dir).stream().map(p -> p.getFileName().toString()).sorted().toList();
        assertThat(names).containsExactlyInAnyOrder(
                "console-20261102-090000-3-not-closed-cleanly.mv.db", "console-20261102-090000-4-not-closed-cleanly.mv.db",
                "console-20261102-090000-5-not-closed-cleanly.mv.db", "console-20261102-090000-6-not-closed-cleanly.mv.db",
                "console-20261102-090000-7-not-closed-cleanly.mv.db");
    }

    @Test
    void aDatabaseANewerConsoleHasUpdatedIsRefusedAndNotChanged() throws Exception {
        databaseWithBookings(1);
        try (Connection c = DriverManager.getConnection(Database.url(new DataFolder(dir)), "sa", "");
             Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES "
                    + "(1000, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 1, 'SA', 1, TRUE)");
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThatThrownBy(this::open)
                .isInstanceOf(StoreException.class)
                .hasMessage("The database " + file + " was updated by a newer version of the console (to schema version "
                        + "99; this version knows up to " + LATEST + "). This console cannot use it safely and has not "
                        + "changed it: start the newer version of the console, or choose another folder with --data-dir.");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(FaultyDisk.opens("rw", file)).isZero();
    }

    @Test
    void anH2DatabaseThatIsNotTheConsolesIsRefusedAndNotChanged() throws Exception {
        try (Connection c = DriverManager.getConnection(Database.url(new DataFolder(dir)), "sa", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE holiday (id INT PRIMARY KEY, place VARCHAR(100))");
            st.execute("INSERT INTO holiday VALUES (1, 'Lisbon')");
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThatThrownBy(this::open)
                .isInstanceOf(StoreException.class)
                .hasMessage(file + " is an H2 database, but not the console's (it has tables, but no record of the "
                        + "console's schema versions). The console only read it: it was not changed. Move it somewhere "
                        + "else and start again for a new database, or choose another folder with --data-dir.");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(backups(dir)).isEmpty();
    }
}
