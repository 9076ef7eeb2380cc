package network.higherself.console.store;

import network.higherself.console.card.Booking;
import network.higherself.console.move.DbRows;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Clock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data folder's database: created, re-opened, locked against a second console, and never harmed when unusable. */
class DatabaseTest {

    static final String GENESIS = "0".repeat(64);
    static final Actor DESK = Actor.staff("theo", Role.FRONT_DESK);

    /** The schema versions of the migrations in src/main/resources/db/migration, in order (there may be gaps). */
    static final List<Integer> VERSIONS = migrations();

    /** The newest schema version. */
    static final int LATEST = VERSIONS.get(VERSIONS.size() - 1);

    private static List<Integer> migrations() {
        try (var files = java.nio.file.Files.list(Path.of(System.getProperty("hsc.project.dir", "."), "src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Path> backups(Path dir) throws IOException {
        Path b = dir.resolve("backups");
        if (!Files.isDirectory(b)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(b)) { // the copies; each one's manifest beside it: BackupManifestTest
            return files.filter(f -> !f.getFileName().toString().endsWith(Database.MANIFEST)).toList();
        }
    }

    static long createBooking(TestStore store, String title) {
        Outcome o = store.service.create(Booking.WORKFLOW, title, DESK, null);
        assertThat(o.isDone()).as(o.message()).isTrue();
        return ((Outcome.Done) o).cardId();
    }

    @Test
    void anEmptyFolderGetsTheWholeSchema(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("not-yet-there");
        try (Database db = Database.open(new DataFolder(data), Clock.systemDefaultZone())) {
            assertThat(db.created()).isTrue();
            assertThat(Database.databaseFile(db.folder())).exists();
            DbRows rows = new DbRows(db.dataSource());
            assertThat(rows.rows("SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"))
                    .containsExactlyElementsOf(VERSIONS.stream()
                            .map(v -> Map.<String, Object>of("VERSION", String.valueOf(v), "SUCCESS", true)).toList());
            assertThat(rows.rows("SELECT id, last_seq, last_hash FROM audit_head"))
                    .containsExactly(Map.of("ID", 1, "LAST_SEQ", 0L, "LAST_HASH", GENESIS));
            for (String table : List.of("staff_member", "card", "artist", "artwork", "client", "audit_entry", "outbox_event",
                    "exhibition_artist", "campaign_segment", "campaign_channel", "content_channel", "milestone")) {
                assertThat(rows.count("SELECT COUNT(*) FROM " + table)).as(table).isZero();
            }
        }
        assertThat(backups(data)).as("nothing to back up in a new database").isEmpty();
    }

    @Test
    void reopeningKeepsTheDataAndMakesNoBackup(@TempDir Path dir) throws Exception {
        long id;
        try (TestStore store = new TestStore(dir)) {
            id = createBooking(store, "Aromatherapy for Jo");
        }
        Path file = dir.resolve("console.mv.db");
        for (int i = 0; i < 2; i++) {
            try (Database db = Database.open(new DataFolder(dir), Clock.systemDefaultZone())) {
                assertThat(db.created()).isFalse();
                DbRows rows = new DbRows(db.dataSource());
                assertThat(rows.card(id)).containsEntry("TITLE", "Aromatherapy for Jo").containsEntry("STATE", "inquiry");
                assertThat(rows.count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1'")).isEqualTo(1);
                assertThat(rows.rows("SELECT last_seq FROM audit_head")).containsExactly(Map.of("LAST_SEQ", 1L));
            }
        }
        assertThat(backups(dir)).as("an up-to-date database is not copied aside").isEmpty();
        assertThat(file).exists();
    }

    @Test
    void aSecondConsoleOnTheSameFolderIsRefusedNamingTheFirst(@TempDir Path dir) throws Exception {
        String pid = String.valueOf(ProcessHandle.current().pid());
        try (TestStore first = new TestStore(dir)) {
            assertThatThrownBy(() -> Database.open(new DataFolder(dir), Clock.systemDefaultZone()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("Another console (process " + pid + ") has the data folder " + dir + " open.")
                    .hasMessageContaining("--data-dir")
                    .hasMessageNotContaining("window");
            // the refusal did not disturb the first console
            long id = createBooking(first, "Still working");
            assertThat(new DbRows(first.db.dataSource()).card(id)).containsEntry("TITLE", "Still working");

            // a second console is normally another program: it is refused too, and told who has the folder.
            // (Nothing in this process may open console.lock before this: on Linux, closing any channel to the
            // file drops this process's lock on it.)
            // Twice: the second is told the same, so the first refused console did not overwrite the lock file.
            for (int attempt = 0; attempt < 2; attempt++) {
                Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), OpenProbe.class.getName(), dir.toString())
                        .redirectErrorStream(true).start();
                assertThat(other.waitFor(60, TimeUnit.SECONDS)).as("the other process ends").isTrue();
                String said = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(said).contains("REFUSED: Another console (process " + pid + ") has the data folder " + dir + " open.");
                assertThat(other.exitValue()).isEqualTo(3);
            }
        }
        assertThat(Files.size(dir.resolve("console.lock"))).as("cleared at a clean close, while still locked").isZero();
        // once the first console is closed, the folder can be opened again
        try (Database db = Database.open(new DataFolder(dir), Clock.systemDefaultZone())) {
            assertThat(db.created()).isFalse();
        }
    }

    /** Another console process: tries to open the folder given as the argument and says what happened. */
    public static final class OpenProbe {
        public static void main(String[] args) {
            try (Database db = Database.open(new DataFolder(Path.of(args[0])), Clock.systemDefaultZone())) {
                System.out.println("OPENED");
                System.exit(0);
            } catch (StoreException e) {
                System.out.println("REFUSED: " + e.getMessage());
                System.exit(3);
            }
        }
    }

    @Test
    void aFileThatIsNotAConsoleDatabaseIsRefusedAndLeftAlone(@TempDir Path dir) throws Exception {
        // (a foreign file is refused before H2 sees it: H2 never opens it, not even read-only)
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        byte[] header = "Holiday photos, not a database\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, garbage, 0, header.length);
        Path file = dir.resolve("console.mv.db");
        Files.write(file, garbage);

        for (int attempt = 0; attempt < 2; attempt++) { // the second attempt is not told another console has the folder
            assertThatThrownBy(() -> Database.open(new DataFolder(dir), Clock.systemDefaultZone()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("is not a console database (it is not an H2 database file at all)")
                    .hasMessageContaining("the console has left it as it is")
                    .hasMessageContaining("Move it somewhere else")
                    .hasMessageNotContaining("Another console");
        }
        assertThat(Files.readAllBytes(file)).as("the file, byte for byte").isEqualTo(garbage);
        assertThat(backups(dir)).isEmpty();
    }

    /**
     * A schema update that fails: the applied rows are removed from Flyway's history, so Flyway sees V1 as pending and
     * runs it again over the existing tables, which fails ("table already exists"). The console must copy the
     * file aside first, put it back after the failure, and say so.
     */
    @Test
    void aFailedUpdateIsRolledBackFromTheCopyMadeBeforeIt(@TempDir Path dir) throws Exception {
        long id;
        try (TestStore store = new TestStore(dir)) {
            id = createBooking(store, "Survives a failed update");
        }
        DataFolder folder = new DataFolder(dir);
        try (Connection c = DriverManager.getConnection(Database.url(folder), "sa", "");
             Statement st = c.createStatement()) {
            // every applied version is forgotten, so all of them are pending again and V1 fails first
            assertThat(st.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")).isEqualTo(VERSIONS.size());
        }

        assertThatThrownBy(() -> Database.open(folder, Clock.systemDefaultZone()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("The database could not be updated to this version of the console")
                .hasMessageContaining("Your data is as it was before: it was put back from the copy");

        List<Path> copies = backups(dir);
        assertThat(copies).hasSize(1);
        Path copy = copies.get(0);
        assertThat(copy.getFileName().toString()).startsWith("console-").endsWith("-before-V" + LATEST + ".mv.db");
        Path file = Database.databaseFile(folder);
        assertThat(Files.readAllBytes(file)).as("the database is the copy made before the update")
                .isEqualTo(Files.readAllBytes(copy));

        // the restored file is the database as it was: the card is there, and no trace of the failed attempt
        try (Connection c = DriverManager.getConnection(Database.url(folder), "sa", "")) {
            DbRows rows = new DbRows(new SingleConnectionDataSource(c));
            assertThat(rows.card(id)).containsEntry("TITLE", "Survives a failed update");
            assertThat(rows.count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")).isZero();
        }
        // trying again at once fails the same way and keeps every earlier copy, even one made the same second
        // (copies named for this second and the next few stand in for an attempt a moment ago)
        LocalDateTime now = LocalDateTime.now();
        int decoys = 0;
        for (int s = 0; s < 5; s++) {
            String stamp = now.plusSeconds(s).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path name = dir.resolve("backups").resolve("console-" + stamp + "-before-V" + LATEST + ".mv.db");
            if (!Files.exists(name)) {
                Files.writeString(name, "an earlier copy");
                decoys++;
            }
        }
        byte[] firstCopy = Files.readAllBytes(copy);
        assertThatThrownBy(() -> Database.open(folder, Clock.systemDefaultZone()))
                .isInstanceOf(StoreException.class)
                .hasMessageNotContaining("Another console")
                .hasMessageContaining("The database could not be updated to this version of the console")
                .hasMessageContaining("Your data is as it was before");
        List<Path> after = backups(dir);
        assertThat(after).hasSize(1 + decoys + 1).contains(copy);
        assertThat(Files.readAllBytes(copy)).isEqualTo(firstCopy);
        List<String> others = after.stream().filter(p -> !p.equals(copy)).map(DatabaseTest::readQuietly).toList();
        assertThat(others).as("the earlier copies, untouched").filteredOn("an earlier copy"::equals).hasSize(decoys);
        assertThat(others).as("and the new copy, which is what the database file was put back from")
                .filteredOn(o -> !o.equals("an earlier copy"))
                .containsExactly(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    }

    static String readQuietly(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
