package network.higherself.console.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Keeps a connected desktop in step while the console runs, on its own daemon thread: pushes and pulls at once,
 * then waits for the server's notice that another desktop pushed (LISTEN/NOTIFY), for a local change
 * ({@link #wake()}), or at most {@link #POLL} (the fallback when notices are lost); when the server is gone it
 * retries after 1, 2, 4... up to 60 seconds, and the console keeps working meanwhile. It also tries to hold the
 * agents' lock: with sync on, only the desktop that holds it runs the agents. Every round's state goes to
 * {@code onState}, on this thread (the window hands it to the JavaFX thread).
 */
public final class SyncLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncLoop.class);

    /** How long the loop waits for a notice before it looks anyway. */
    public static final Duration POLL = Duration.ofSeconds(10);
    /**
     * How long one wait for the server's notice lasts: a change made here ({@link #wake}) is sent after at most this
     * (the driver's wait cannot be interrupted). At 250 ms the sync benchmark's trip was 250 ms at p50; it reads the
     * socket only, no round trip to the server.
     */
    private static final int WAKE_SLICE_MILLIS = 40;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    /**
     * What the status bar says about sync, and what the cards say: {@code conflictsByCard} holds, by local card id,
     * a sentence for each card with an open conflict.
     */
    public record State(Kind kind, String sentence, int pending, int conflicts, Instant at, boolean changed,
                        java.util.Map<Long, String> conflictsByCard) {
        public enum Kind { ONLINE, OFFLINE, FAILED }

        public State {
            conflictsByCard = java.util.Map.copyOf(conflictsByCard);
        }

        public State(Kind kind, String sentence, int pending, int conflicts, Instant at, boolean changed) {
            this(kind, sentence, pending, conflicts, at, changed, java.util.Map.of());
        }
    }

    /** The open conflicts by card: "Sync: your move lost to amara at desk_a", for the card's face. */
    static java.util.Map<Long, String> byCard(java.util.List<Sync.Conflict> open) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        for (Sync.Conflict c : open) {
            if (c.cardId() != null) {
                String who = c.winner() == null ? "the server refused a change of " + c.actor()
                        : "a change of " + c.actor() + " lost to " + c.winner() + (c.winnerDesk() == null ? "" : " at " + c.winnerDesk());
                out.merge(c.cardId(), "Sync: " + who + " (see the status bar's conflicts)", (a, b) -> a);
            }
        }
        return out;
    }

    private final Sync sync;
    private final ServerAddress address;
    private final Clock clock;
    private final Consumer<State> onState;
    private final Object signal = new Object();
    private volatile boolean woken;
    private volatile boolean running;
    private volatile boolean agentsLock;
    private Thread thread;

    public SyncLoop(Sync sync, ServerAddress address, Clock clock, Consumer<State> onState) {
        this.sync = Objects.requireNonNull(sync);
        this.address = Objects.requireNonNull(address);
        this.clock = Objects.requireNonNull(clock);
        this.onState = Objects.requireNonNull(onState);
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "hsc-sync");
        thread.setDaemon(true);
        thread.start();
    }

    /** A change was made here: send it now rather than at the next notice or poll. */
    public void wake() {
        woken = true;
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Whether this desktop holds the agents' lock on the server (false while offline). */
    public boolean holdsAgentsLock() {
        return agentsLock;
    }

    private void loop() {
        Duration backoff = Duration.ofSeconds(1);
        SyncServer server = new SyncServer(address);
        boolean listening = false;
        while (running) {
            try {
                if (!listening) {
                    server.listen();
                    listening = true;
                }
                agentsLock = agentsLock || server.tryAgentsLock();
                woken = false;
                Sync.Report r = sync.now(server);
                Sync.Status s = sync.status();
                boolean changed = r.applied() + r.copied() + r.conflicts() + r.refused() > 0;
                onState.accept(new State(State.Kind.ONLINE, "Synced", s.pending(), s.openConflicts(), clock.instant(), changed,
                        byCard(sync.openConflicts(null))));
                backoff = Duration.ofSeconds(1);
                long until = System.nanoTime() + POLL.toNanos();
                while (running && !woken && System.nanoTime() < until) {
                    if (server.awaitNotice(WAKE_SLICE_MILLIS) >= 0) {
                        break;
                    }
                }
            } catch (ServerUnavailableException e) {
                listening = false;
                agentsLock = false; // the lock went with the connection
                server.close();
                onState.accept(new State(State.Kind.OFFLINE, e.getMessage(), pendingOrZero(), conflictsOrZero(),
                        clock.instant(), false));
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                LOG.error("A sync round failed", e);
                listening = false;
                agentsLock = false;
                server.close();
                onState.accept(new State(State.Kind.FAILED, e.getMessage() == null ? e.toString() : e.getMessage(),
                        pendingOrZero(), conflictsOrZero(), clock.instant(), false));
                pause(MAX_BACKOFF);
            }
        }
        server.close();
    }

    private int pendingOrZero() {
        try {
            return sync.status().pending();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private int conflictsOrZero() {
        try {
            return sync.status().openConflicts();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private void pause(Duration d) {
        synchronized (signal) {
            try {
                if (running && !woken) {
                    signal.wait(d.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        wake();
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
