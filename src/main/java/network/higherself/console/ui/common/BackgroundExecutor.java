package network.higherself.console.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where the views' database and sync work runs: off the JavaFX thread, with its result or failure handed back on
 * it. The application owns one ({@link FxBackgroundExecutor}, made at start-up and given to every view model);
 * view-model tests give theirs one that runs the work at once, on the calling thread.
 *
 * <p>A failure is never swallowed: it goes to {@code onFailure}.
 */
public interface BackgroundExecutor {

    /** Runs {@code work} in the background; {@code onSuccess} or {@code onFailure} then runs on the JavaFX thread. */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Runs {@code update} on the JavaFX thread, soon: what work running in the background tells the view on its way
     * (how far an export has got). The default runs it at once, on the calling thread (view-model tests).
     */
    default void handBack(Runnable update) {
        update.run();
    }
}
