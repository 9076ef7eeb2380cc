package network.higherself.console.sync;

import network.higherself.console.app.Services;
import network.higherself.console.store.DataFolder;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A desktop in a process of its own, for {@link SyncKillProcessTest} to kill: opens the data folder given as the
 * first argument, says so on a line, and pushes its outbox to the server at the URL and user given as the second and
 * third arguments (the password in the environment variable {@code HSC_SYNC_PASSWORD}, as the console reads it, so
 * that it is not on the process list). A line at the end tells what it did, when it lives that long.
 */
public final class PushingDesktop {

    public static final String PUSHING = "pushing ";

    private PushingDesktop() {
    }

    public static void main(String[] args) {
        ServerAddress address = new ServerAddress(args[1], args[2], System.getenv("HSC_SYNC_PASSWORD"));
        try (Services s = Services.open(new DataFolder(Path.of(args[0])), Clock.systemUTC());
             SyncServer server = new SyncServer(address)) {
            System.out.println(PUSHING + s.sync().status().pending() + " changes to " + address);
            System.out.flush();
            Sync.Report done = s.sync().push(server);
            System.out.println("pushed: " + done.describe());
        }
    }
}
