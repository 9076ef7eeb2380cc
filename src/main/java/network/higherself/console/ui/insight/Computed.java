package network.higherself.console.ui.insight;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import network.higherself.console.ui.common.BackgroundExecutor;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A value computed in the background from inputs that live on the JavaFX thread, again whenever one of them
 * changes. The work is taken on the JavaFX thread (reading the inputs) and done on the executor; results arrive in
 * the order the work was asked for, so the last one shown is the last one asked for.
 */
final class Computed<T> {

    private final ReadOnlyObjectWrapper<T> value = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BackgroundExecutor executor;
    private final Supplier<Callable<T>> work;
    private final String failure;

    /**
     * @param work    reads the inputs and returns the work to do with them, or null while they are not all there
     * @param failure what the problem says when the work fails, before the reason
     */
    Computed(BackgroundExecutor executor, Supplier<Callable<T>> work, String failure, Observable... inputs) {
        this.executor = executor;
        this.work = work;
        this.failure = failure;
        for (Observable input : inputs) {
            input.addListener(o -> update());
        }
    }

    void update() {
        Callable<T> job = work.get();
        if (job == null) {
            return;
        }
        executor.run(job, v -> {
            problem.set("");
            value.set(v);
        }, e -> problem.set(failure + ": " + e.getMessage()));
    }

    ReadOnlyObjectProperty<T> value() {
        return value.getReadOnlyProperty();
    }

    ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }
}
