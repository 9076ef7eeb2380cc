package network.higherself.console.sync;

import network.higherself.console.app.Services;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.DataFolder;
import network.higherself.console.workflow.WorkflowCatalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.stream.Stream;

/**
 * Two desktops on one server database, for the sync tests: A with the demo data, which set the server up and
 * uploaded its cards, and B, which had the demo's people but no cards and downloaded them. Each test gets its own
 * server database and its own copies of the two data folders (made once per run: the demo takes seconds).
 */
public final class TwoDesktops implements AutoCloseable {

    public static final Actor AMARA = Actor.staff("amara", Role.ADMINISTRATOR);
    public static final Actor JONAS = Actor.staff("jonas", Role.MANAGER);

    private static int databases;

    /** A's services; null while A is closed ({@link #closeA}), for a test that runs A in a process of its own. */
    public Services a;
    public final Services b;
    public final SyncServer serverA;
    public final SyncServer serverB;
    public final String url;
    /** A's data folder. */
    public final Path folderA;

    private TwoDesktops(Services a, Services b, SyncServer serverA, SyncServer serverB, String url, Path folderA) {
        this.a = a;
        this.folderA = folderA;
        this.b = b;
        this.serverA = serverA;
        this.serverB = serverB;
        this.url = url;
    }

    /** Makes the two data folders' templates under {@code templates} (once). */
    public static void makeTemplates(Path templates) {
        if (!Files.isDirectory(templates.resolve("a"))) {
            try (Services s = Services.open(new DataFolder(templates.resolve("a")), Clock.systemUTC())) {
                s.demoData().seed();
            }
            try (Services s = Services.open(new DataFolder(templates.resolve("b")), Clock.systemUTC())) {
                s.demoData().seedPeople();
            }
        }
    }

    /** A fresh server database set up by its owner, and A and B connected to it as desk_a and desk_b. */
    public static synchronized TwoDesktops connect(TestServer server, Path templates, Path dir) throws Exception {
        makeTemplates(templates);
        String url = newServerDatabase(server);
        Path folderA = copy(templates.resolve("a"), dir.resolve("a"));
        Services a = Services.open(new DataFolder(folderA), Clock.systemUTC());
        Services b = Services.open(new DataFolder(copy(templates.resolve("b"), dir.resolve("b"))), Clock.systemUTC());
        ServerAddress deskA = desk(server, url, "desk_a");
        ServerAddress deskB = desk(server, url, "desk_b");
        a.sync().connect(deskA, AMARA);
        b.sync().connect(deskB, AMARA);
        return new TwoDesktops(a, b, new SyncServer(deskA), new SyncServer(deskB), url, folderA);
    }

    /** A new database on the server, set up by its owner with the bundled workflows; its URL. */
    public static synchronized String newServerDatabase(TestServer server) throws SQLException {
        return newServerDatabase(server, "d" + (++databases), null);
    }

    /**
     * A new database {@code name} on the server, its schema migrated by its owner up to server migration
     * {@code target} (null: the latest, as {@link SyncServer#migrate} does), with the bundled workflows; its URL.
     */
    public static String newServerDatabase(TestServer server, String name, String target) throws SQLException {
        String url = server.newDatabase(name);
        var flyway = org.flywaydb.core.Flyway.configure().dataSource(url, TestServer.OWNER, "owner-secret").schemas("hsc")
                .locations("classpath:db/server");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
        try (SyncServer owner = new SyncServer(new ServerAddress(url, TestServer.OWNER, "owner-secret"))) {
            owner.defineWorkflows(WorkflowCatalog.bundled().all().stream().map(WorkflowDigest::of).toList());
        }
        return url;
    }

    /** A desktop login on the server, for the database at {@code url}. */
    public static ServerAddress desk(TestServer server, String url, String name) throws SQLException {
        ServerAddress login = server.desktop(name);
        return new ServerAddress(url, login.user(), login.password());
    }

    /** A copy of a closed data folder (its lock file left out). */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().endsWith(".lock")) {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    /** Closes A's data folder (its lock too), so that another process can open it. */
    public void closeA() {
        a.close();
        a = null;
    }

    /** Opens A's data folder again, as a console does after it was closed or killed. */
    public Services reopenA() {
        a = Services.open(new DataFolder(folderA), Clock.systemUTC());
        return a;
    }

    @Override
    public void close() {
        serverA.close();
        serverB.close();
        if (a != null) {
            a.close();
        }
        b.close();
    }
}
