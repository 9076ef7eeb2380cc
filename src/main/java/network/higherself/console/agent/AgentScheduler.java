package network.higherself.console.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the agents in the console: at {@link #start} (what was missed while the console was closed fires then, in
 * date order), then every period, and soon after a move sends an agent message. One run at a time, on its own
 * daemon thread; each run's result goes to {@code onRun}, a failure to {@code onFailure} and the log (never
 * swallowed), and the next run still comes. The window hands both over to the JavaFX thread itself.
 */
public final class AgentScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentScheduler.class);

    /** The default period: twice a minute. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(30);

    private final AgentRunner runner;
    private final Duration period;
    private final Consumer<AgentRun> onRun;
    private final Consumer<Throwable> onFailure;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> ticks;
    /** Whether this desktop runs the agents now (with sync on, only the one that holds the server's agents' lock). */
    private volatile java.util.function.BooleanSupplier mayRun = () -> true;

    AgentScheduler(AgentRunner runner, Duration period, Consumer<AgentRun> onRun, Consumer<Throwable> onFailure) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("The agents' period must be positive: " + period);
        }
        this.runner = Objects.requireNonNull(runner);
        this.period = period;
        this.onRun = Objects.requireNonNull(onRun);
        this.onFailure = Objects.requireNonNull(onFailure);
    }

    /** Starts the runs: the first at once. Starting a started scheduler does nothing. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hsc-agents");
            t.setDaemon(true);
            return t;
        });
        ticks = executor.scheduleWithFixedDelay(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a run soon (after a move sent a message); ignored while stopped. */
    public synchronized void runSoon() {
        if (executor != null) {
            executor.schedule(this::tick, 200, TimeUnit.MILLISECONDS);
        }
    }

    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Stops the runs, waiting for one in progress to finish (at most 10 s). Stopping a stopped scheduler does nothing. */
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        ticks.cancel(false);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("An agents' run was still going after 10 s at stop; it was abandoned");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        ticks = null;
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Runs the agents only while {@code mayRun} says so: with sync on, every desktop would otherwise fire the same
     * timed event; the desktop that holds the server's agents' lock fires it, the others receive the move.
     */
    public void runOnlyWhile(java.util.function.BooleanSupplier mayRun) {
        this.mayRun = Objects.requireNonNull(mayRun);
    }

    private void tick() {
        if (!mayRun.getAsBoolean()) {
            return;
        }
        AgentRun run;
        try {
            run = runner.run();
        } catch (RuntimeException | Error e) {
            LOG.error("The agents' run failed", e);
            report(onFailure, e);
            return;
        }
        if (!run.isEmpty()) {
            run.lines().forEach(l -> LOG.info("agents: {}", l.text()));
        }
        report(onRun, run);
    }

    private static <T> void report(Consumer<T> to, T what) {
        try {
            to.accept(what);
        } catch (RuntimeException e) {
            LOG.error("Reporting the agents' run failed", e);
        }
    }
}
