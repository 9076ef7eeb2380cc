package network.higherself.console.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import network.higherself.console.agent.AgentTask;
import network.higherself.console.audit.AuditAnchor;
import network.higherself.console.audit.AuditEntry;
import network.higherself.console.card.CardKinds;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.sync.OutboxEvent;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded H2 database in a data folder: locked against a second console, looked at read-only before it is
 * opened for changes, copied aside when it was not closed cleanly, looks damaged or needs a schema update, migrated by
 * Flyway, and mapped by Hibernate (which validates the mapping and never writes DDL).
 *
 * <p>The look before opening is a read-only H2 connection, closed before anything else: H2 writes nothing to a file
 * opened so (found by trying: byte for byte the same, whole, cut short or killed mid-write). Before, the file was
 * opened for changes just to look, which let H2 fall back to an older chunk of a file cut short and rewrite it as
 * it closed it, before any copy was made. A file H2 did not close cleanly is copied first, then repaired by H2 and
 * closed cleanly, then opened by the pool; any other file is opened for changes once, by the pool.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final String DB_NAME = "console";
    static final String BACKUPS = "backups";
    /** How many copies made because the console had not been closed cleanly are kept (the newest). */
    static final int KEPT_UNCLEAN_COPIES = 5;
    static final String NOT_CLOSED = "-not-closed-cleanly.mv.db";
    static final String DAMAGED = "-damaged.mv.db";
    /** What a copy's manifest adds to the copy's name. */
    static final String MANIFEST = ".manifest";

    private final DataFolder folder;
    private final InstanceLock lock;
    private final HikariDataSource dataSource;
    /** Hibernate, booted when first asked for ({@link #sessionFactory()}): a command that only reads does without it. */
    private SessionFactory sessionFactory;
    private final boolean created;
    private final List<String> notices;

    private final H2Options options;

    private Database(DataFolder folder, InstanceLock lock, HikariDataSource dataSource,
                     boolean created, List<String> notices, H2Options options) {
        this.options = options;
        this.folder = folder;
        this.lock = lock;
        this.dataSource = dataSource;
        this.created = created;
        this.notices = List.copyOf(notices);
    }

    /**
     * Where and how H2 opens the file: its file system ({@code file}, or one a test registers) and settings added
     * to the URL (a test opens the database read-only with {@code ;ACCESS_MODE_DATA=r}).
     */
    record H2Options(String fileSystem, String settings, String fileKey) {
        static final H2Options DEFAULT = new H2Options("file", "");

        H2Options(String fileSystem, String settings) {
            this(fileSystem, settings, null);
        }

        /** These options for a file encrypted with {@code key} (H2's AES cipher). */
        H2Options withKey(char[] key) {
            return new H2Options(fileSystem, settings, new String(key));
        }

        /** What H2 is given as the password: for an encrypted file, the file key, a space, then the user's (none). */
        String password() {
            return fileKey == null ? "" : fileKey + " ";
        }

        @Override
        public String toString() { // never the key
            return "H2Options[" + fileSystem + settings + (fileKey == null ? "" : ";CIPHER=AES") + "]";
        }
    }

    /**
     * Opens (creating if needed) the database of {@code folder}; {@code clock} names the copies made before opening.
     */
    public static Database open(DataFolder folder, Clock clock) {
        return open(folder, clock, Passphrases.NONE, false);
    }

    /**
     * Opens the database of {@code folder}; an encrypted folder's passphrase comes from {@code passphrases}, and with
     * {@code encryptNew} a folder that has no database yet is created encrypted (see {@link Encryption}).
     */
    public static Database open(DataFolder folder, Clock clock, Passphrases passphrases, boolean encryptNew) {
        return open(folder, clock, H2Options.DEFAULT, passphrases, encryptNew);
    }

    static Database open(DataFolder folder, Clock clock, H2Options options) {
        return open(folder, clock, options, Passphrases.NONE, false);
    }

    static Database open(DataFolder folder, Clock clock, H2Options plain, Passphrases passphrases, boolean encryptNew) {
        Path dir = folder.path();
        List<String> notices = new ArrayList<>();
        try {
            OwnerOnly.createFolder(dir);
        } catch (IOException e) {
            throw new StoreException("The data folder " + dir + " cannot be created (" + e.getMessage()
                    + "). Choose a folder you can write to with --data-dir.", e);
        }
        addNotice(notices, OwnerOnly.tighten(dir));
        InstanceLock lock = InstanceLock.acquire(dir);
        HikariDataSource ds = null;
        boolean marking = encryptNew && !Encryption.marked(dir);
        try {
            H2Options options = unlock(folder, plain, passphrases, encryptNew);
            Path file = databaseFile(folder);
            DatabaseFile before = inspect(folder, options);
            boolean isNew = before.kind() == DatabaseFile.Kind.MISSING;
            Path backup = null;
            if (!isNew) {
                refuseIfNotADatabase(folder, before);
                Probe probe = probe(folder, options);
                backup = backupIfNeeded(folder, clock, before, probe, notices);
                if (!before.cleanlyClosed() || !before.whole()) {
                    repair(folder, options, backup);
                }
            }
            ds = pool(url(folder, options), options, folder, backup);
            migrate(ds, folder, backup, isNew);
            if (readOnly(ds, folder, backup)) {
                notices.add("The database " + file + " is read-only: you can look, but no change can be saved. Make the "
                        + "data folder and the file writable for you, then start the console again.");
            }
            addNotice(notices, OwnerOnly.tighten(dir)); // the file H2 has just created
            notices.forEach(n -> LOG.info("{}", n));
            return new Database(folder, lock, ds, isNew, notices, options);
        } catch (RuntimeException e) {
            if (ds != null) {
                ds.close();
            }
            if (marking && !Files.exists(databaseFile(folder))) {
                deleteQuietly(Encryption.markerOf(dir)); // the new encrypted folder was not made after all
            }
            lock.close();
            if (e instanceof StoreException && !notices.isEmpty()) { // said now, or never: the next start has nothing to say
                throw new StoreException(e.getMessage() + System.lineSeparator()
                        + String.join(System.lineSeparator(), notices), e);
            }
            throw e;
        }
    }

    private static void addNotice(List<String> notices, String notice) {
        if (notice != null) {
            notices.add(notice);
        }
    }

    public static Path databaseFile(DataFolder folder) {
        return folder.path().resolve(DB_NAME + ".mv.db");
    }

    static String url(DataFolder folder) {
        return url(folder, H2Options.DEFAULT);
    }

    private static String url(DataFolder folder, H2Options options) {
        // WRITE_DELAY=0: a commit is on disk when it is acknowledged (the default delay loses the last second on a kill);
        // QUERY_CACHE_SIZE: a change prepares about a dozen statements, and with H2's default of 8 kept per connection
        // it parsed them again on every change (a fifth of a move's time, see MoveLatencyBenchmark)
        return "jdbc:h2:" + options.fileSystem() + ":" + folder.path().resolve(DB_NAME).toAbsolutePath()
                + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64" + (options.fileKey() == null ? "" : ";CIPHER=AES") + options.settings();
    }

    /**
     * The options that open the folder's database: as given for a folder that is not encrypted; for an encrypted one
     * (or one created so), with the key made from its passphrase, asked for at most {@link Passphrases#TRIES} times.
     * A wrong passphrase is told apart from a damaged file before H2 is let near the file: H2's cipher decrypts with
     * any key, to noise, and the file's header says which.
     */
    private static H2Options unlock(DataFolder folder, H2Options options, Passphrases passphrases, boolean encryptNew) {
        Path dir = folder.path();
        Path file = databaseFile(folder);
        boolean creating = !Encryption.marked(dir);
        if (creating && !encryptNew) {
            return options;
        }
        if (creating && Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new StoreException("The data folder " + dir + " already has a database, which is not encrypted: a data "
                    + "folder is encrypted when it is created. Start without --encrypt to use it, or give --encrypt a new "
                    + "folder with --data-dir.");
        }
        if (!creating && isPlainFile(file)) {
            throw new StoreException("The data folder " + dir + " is marked as encrypted (" + Encryption.MARKER + "), but "
                    + file.getFileName() + " is not encrypted: it was put there from elsewhere. The console has not "
                    + "opened it. To use it unencrypted, move " + Encryption.MARKER + " out of the folder; otherwise put "
                    + "the encrypted file back from " + dir.resolve(BACKUPS) + ".");
        }
        Encryption.Marker marker = creating ? null : Encryption.read(dir);
        char[] key = key(file, marker, passphrases, dir, "the data folder " + dir);
        try {
            return options.withKey(key);
        } finally {
            java.util.Arrays.fill(key, '\0');
        }
    }

    /**
     * The file key for {@code file} (which may not exist yet), from a passphrase asked for at most
     * {@link Passphrases#TRIES} times; {@code marker} null makes a new one in {@code markerFolder} (a folder created
     * encrypted). {@code what} names what the passphrase opens, in the sentences. The caller clears the key.
     */
    static char[] key(Path file, Encryption.Marker marker, Passphrases passphrases, Path markerFolder, String what) {
        boolean creating = marker == null;
        String problem = null;
        for (int attempt = 1; attempt <= Passphrases.TRIES; attempt++) {
            char[] passphrase = passphrases.ask(new Passphrases.Ask(markerFolder, creating, attempt, problem));
            if (passphrase == null) {
                throw new StoreException(problem != null ? problem + " The console has not opened it."
                        : what.substring(0, 1).toUpperCase() + what.substring(1) + " is encrypted: it opens only with its "
                        + "passphrase, and none was given. Type it when asked, or give it with --passphrase-file FILE "
                        + "or the environment variable HSC_PASSPHRASE.");
            }
            try {
                if (creating) {
                    if (passphrase.length < Encryption.MIN_LENGTH) {
                        problem = "A passphrase needs at least " + Encryption.MIN_LENGTH + " characters (that one had "
                                + passphrase.length + "): " + what + " was not encrypted with it.";
                        continue;
                    }
                    return Encryption.fileKey(Encryption.create(markerFolder), passphrase);
                }
                char[] key = Encryption.fileKey(marker, passphrase);
                if (Files.exists(file) && readInspect(file, key).kind() == DatabaseFile.Kind.WRONG_KEY) {
                    java.util.Arrays.fill(key, '\0');
                    problem = "That passphrase does not open " + what + ".";
                    LOG.info("A passphrase that does not open {} was given (try {} of {})", file, attempt, Passphrases.TRIES);
                    continue;
                }
                return key;
            } finally {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }
        throw new StoreException(Passphrases.TRIES + " passphrases did not open " + what + ". The console has not "
                + "opened it and has changed nothing. Start it again to try again: the passphrase is not stored "
                + "anywhere, so the data cannot be opened without it.");
    }

    private static boolean isPlainFile(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0 && !DatabaseFile.encrypted(file);
        } catch (IOException e) {
            return false; // said when the file is looked at
        }
    }

    private static DatabaseFile readInspect(Path file, char[] key) {
        try {
            return DatabaseFile.inspect(file, key);
        } catch (IOException e) {
            throw new StoreException("The database " + file + " cannot be read (" + e.getMessage() + "). Check that it "
                    + "is readable for you, or choose another folder with --data-dir.", e);
        }
    }

    private static DatabaseFile inspect(DataFolder folder, H2Options options) {
        Path file = databaseFile(folder);
        try {
            return DatabaseFile.inspect(file, options.fileKey() == null ? null : options.fileKey().toCharArray());
        } catch (IOException e) {
            throw new StoreException("The database " + file + " cannot be read (" + e.getMessage() + "). Check that it "
                    + "is readable for you, or choose another folder with --data-dir.", e);
        }
    }

    /** A zero-byte file or one that is not an H2 file is left exactly as it is, never replaced by a new database. */
    private static void refuseIfNotADatabase(DataFolder folder, DatabaseFile before) {
        Path file = databaseFile(folder);
        if (before.kind() == DatabaseFile.Kind.EMPTY) {
            throw new StoreException(file + " is empty (0 bytes): it holds no data, and the console has left it as it is. "
                    + restoreHint(folder) + " To start a new, empty database instead, delete the empty file and start "
                    + "again.");
        }
        if (before.kind().whyNot() != null) {
            throw new StoreException(file + " is not a console database (" + before.kind().whyNot() + "), and the "
                    + "console has left it as it is. Move it somewhere else (it may be something else saved under this "
                    + "name) and start again for a new database. " + restoreHint(folder));
        }
    }

    private static String restoreHint(DataFolder folder) {
        Path backups = folder.path().resolve(BACKUPS);
        List<Path> copies = copies(backups, ".mv.db");
        if (copies.isEmpty()) {
            return "There are no copies of the database in " + backups + ".";
        }
        return "To go back to your data, copy the newest file from " + backups + " (" + copies.get(copies.size() - 1)
                .getFileName() + ") over " + databaseFile(folder).getFileName() + ".";
    }

    /**
     * The files in {@code dir} whose names end in {@code suffix}, oldest first: by the time in their name, then by
     * the number a copy made in the same second gets ({@code console-20261102-090000-2-…}); files named otherwise first.
     */
    static List<Path> copies(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted(Comparator
                    .comparing((Path f) -> copyOrder(f.getFileName().toString(), 1), Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(f -> copyOrder(f.getFileName().toString(), 2), Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(f -> f.getFileName().toString())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static final Pattern COPY_NAME = Pattern.compile(DB_NAME + "-(\\d{8}-\\d{6})(?:-(\\d{1,9}))?-.*");

    /** Part {@code group} of a copy's name as a sortable string (the time, or the same-second number), or null. */
    static String copyOrder(String name, int group) {
        Matcher m = COPY_NAME.matcher(name);
        if (!m.matches()) {
            return null;
        }
        return group == 1 ? m.group(1) : String.format("%09d", m.group(2) == null ? 1 : Integer.parseInt(m.group(2)));
    }

    /**
     * What the read-only look found: the schema updates this console would apply, and the audit trail's head as
     * the file has it ({@code COUNT:HASH}; null when the trail has no entry or cannot be read), for a copy's manifest.
     */
    private record Probe(List<MigrationInfo> pending, AuditAnchor auditHead) {
    }

    /**
     * Looks at the database read-only (H2 writes nothing to a file opened so, and the connection is closed before the
     * file is opened for changes): refuses a file H2 cannot read, an H2 database that is not the console's, and a
     * database a newer console has updated.
     */
    private static Probe probe(DataFolder folder, H2Options options) {
        Path file = databaseFile(folder);
        String url = url(folder, options) + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", options.password())) {
            Look look = look(c);
            if (!look.console() && look.anyTable()) {
                throw new StoreException(file + " is an H2 database, but not the console's (it has tables, but no record "
                        + "of the console's schema versions). The console only read it: it was not changed. Move it "
                        + "somewhere else and start again for a new database, or choose another folder with --data-dir.");
            }
            if (look.newerVersion() != null) {
                throw new StoreException("The database " + file + " was updated by a newer version of the console ("
                        + look.versions() + "). This console cannot use it safely and has not changed it: start the newer "
                        + "version of the console, or choose another folder with --data-dir.");
            }
            return new Probe(look.pending(), look.auditHead());
        } catch (SQLException e) {
            throw unreadable(folder, e, e);
        } catch (FlywayException e) {
            throw unreadable(folder, e.getCause() instanceof SQLException sql ? sql : null, e);
        }
    }

    /**
     * What a database holds, seen through an open connection: whether it has the console's record of schema versions
     * ({@code console}), any table at all, the newest version it has that this console does not know (or null), this
     * console's newest, the updates this console would apply, and the audit trail's head (or null).
     */
    record Look(boolean console, boolean anyTable, String newerVersion, String knownVersion, List<MigrationInfo> pending,
                AuditAnchor auditHead) {

        /** The versions, for a sentence: "to schema version 15; this version knows up to 14". */
        String versions() {
            return "to schema version " + newerVersion + "; this version knows up to " + knownVersion;
        }
    }

    static Look look(Connection c) throws SQLException {
        boolean console = hasTable(c, "flyway_schema_history");
        boolean any = hasAnyTable(c);
        if (!console) {
            return new Look(false, any, null, null, List.of(), null);
        }
        MigrationInfoService info = flyway(new SingleConnectionDataSource(c)).info();
        List<MigrationInfo> newer = Arrays.stream(info.all())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .toList();
        String ours = Arrays.stream(info.all()).filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(m -> m.getVersion().getVersion()).reduce((a, b) -> b).orElse("none");
        return new Look(true, any, newer.isEmpty() ? null : newer.get(newer.size() - 1).getVersion().getVersion(), ours,
                List.of(info.pending()), auditHead(c));
    }

    /** The trail's head as the file's head row has it; null when there is none (a new or an old, unreadable trail). */
    private static AuditAnchor auditHead(Connection c) {
        try {
            return hasTable(c, "AUDIT_HEAD") ? AuditAnchor.ofHead(c).orElse(null) : null;
        } catch (SQLException e) {
            LOG.warn("The audit trail's head could not be read for the copy's manifest", e);
            return null;
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private static boolean hasAnyTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    private static boolean readOnly(DataSource ds, DataFolder folder, Path backup) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT READONLY()")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw cannotOpen(folder, new IllegalStateException(e), backup);
        }
    }

    private static Flyway flyway(DataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration").load();
    }

    /**
     * Copies the file to {@code backups/} before it is opened for changes when H2 did not close it cleanly (a killed
     * console, or a file copied while one had it open: H2 will repair it as it opens it), when its length is not whole
     * blocks (cut short: H2 may fall back to an older state and rewrite it), or when a schema update is due. Returns
     * the copy, or null when none was needed.
     */
    private static Path backupIfNeeded(DataFolder folder, Clock clock, DatabaseFile before, Probe probe, List<String> notices) {
        Path file = databaseFile(folder);
        String suffix;
        if (!before.whole()) {
            suffix = DAMAGED;
        } else if (!before.cleanlyClosed()) {
            suffix = NOT_CLOSED;
        } else if (!probe.pending().isEmpty()) {
            suffix = "-before-V" + probe.pending().get(probe.pending().size() - 1).getVersion() + ".mv.db";
        } else {
            return null;
        }
        Path copy = backup(folder, clock, suffix);
        writeManifest(copy, clock, probe.auditHead(), Encryption.marked(folder.path()) ? Encryption.read(folder.path()) : null);
        if (suffix.equals(DAMAGED)) {
            notices.add("The database " + file + " looks cut short (" + before.size() + " bytes is not a whole number of "
                    + "H2's " + DatabaseFile.BLOCK + "-byte blocks), so it was copied to " + copy + " before opening it. "
                    + "If recent changes are missing, that copy is the file exactly as it was.");
        } else if (suffix.equals(NOT_CLOSED)) {
            notices.add("The console was not closed properly last time (or the database was copied while a console had "
                    + "it open), so " + file + " was copied to " + copy + " before opening it.");
            pruneUnclean(folder);
        } else {
            LOG.info("Copied {} to {} before updating its schema", file, copy);
        }
        return copy;
    }

    /**
     * Lets H2 repair a file it did not close cleanly (or one cut short) and close it cleanly, once the copy is made
     * and before the pool opens it. Writing on after H2's repair without that clean close lost acknowledged commits
     * at the next kill (found by trying: 7 of 140 kills lost the last commits without it, none of 85 with it); the
     * file is then opened for changes twice in this start, one after the other, never at the same time.
     */
    private static void repair(DataFolder folder, H2Options options, Path backup) {
        try (Connection c = DriverManager.getConnection(url(folder, options), "sa", options.password())) {
            LOG.info("H2 repaired {} (a copy is in {}) and closed it cleanly", databaseFile(folder), backup);
        } catch (SQLException e) {
            throw cannotOpen(folder, new IllegalStateException(e), backup);
        }
    }

    /** Copies the database file (closed by H2 at this point, so the copy is consistent) into {@code backups/}. */
    private static Path backup(DataFolder folder, Clock clock, String suffix) {
        Path file = databaseFile(folder);
        Path backups = folder.path().resolve(BACKUPS);
        Path copy = copyName(backups, clock, suffix);
        try {
            OwnerOnly.createFolder(backups);
            Files.copy(file, copy);
            OwnerOnly.restrict(copy);
            try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                ch.force(true); // on the disk before H2 may change the original
            }
        } catch (IOException e) {
            deleteQuietly(copy);
            throw new StoreException("The database has to be copied to " + copy + " before it is opened, but the copy "
                    + "failed (" + e.getMessage() + "). The console has not opened it, and it was not changed. Free some "
                    + "disk space, or make " + backups + " writable, and start again.", e);
        }
        return copy;
    }

    /**
     * A new copy's name in {@code backups}: {@code console-<time><suffix>}; a copy made in the same second as earlier
     * ones gets the next number, never a number freed by pruning, and a file named otherwise is never overwritten.
     */
    static Path copyName(Path backups, Clock clock, String suffix) {
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        // a copy made in the same second as earlier ones gets the next number, never a number freed by pruning
        int last = copies(backups, ".mv.db").stream().map(f -> f.getFileName().toString())
                .filter(n -> stamp.equals(copyOrder(n, 1))).mapToInt(n -> Integer.parseInt(copyOrder(n, 2)))
                .max().orElse(0);
        Path copy = backups.resolve(DB_NAME + "-" + stamp + (last == 0 ? "" : "-" + (last + 1)) + suffix);
        for (int n = last + 2; Files.exists(copy); n++) { // a file named otherwise is never overwritten
            copy = backups.resolve(DB_NAME + "-" + stamp + "-" + n + suffix);
        }
        return copy;
    }

    /**
     * Writes beside a copy its manifest: the audit trail's head at the time of the copy, an anchor kept outside the
     * database (see {@code verify-audit --expect}). A manifest that cannot be written is logged; the copy stands.
     */
    static void writeManifest(Path copy, Clock clock, AuditAnchor head, Encryption.Marker encryption) {
        Path manifest = manifestOf(copy);
        String text = copy.getFileName() + ": a copy of " + DB_NAME + ".mv.db made "
                + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "\n"
                + (head == null ? "audit trail: no entry could be read from the file\n"
                : "audit entries: " + head.count() + "\naudit head hash: " + head.hash() + "\n"
                + "anchor: " + head + "\nTo check later that the trail was neither cut nor rewritten up to here: "
                + "verify-audit --expect " + head + "\n")
                + (encryption == null ? "" : "The copy is encrypted: it opens with the data folder's passphrase and these "
                + "lines (restore reads them from here).\n" + encryption.text());
        try {
            Files.writeString(manifest, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            OwnerOnly.restrict(manifest);
        } catch (IOException e) {
            LOG.warn("The manifest {} of the copy could not be written", manifest, e);
        }
    }

    /** The manifest beside a copy in {@code backups/}. */
    static Path manifestOf(Path copy) {
        return copy.resolveSibling(copy.getFileName() + MANIFEST);
    }

    /** Keeps the newest {@link #KEPT_UNCLEAN_COPIES} copies made after an unclean close (each start after a crash makes one). */
    private static void pruneUnclean(DataFolder folder) {
        List<Path> copies = copies(folder.path().resolve(BACKUPS), NOT_CLOSED);
        for (Path old : copies.subList(0, Math.max(0, copies.size() - KEPT_UNCLEAN_COPIES))) {
            deleteQuietly(old);
            deleteQuietly(manifestOf(old));
        }
    }

    /**
     * The pool, with its first connection (the file opened for changes, for the session). It fails at once when H2
     * cannot open the file (with the default, Hikari would try again for its 30 s connection timeout).
     */
    private static HikariDataSource pool(String url, H2Options options, DataFolder folder, Path backup) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword(options.password());
        config.setMaximumPoolSize(4); // Flyway needs two connections at once
        config.setMinimumIdle(1);
        config.setPoolName("hsc");
        config.setInitializationFailTimeout(1);
        config.setExceptionOverride(StoreFailures.EVICT_BROKEN);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw cannotOpen(folder, e, backup);
        }
    }

    private static void migrate(HikariDataSource ds, DataFolder folder, Path backup, boolean isNew) {
        try {
            flyway(ds).migrate();
        } catch (FlywayException e) {
            ds.close();
            Path file = databaseFile(folder);
            String what = firstLine(e.getMessage());
            if (isNew) {
                deleteQuietly(file);
                throw new StoreException("A new database could not be set up in " + folder + " (" + what + ").", e);
            }
            if (backup != null) {
                try {
                    Files.copy(backup, file, StandardCopyOption.REPLACE_EXISTING);
                    OwnerOnly.restrict(file);
                } catch (IOException io) {
                    throw new StoreException("The database could not be updated (" + what + "), and putting back the copy "
                            + backup + " failed too (" + io.getMessage() + "). Close the console, copy " + backup
                            + " over " + file + " by hand, and start the previous version of the console.", e);
                }
                throw new StoreException("The database could not be updated to this version of the console (" + what
                        + "). Your data is as it was before: it was put back from the copy " + backup
                        + ". Keep using the previous version of the console and report this problem.", e);
            }
            throw new StoreException("The database could not be updated (" + what + "). Copies made before updates are in "
                    + folder.path().resolve(BACKUPS) + ".", e);
        } catch (RuntimeException e) {
            ds.close();
            throw cannotOpen(folder, e, backup);
        }
    }

    /** The read-only look failed: nothing was written, so the file is as it was. */
    private static StoreException unreadable(DataFolder folder, SQLException sql, Exception e) {
        Path file = databaseFile(folder);
        StoreFailures.Failure f = StoreFailures.recognise(e);
        if (f != null && f.kind() == StoreFailures.Kind.IN_USE) {
            return new StoreException("The database " + file + " is in use by another program. Close it and start again.", e);
        }
        String reason = sql != null ? "H2 error " + sql.getErrorCode() // its message names Java exceptions ("IO Exception: ...")
                : f != null ? f.detail() : "Flyway could not read its history";
        return new StoreException(file + " is not a console database, or it is damaged (" + reason + "). The console "
                + "only read it: it has not been changed. " + restoreHint(folder) + " To start a new database instead, move "
                + "the file somewhere else; or choose another folder with --data-dir.", e);
    }

    /** The file could be read a moment ago, but opening it for changes failed: say only what is known. */
    private static StoreException cannotOpen(DataFolder folder, RuntimeException e, Path backup) {
        Path file = databaseFile(folder);
        StoreFailures.Failure f = StoreFailures.recognise(e);
        String copy = backup != null ? " A copy of the file as it was before this start is in " + backup + "."
                : " It was whole and closed cleanly before this start; it may have been written to since.";
        if (f != null && f.kind() == StoreFailures.Kind.IN_USE) {
            return new StoreException("The database " + file + " is in use by another program. Close it and start again.", e);
        }
        if (f != null && f.kind() == StoreFailures.Kind.DISK_FULL) {
            return new StoreException("The disk that holds " + file + " is full, so the database could not be opened. "
                    + "Free some space and start again." + copy, e);
        }
        SQLException sql = sqlCause(e);
        String reason = f != null ? f.detail() : sql != null ? "H2 error " + sql.getErrorCode() : "no details from H2";
        return new StoreException("The database " + file + " could be read, but not opened for changes (" + reason + ")."
                + copy + " " + restoreHint(folder), e);
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static SessionFactory sessionFactory(DataSource ds) {
        Configuration cfg = new Configuration();
        CardKinds.entityClasses().forEach(cfg::addAnnotatedClass);
        cfg.addAnnotatedClass(StaffMember.class);
        cfg.addAnnotatedClass(AuditEntry.class);
        cfg.addAnnotatedClass(OutboxEvent.class);
        cfg.addAnnotatedClass(AgentTask.class);
        cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, ds);
        cfg.setProperty(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "validate");
        cfg.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "50");
        cfg.setProperty(AvailableSettings.ORDER_INSERTS, "true");
        cfg.setProperty(AvailableSettings.ORDER_UPDATES, "true");
        cfg.setProperty(AvailableSettings.PREFER_NATIVE_ENUM_TYPES, "false");
        try {
            return cfg.buildSessionFactory();
        } catch (RuntimeException e) {
            throw new StoreException("The database schema does not match this version of the console: " + firstLine(e.getMessage()), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the caller is already reporting the real problem
        }
    }

    private static String firstLine(String s) {
        return StoreFailures.firstLine(s);
    }

    /**
     * Hibernate over this database, booted on the first call (a second or more of a cold start; {@code list} never
     * asks): the mapping is validated against the schema then.
     *
     * @throws StoreException when the schema does not match this version of the console
     */
    public synchronized SessionFactory sessionFactory() {
        if (sessionFactory == null) {
            sessionFactory = sessionFactory(dataSource);
        }
        return sessionFactory;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DataFolder folder() {
        return folder;
    }

    /**
     * A connection of its own to this open database, outside the pool (H2 shares the open database within the
     * process): for a backup, whose failure on a full target disk says nothing about the pool's connections.
     */
    Connection ownConnection() throws SQLException {
        return DriverManager.getConnection(url(folder, options), "sa", options.password());
    }

    /** How H2 opens this database (its file system, and the file key when it is encrypted). */
    H2Options options() {
        return options;
    }

    /**
     * What the person should be told once about this open (a copy made before it, permissions tightened, a read-only
     * file), each a sentence; empty on an ordinary start.
     */
    public List<String> notices() {
        return notices;
    }

    /** Whether this database was created by this open (the data folder had none). */
    public boolean created() {
        return created;
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                if (sessionFactory != null) {
                    sessionFactory.close();
                }
            }
        } finally {
            try {
                dataSource.close();
                OwnerOnly.tighten(folder.path()); // what was written during the session (H2's trace file, window settings)
            } finally {
                lock.close();
            }
        }
    }
}
