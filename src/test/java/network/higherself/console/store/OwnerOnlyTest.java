package network.higherself.console.store;

import network.higherself.console.move.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static network.higherself.console.store.DatabaseTest.createBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The data folder holds the password hashes and all the data: it, and what the console writes in it, can be read by
 * their owner only (on this POSIX file system), whatever the umask; a looser folder is tightened, saying so once.
 */
class OwnerOnlyTest {

    @TempDir
    Path tmp;

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @BeforeEach
    void theUmaskLetsOthersRead() throws IOException {
        // what the files would be without the console's care (the report: drwxr-xr-x and -rw-r--r--)
        Path plain = Files.createFile(tmp.resolve("plain"));
        assertThat(mode(plain)).as("precondition: this test runs under a umask that lets others read").endsWith("r--");
        Files.delete(plain);
    }

    @Test
    void aNewDataFolderAndEveryFileTheConsoleWritesInItAreOwnerOnly() throws Exception {
        Path dir = tmp.resolve("home").resolve("data");
        byte[] leftOpen;
        try (TestStore store = new TestStore(dir)) {
            assertThat(mode(dir)).isEqualTo("rwx------");
            assertThat(mode(dir.getParent())).as("a missing parent it created too").isEqualTo("rwx------");
            assertThat(mode(dir.resolve("console.mv.db"))).isEqualTo("rw-------");
            assertThat(mode(dir.resolve("console.lock"))).isEqualTo("rw-------");
            assertThat(store.db.notices()).isEmpty();
            createBooking(store, "Massage for Jo");
            leftOpen = Files.readAllBytes(dir.resolve("console.mv.db"));
            // something written during the session under the umask (the window's settings, H2's trace file)
            Files.writeString(dir.resolve("window.properties"), "theme=dark");
        }
        assertThat(mode(dir.resolve("window.properties"))).as("tightened when the console closes").isEqualTo("rw-------");

        Files.write(dir.resolve("console.mv.db"), leftOpen); // not closed cleanly: a copy goes to backups/
        try (Database db = Database.open(new DataFolder(dir), DamagedDatabaseTest.CLOCK)) {
            assertThat(db.notices()).singleElement().asString().startsWith("The console was not closed properly");
            Path backups = dir.resolve("backups");
            assertThat(mode(backups)).isEqualTo("rwx------");
            List<Path> copies = DatabaseTest.backups(dir);
            assertThat(copies).hasSize(1);
            assertThat(mode(copies.get(0))).isEqualTo("rw-------");
            assertThat(mode(dir.resolve("console.mv.db"))).isEqualTo("rw-------");
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                assertThat(mode(p)).as(p.toString()).endsWith("------");
            }
        }
    }

    @Test
    void aFolderOthersCouldReadIsTightenedAtStartSayingSoOnce() throws Exception {
        Path dir = tmp.resolve("data");
        try (TestStore store = new TestStore(dir)) {
            createBooking(store, "Massage for Jo");
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve("console.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(dir.resolve("console.lock"), PosixFilePermissions.fromString("rw-rw-rw-"));

        try (Database db = Database.open(new DataFolder(dir), DamagedDatabaseTest.CLOCK)) {
            assertThat(db.notices()).containsExactly("The data folder " + dir + " could be read by other users of this "
                    + "computer (rwxr-xr-x); it is now readable by you only.");
            assertThat(mode(dir)).isEqualTo("rwx------");
            assertThat(mode(dir.resolve("console.mv.db"))).isEqualTo("rw-------");
            assertThat(mode(dir.resolve("console.lock"))).isEqualTo("rw-------");
        }
        try (Database db = Database.open(new DataFolder(dir), DamagedDatabaseTest.CLOCK)) {
            assertThat(db.notices()).as("said once").isEmpty();
        }
    }

    @Test
    void aFolderTightenedByAStartThatIsRefusedIsSaidWithTheRefusal() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("data"));
        Files.createFile(dir.resolve("console.mv.db"));
        assertThat(mode(dir)).isEqualTo("rwxr-xr-x");
        assertThatThrownBy(() -> Database.open(new DataFolder(dir), DamagedDatabaseTest.CLOCK))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith(dir.resolve("console.mv.db") + " is empty (0 bytes)")
                .hasMessageEndingWith(System.lineSeparator() + "The data folder " + dir + " could be read by other users "
                        + "of this computer (rwxr-xr-x); it is now readable by you only.");
        assertThat(mode(dir)).isEqualTo("rwx------");
    }
}
