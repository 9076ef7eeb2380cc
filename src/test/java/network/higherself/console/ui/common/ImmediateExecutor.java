package network.higherself.console.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The background executor for view-model tests: the work runs at once, on the calling thread, and so does its
 * success or failure handler, before {@link #run} returns. No JavaFX toolkit, no thread to wait for.
 */
public final class ImmediateExecutor implements BackgroundExecutor {

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable e) { // as the application's executor: every failure goes to the handler
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result); // outside the try: a failing handler is the test's failure, not the work's
    }
}
