package network.higherself.console.sync;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 17 server for the sync tests (zonky's embedded binaries, on a free loopback port), with the
 * console's roles as a real installation has them: an owner that sets the schema up, and desktop logins that are
 * members of hsc_desktop and may only execute the server's functions. It can be stopped with an immediate shutdown
 * (as a crash would) and started again on the same data.
 */
public final class TestServer implements AutoCloseable {

    public static final String DATABASE = "hsc";
    public static final String OWNER = "hsc_owner";

    private final Path dataDir;
    private EmbeddedPostgres pg;
    private int port;

    private TestServer(Path dataDir) {
        this.dataDir = dataDir;
    }

    public static TestServer start(Path dir) throws IOException, SQLException {
        TestServer s = new TestServer(dir.resolve("pgdata"));
        s.pg = builder(s.dataDir).start();
        s.port = s.pg.getPort();
        try (Connection c = s.pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + OWNER + " LOGIN CREATEROLE PASSWORD 'owner-secret'");
            st.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            // as a real server: every login but the test's own superuser gives its password (embedded, all are trusted)
            Files.writeString(s.dataDir.resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
            st.execute("SELECT pg_reload_conf()");
        }
        return s;
    }

    /**
     * The server as a real one runs: zonky turns synchronous_commit off, and then a commit the server has answered
     * can be lost at an immediate shutdown (found by the kill test: an event the desktop had marked sent was not in
     * the log after the restart). Not cleaned: zonky would delete the data at the close after an immediate stop (the
     * test's temporary folder is new, and removed after).
     */
    private static EmbeddedPostgres.Builder builder(Path dataDir) {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on");
    }

    public String url() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public ServerAddress owner() {
        return new ServerAddress(url(), OWNER, "owner-secret");
    }

    /** A new, empty database of the owner's on this server, for a test that needs a server of its own. */
    public String newDatabase(String name) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " OWNER " + OWNER);
        }
        return "jdbc:postgresql://localhost:" + port + "/" + name;
    }

    /** A desktop's login: a member of hsc_desktop (which the schema's migration created). */
    public ServerAddress desktop(String name) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + name + "') THEN "
                    + "CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "-secret' IN ROLE hsc_desktop; END IF; END $$");
        }
        return new ServerAddress(url(), name, name + "-secret");
    }

    /** A connection as the superuser, to look at or damage the server's tables the way an intruder with the file might. */
    public Connection superuser() throws SQLException {
        return superuser(DATABASE);
    }

    /** A connection as the superuser to another database of this server (one made by {@link #newDatabase}). */
    public Connection superuser(String database) throws SQLException {
        return pg.getDatabase("postgres", database).getConnection();
    }

    /** Stops the server as a crash would (SIGQUIT: immediate shutdown, no checkpoint). */
    public void stopImmediately() throws IOException, InterruptedException {
        String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
        Process kill = new ProcessBuilder("kill", "-QUIT", pid).inheritIO().start();
        kill.waitFor(10, TimeUnit.SECONDS);
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        try {
            pg.close();
        } catch (IOException ignored) {
            // the server is already gone
        }
    }

    /** Starts the server again on the same data and port. */
    public void restart() throws IOException {
        pg = builder(dataDir).setPort(port).start();
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}
