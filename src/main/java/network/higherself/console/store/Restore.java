package network.higherself.console.store;

import network.higherself.console.audit.AuditAnchor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code restore FILE}: puts a copy back as the data folder's database.
 *
 * <p>It holds the folder's lock throughout, so it refuses while a console (the window or a command) has the folder
 * open. The file is copied into a hidden folder inside the data folder and checked there, never where it lies: it must
 * be an H2 file (encrypted ones are read with the key made from the passphrase and the lines of the copy's manifest,
 * or of the folder's marker), a database with the console's record of schema versions, none newer than this console
 * knows. It is then opened by H2 and closed cleanly, and only then does the current database move aside, into
 * {@code backups/} with a manifest like every copy there ({@code …-before-restore.mv.db}; moved, never deleted), and
 * the checked copy take its place. The folder's encryption marker follows the restored file.
 */
public final class Restore {

    private static final Logger LOG = LoggerFactory.getLogger(Restore.class);
    static final String BEFORE_RESTORE = "-before-restore.mv.db";
    private static final String WORK = ".restoring";

    private Restore() {
    }

    /**
     * What a restore did: the data set aside (null when the folder had no database), and the audit anchor the copy's
     * manifest holds (null when it has none), for the verification that follows.
     */
    public record Restored(Path setAside, AuditAnchor manifestAnchor) {
    }

    public static Restored restore(DataFolder folder, Path source, Clock clock, Passphrases passphrases) {
        Path dir = folder.path();
        Path file = source.toAbsolutePath().normalize();
        Path current = Database.databaseFile(folder);
        if (!Files.isRegularFile(file)) {
            throw new StoreException(Files.exists(file) ? file + " is not a regular file: restore takes a copy of the "
                    + "database (a console-….mv.db file)." : "There is no file " + file + ".");
        }
        if (Files.isDirectory(dir)) {
            try {
                if (Files.exists(current) && Files.isSameFile(file, current)) {
                    throw new StoreException(file + " is the data folder's own database: restore takes a copy of it from "
                            + "elsewhere (backups/ holds some).");
                }
            } catch (IOException e) {
                // compared again below through the copy
            }
        }
        try {
            OwnerOnly.createFolder(dir);
        } catch (IOException e) {
            throw new StoreException("The data folder " + dir + " cannot be created (" + e.getMessage() + ").", e);
        }
        try (InstanceLock lock = InstanceLock.acquire(dir)) {
            Path work = dir.resolve(WORK);
            remove(work);
            try {
                OwnerOnly.createFolder(work);
                Path staged = work.resolve(Database.DB_NAME + ".mv.db");
                copy(file, staged);
                Encryption.Marker marker = null;
                Database.H2Options options = Database.H2Options.DEFAULT;
                if (DatabaseFile.encrypted(staged)) {
                    marker = markerFor(file, dir);
                    char[] key = Database.key(staged, marker, passphrases, dir, "the copy " + file);
                    try {
                        options = options.withKey(key);
                    } finally {
                        Arrays.fill(key, '\0');
                    }
                }
                check(file, staged, options);
                openAndClose(file, work, options);
                Path aside = setAside(folder, clock);
                Files.move(staged, current, StandardCopyOption.ATOMIC_MOVE);
                if (marker != null) {
                    Encryption.write(dir, marker);
                } else {
                    Files.deleteIfExists(Encryption.markerOf(dir)); // its lines are in the manifest of the data set aside
                }
                LOG.info("Restored {} into {} (the data before it: {})", file, current, aside);
                return new Restored(aside, manifestAnchor(file));
            } catch (IOException e) {
                throw new StoreException("The copy " + file + " could not be restored (" + e.getMessage() + "). The data "
                        + "folder's database was not replaced. Check the free space and that " + dir + " is writable.", e);
            } finally {
                remove(work);
            }
        }
    }

    /** How the encrypted copy's key is made: its manifest's lines, else the folder's marker. */
    private static Encryption.Marker markerFor(Path file, Path dir) throws IOException {
        Path manifest = Database.manifestOf(file);
        if (Files.isRegularFile(manifest)) {
            Encryption.Marker m = Encryption.Marker.parse(Files.readString(manifest, StandardCharsets.UTF_8));
            if (m != null) {
                return m;
            }
        }
        if (Encryption.marked(dir)) {
            return Encryption.read(dir);
        }
        throw new StoreException(file + " is encrypted, but neither a manifest beside it (" + manifest.getFileName()
                + ") nor the data folder says how its key is made. Put its manifest beside it and restore again.");
    }

    /** The copy's schema versions, read-only: a console database, none newer than this console knows. */
    private static void check(Path file, Path staged, Database.H2Options options) throws IOException {
        DatabaseFile look = DatabaseFile.inspect(staged, options.fileKey() == null ? null : options.fileKey().toCharArray());
        if (look.kind() == DatabaseFile.Kind.EMPTY) {
            throw notConsole(file, "it is empty");
        }
        if (look.kind().whyNot() != null) {
            throw notConsole(file, look.kind().whyNot());
        }
        if (!look.whole()) {
            throw notConsole(file, "it is cut short: " + look.size() + " bytes is not a whole number of H2's blocks");
        }
        String url = "jdbc:h2:file:" + staged.resolveSibling(Database.DB_NAME).toAbsolutePath()
                + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE" + (options.fileKey() == null ? "" : ";CIPHER=AES");
        try (Connection c = DriverManager.getConnection(url, "sa", options.password())) {
            Database.Look l = Database.look(c);
            if (!l.console()) {
                throw notConsole(file, l.anyTable() ? "it is an H2 database, but it has no record of the console's schema "
                        + "versions" : "it is an empty H2 database");
            }
            if (l.newerVersion() != null) {
                throw new StoreException(file + " was written by a newer version of the console (" + l.versions() + "). "
                        + "This console cannot use it safely: restore it with the newer version. The data folder was not "
                        + "changed.");
            }
        } catch (SQLException e) {
            throw notConsole(file, "H2 cannot read it: error " + e.getErrorCode());
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw notConsole(file, "its record of schema versions cannot be read");
        }
    }

    /** Opens the checked copy for changes once and closes it cleanly: it opens, and the console opens it without repair. */
    private static void openAndClose(Path file, Path work, Database.H2Options options) {
        String url = "jdbc:h2:file:" + work.resolve(Database.DB_NAME).toAbsolutePath() + ";IFEXISTS=TRUE"
                + (options.fileKey() == null ? "" : ";CIPHER=AES");
        try (Connection c = DriverManager.getConnection(url, "sa", options.password())) {
            LOG.info("{} opened for changes and closed cleanly before it is restored ({})", file, Database.look(c).knownVersion());
        } catch (SQLException e) {
            throw new StoreException(file + " could be read, but H2 cannot open it for changes (error " + e.getErrorCode()
                    + "): it was not restored, and the data folder was not changed.", e);
        }
    }

    private static StoreException notConsole(Path file, String why) {
        return new StoreException(file + " is not a console database (" + why + "), so it was not restored. The data "
                + "folder was not changed. Restore a copy the console made: backups/ in the data folder holds some, "
                + "each with its manifest beside it.");
    }

    /** Moves the current database (if any) into backups/, with a manifest; returns where it went. */
    private static Path setAside(DataFolder folder, Clock clock) throws IOException {
        Path current = Database.databaseFile(folder);
        if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Path dir = folder.path();
        Path backups = dir.resolve(Database.BACKUPS);
        OwnerOnly.createFolder(backups);
        Path aside = Database.copyName(backups, clock, BEFORE_RESTORE);
        AuditAnchor head = null;
        Encryption.Marker marker = Encryption.marked(dir) ? Encryption.read(dir) : null;
        if (marker == null && DatabaseFile.inspect(current).kind() == DatabaseFile.Kind.H2) {
            String url = Database.url(folder) + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                head = Database.look(c).auditHead();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("The audit head of {} could not be read for its manifest", current, e);
            }
        }
        Files.move(current, aside, StandardCopyOption.ATOMIC_MOVE);
        Database.writeManifest(aside, clock, head, marker);
        return aside;
    }

    private static AuditAnchor manifestAnchor(Path file) {
        Path manifest = Database.manifestOf(file);
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (line.startsWith("anchor: ")) {
                    return AuditAnchor.parse(line.substring("anchor: ".length()).trim());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("The manifest {} could not be read", manifest, e);
        }
        return null;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createFile(to, OwnerOnly.fileAttributes(to.getParent()));
        try (var in = Files.newInputStream(from); var out = Files.newOutputStream(to)) {
            in.transferTo(out);
        }
    }

    private static void remove(Path work) {
        if (!Files.exists(work, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("The work folder {} of a restore could not be removed", work, e);
        }
    }
}
