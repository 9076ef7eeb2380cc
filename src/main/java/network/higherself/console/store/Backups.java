package network.higherself.console.store;

import network.higherself.console.audit.AuditAnchor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Copies of the open database, taken while the console runs: {@code backup [FILE]}, the window's "Back up now" and
 * the automatic copy at the first start of each day.
 *
 * <p>A copy is H2's online backup ({@code BACKUP TO}: a consistent image of the file as of one moment, while other
 * connections go on committing), unpacked from H2's zip into a database file of its own, opened by H2 once and closed
 * cleanly (which checks that it opens, and makes it a file the console opens without the repair a copy of an open file
 * needs), then moved into place in one step. Beside it goes the manifest every copy in {@code backups/} has (the audit
 * trail's head in the copy, an anchor for {@code verify-audit --expect}; for an encrypted folder, how its key is
 * made). An encrypted folder's copy stays encrypted with the same key. Nothing half-written is ever left under the
 * copy's name: the work is done in a hidden folder beside it, readable by its owner only, and removed on failure.
 */
public final class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    /** What a daily copy's name ends in. */
    static final String DAILY = "-daily.mv.db";
    /** How many daily copies are kept (the newest). */
    static final int KEPT_DAILY = 7;

    private Backups() {
    }

    /** What a backup wrote: the copy, its manifest, its size, and the audit trail's head in it (null when it has none). */
    public record Copy(Path file, Path manifest, long bytes, AuditAnchor auditHead) {
    }

    /** The default name of a copy in the data folder's {@code backups/} ({@code console-<time>.mv.db}). */
    public static Path defaultTarget(DataFolder folder, Clock clock) {
        return Database.copyName(folder.path().resolve(Database.BACKUPS), clock, ".mv.db");
    }

    /**
     * Writes a consistent copy of {@code db} to {@code target}, which must not exist yet (a backup never writes over a
     * file) and must be in an existing folder.
     *
     * @throws StoreException with a sentence saying what to do (a full disk, a folder that cannot be written...)
     */
    public static Copy backUp(Database db, Path target, Clock clock) {
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new StoreException(file + " already exists, and a backup never writes over a file. Choose another name "
                    + "(or move that file away first).");
        }
        if (db.folder().path().resolve(Database.BACKUPS).equals(dir)) {
            createFolder(dir);
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new StoreException("The folder " + dir + " does not exist, so the backup cannot be written there. "
                    + "Choose a folder that exists, or create it first.");
        }
        Path work = null;
        try {
            work = Files.createTempDirectory(dir, ".hsc-backup-"); // rwx------ where permissions exist
            Path zip = work.resolve("backup.zip");
            Files.createFile(zip, OwnerOnly.fileAttributes(dir)); // H2 writes into it, keeping its permissions
            try (Connection c = db.ownConnection(); Statement st = c.createStatement()) {
                st.execute("BACKUP TO '" + (db.options().fileSystem() + ":" + zip).replace("'", "''") + "'");
            }
            Path copy = work.resolve(Database.DB_NAME + ".mv.db");
            unzip(zip, copy);
            Files.delete(zip);
            AuditAnchor head = closeCleanly(work, db.options());
            try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            OwnerOnly.restrict(copy); // where the file system does not take the permissions at creation
            long bytes = Files.size(copy);
            Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE);
            Path folder = db.folder().path();
            Database.writeManifest(file, clock, head, Encryption.marked(folder) ? Encryption.read(folder) : null);
            LOG.info("Backup of {} written to {} ({} bytes)", Database.databaseFile(db.folder()), file, bytes);
            return new Copy(file, Database.manifestOf(file), bytes, head);
        } catch (IOException | SQLException | RuntimeException e) {
            if (e instanceof StoreException se) {
                throw se;
            }
            LOG.info("The backup to {} failed", file, e); // said in a sentence; the details for the log file only
            throw failed(file, dir, e);
        } finally {
            removeQuietly(work);
        }
    }

    /**
     * At the first start of a day (by {@code clock}), a copy in {@code backups/} named {@code …-daily.mv.db}; the
     * newest {@value #KEPT_DAILY} daily copies are kept. Empty when today's copy was already made.
     */
    public static Optional<Copy> daily(Database db, Clock clock) {
        Path backups = db.folder().path().resolve(Database.BACKUPS);
        String today = LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE);
        boolean done = Database.copies(backups, DAILY).stream()
                .map(f -> Database.copyOrder(f.getFileName().toString(), 1))
                .anyMatch(stamp -> stamp != null && stamp.startsWith(today));
        if (done) {
            return Optional.empty();
        }
        createFolder(backups);
        Copy copy = backUp(db, Database.copyName(backups, clock, DAILY), clock);
        List<Path> dailies = Database.copies(backups, DAILY);
        for (Path old : dailies.subList(0, Math.max(0, dailies.size() - KEPT_DAILY))) {
            try {
                Files.deleteIfExists(old);
                Files.deleteIfExists(Database.manifestOf(old));
            } catch (IOException e) {
                LOG.warn("The old daily copy {} could not be removed", old, e);
            }
        }
        return Optional.of(copy);
    }

    private static void createFolder(Path backups) {
        try {
            OwnerOnly.createFolder(backups);
        } catch (IOException e) {
            throw new StoreException("The folder for copies, " + backups + ", cannot be created (" + e.getMessage()
                    + "). Check that the data folder is writable.", e);
        }
    }

    /** The database file from H2's backup zip. */
    private static void unzip(Path zip, Path copy) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(Database.DB_NAME + ".mv.db")) {
                    Files.createFile(copy, OwnerOnly.fileAttributes(copy.getParent())); // readable by its owner only
                    try (var out = Files.newOutputStream(copy)) {
                        in.transferTo(out);
                    }
                    return;
                }
            }
        }
        throw new IOException("H2's backup holds no " + Database.DB_NAME + ".mv.db");
    }

    /**
     * Opens the copy in {@code work} with H2 and closes it cleanly: it opens, and it is marked closed cleanly (an
     * online backup is an image of a file in use). Returns the audit trail's head in it.
     */
    static AuditAnchor closeCleanly(Path work, Database.H2Options options) throws SQLException {
        String url = "jdbc:h2:file:" + work.resolve(Database.DB_NAME).toAbsolutePath() + ";IFEXISTS=TRUE"
                + (options.fileKey() == null ? "" : ";CIPHER=AES");
        try (Connection c = DriverManager.getConnection(url, "sa", options.password())) {
            return Database.look(c).auditHead();
        }
    }

    private static StoreException failed(Path file, Path dir, Exception e) {
        String why = StoreFailures.firstLine(String.valueOf(rootMessage(e)));
        if (isDiskFull(e)) {
            return new StoreException("The disk that holds " + dir + " is full, so the backup " + file.getFileName()
                    + " was not written (nothing of it was left there). Free some space, or choose a folder on another "
                    + "disk, and back up again.", e);
        }
        return new StoreException("The backup could not be written to " + file + " (" + why + "); nothing of it was "
                + "left there. Check that you can write to " + dir + ", or choose another folder, and back up again.", e);
    }

    private static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("There is not enough space on the disk"))) {
                return true;
            }
        }
        StoreFailures.Failure f = StoreFailures.recognise(e);
        return f != null && f.kind() == StoreFailures.Kind.DISK_FULL;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    private static void removeQuietly(Path work) {
        if (work == null || !Files.exists(work)) {
            return;
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("The work folder {} of a backup could not be removed", work, e);
        }
    }
}
