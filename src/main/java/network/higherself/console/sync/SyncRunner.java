package network.higherself.console.sync;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The window's sync: the {@link SyncLoop} that runs while this data folder is connected, started at start-up when
 * it is, started again when the sync settings connect it or are given the server's password, stopped when they
 * disconnect it. Also what the agents ask: with sync on they run only on the desktop that holds the server's
 * agents' lock; connected but not in step (no password, offline), this desktop does not run them.
 */
public final class SyncRunner implements AutoCloseable {

    private final Sync sync;
    private final Clock clock;
    private final Consumer<SyncLoop.State> onState;
    private SyncLoop loop;
    private volatile boolean connected;

    public SyncRunner(Sync sync, Clock clock, Consumer<SyncLoop.State> onState) {
        this.sync = Objects.requireNonNull(sync);
        this.clock = Objects.requireNonNull(clock);
        this.onState = Objects.requireNonNull(onState);
    }

    /**
     * Starts the loop when this data folder is connected, with the password from {@code given} (the environment,
     * say), else the one remembered here; without any, the loop says the server asks for one.
     */
    public void startIfConnected(String given) {
        sync.settings().ifPresent(s -> start(new ServerAddress(s.url(), s.user(),
                given != null ? given : sync.rememberedPassword().orElse(null))));
    }

    /** (Re)starts the loop with {@code address} (a password typed in the sync settings, say). */
    public synchronized void start(ServerAddress address) {
        stop();
        connected = true;
        loop = new SyncLoop(sync, address, clock, onState);
        loop.start();
    }

    /** Stops the loop (the data folder was disconnected). */
    public synchronized void stop() {
        if (loop != null) {
            loop.close();
            loop = null;
        }
        connected = sync.settings().isPresent();
    }

    /** A change was made here: send it now. */
    public synchronized void wake() {
        if (loop != null) {
            loop.wake();
        }
    }

    /** Whether the agents may run here: sync is off, or this desktop holds the server's agents' lock. */
    public synchronized boolean agentsMayRun() {
        return !connected || (loop != null && loop.holdsAgentsLock());
    }

    public boolean connected() {
        return connected;
    }

    @Override
    public void close() {
        SyncLoop l;
        synchronized (this) {
            l = loop;
            loop = null;
        }
        if (l != null) {
            l.close();
        }
    }
}
