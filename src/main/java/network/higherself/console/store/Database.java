package network.higherself.console.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import network.higherself.console.agent.AgentTask;
import network.higherself.console.audit.AuditEntry;
import network.higherself.console.card.CardKinds;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.sync.OutboxEvent;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The embedded H2 database in a data folder: locked against a second console, copied aside before a schema
 * update, migrated by Flyway, and mapped by Hibernate (which validates the mapping and never writes DDL).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final String DB_NAME = "console";

    private final DataFolder folder;
    private final InstanceLock lock;
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final boolean created;

    private Database(DataFolder folder, InstanceLock lock, HikariDataSource dataSource, SessionFactory sessionFactory,
                     boolean created) {
        this.folder = folder;
        this.lock = lock;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.created = created;
    }

    /**
     * Opens (creating if needed) the database of {@code folder}; {@code clock} names the copy made before a schema
     * update.
     */
    public static Database open(DataFolder folder, Clock clock) {
        Path dir = folder.path();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("The data folder " + dir + " cannot be created (" + e.getMessage()
                    + "). Choose a folder you can write to with --data-dir.", e);
        }
        InstanceLock lock = InstanceLock.acquire(dir);
        HikariDataSource ds = null;
        try {
            Path file = databaseFile(folder);
            boolean isNew = !Files.exists(file);
            String url = url(folder);
            Path backup = isNew ? null : backupIfMigrating(folder, url, clock);
            ds = pool(url);
            migrate(ds, folder, backup, isNew);
            SessionFactory sf = sessionFactory(ds);
            return new Database(folder, lock, ds, sf, isNew);
        } catch (RuntimeException e) {
            if (ds != null) {
                ds.close();
            }
            lock.close();
            throw e;
        }
    }

    public static Path databaseFile(DataFolder folder) {
        return folder.path().resolve(DB_NAME + ".mv.db");
    }

    static String url(DataFolder folder) {
        // WRITE_DELAY=0: a commit is on disk when it is acknowledged (the default delay loses the last second on a kill);
        // QUERY_CACHE_SIZE: a change prepares about a dozen statements, and with H2's default of 8 kept per connection
        // it parsed them again on every change (a fifth of a move's time, see MoveLatencyBenchmark)
        return "jdbc:h2:file:" + folder.path().resolve(DB_NAME).toAbsolutePath() + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64";
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(4); // Flyway needs two connections at once
        config.setMinimumIdle(1);
        config.setPoolName("hsc");
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** Copies the database file aside when a schema update is due; returns the copy, or null when none was needed. */
    private static Path backupIfMigrating(DataFolder folder, String url, Clock clock) {
        MigrationInfo[] pending;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            pending = Flyway.configure().dataSource(new SingleConnectionDataSource(c)).load().info().pending();
        } catch (SQLException e) {
            throw unusable(folder, e);
        } catch (FlywayException e) {
            throw new StoreException("The database in " + folder + " cannot be read (" + e.getMessage()
                    + "). It has not been changed. Restore a copy from " + folder.path().resolve("backups")
                    + " or choose another folder with --data-dir.", e);
        }
        if (pending.length == 0) {
            return null;
        }
        // the connection above was the only one: H2 has closed the file, so this copy is consistent
        Path backups = folder.path().resolve("backups");
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String before = "-before-V" + pending[pending.length - 1].getVersion() + ".mv.db";
        Path copy = backups.resolve(DB_NAME + "-" + stamp + before);
        for (int n = 2; Files.exists(copy); n++) { // a retry within the same second keeps the earlier copy
            copy = backups.resolve(DB_NAME + "-" + stamp + "-" + n + before);
        }
        try {
            Files.createDirectories(backups);
            Files.copy(databaseFile(folder), copy, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new StoreException("The database needs an update, but it could not first be copied to " + copy
                    + " (" + e.getMessage() + "). Nothing was changed. Free some disk space and start again.", e);
        }
        LOG.info("Copied {} to {} before updating its schema", databaseFile(folder), copy);
        return copy;
    }

    private static void migrate(HikariDataSource ds, DataFolder folder, Path backup, boolean isNew) {
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
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
                    + folder.path().resolve("backups") + ".", e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw unusable(folder, sql);
            }
            throw e;
        }
    }

    private static StoreException unusable(DataFolder folder, SQLException e) {
        Path file = databaseFile(folder);
        String reason = "H2 error " + e.getErrorCode(); // its message names Java exceptions ("IO Exception: ...")
        if (e.getErrorCode() == 90020) { // DATABASE_ALREADY_OPEN
            return new StoreException("The database " + file + " is in use by another program. Close it and start again.", e);
        }
        return new StoreException(file + " is not a console database, or it is damaged (" + reason + "). It has not been "
                + "changed. Restore a copy from " + folder.path().resolve("backups") + ", move the file away, or choose "
                + "another folder with --data-dir.", e);
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
        if (s == null) {
            return "no details";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DataFolder folder() {
        return folder;
    }

    /** Whether this database was created by this open (the data folder had none). */
    public boolean created() {
        return created;
    }

    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            dataSource.close();
            lock.close();
        }
    }
}
