package network.higherself.console.ui.common;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The application's one background executor: database and sync work runs on one thread, one task after another,
 * and its result or failure is handed back on the JavaFX thread ({@code Platform.runLater}). A failure is never
 * swallowed: it goes to the caller's handler and to the log.
 */
public final class FxBackgroundExecutor implements BackgroundExecutor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxBackgroundExecutor.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hsc-background");
        t.setDaemon(true);
        return t;
    });

    /** Tasks given and not finished: queued, running, or their handler not yet run on the JavaFX thread. */
    private final AtomicInteger unfinished = new AtomicInteger();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        unfinished.incrementAndGet();
        executor.execute(() -> {
            try {
                T result = work.call();
                handBackCounted(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                LOG.error("Background task failed", e);
                handBackCounted(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void handBack(Runnable update) {
        Platform.runLater(update);
    }

    private void handBackCounted(Runnable handler) {
        Platform.runLater(() -> {
            try {
                handler.run();
            } finally {
                unfinished.decrementAndGet(); // after the handler: work it gives is counted before this task is not
            }
        });
    }

    /**
     * Whether every task given so far has finished, its handler included (for tests: what a person's action set
     * off in the background, and what that set off in turn, is done and shown).
     */
    public boolean isIdle() {
        return unfinished.get() == 0;
    }

    /** Waits for the tasks queued so far (for tests and orderly shutdown). */
    public void awaitIdle() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        executor.execute(done::countDown);
        done.await(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Background work still running at exit was abandoned");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
