package network.higherself.console.ui.backup;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import network.higherself.console.ui.common.BackgroundExecutor;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * "Back up now" and the first start's daily copy, in the window: the copy is taken on the application's background
 * executor, and the outcome is a sentence saying where the file is (or why there is none).
 */
public final class BackupViewModel {

    /** What the person is told: the sentence, and whether it says the copy failed. */
    public record Message(String text, boolean failed) {
    }

    /** Takes a copy and returns the sentence that says where it is (store/Backups, store/BackupRequests). */
    @FunctionalInterface
    public interface Work {
        String backUp(Path target) throws Exception;
    }

    private final BackgroundExecutor executor;
    private final Work work;
    private final Callable<Optional<String>> daily;
    private final Function<Throwable, String> explain;
    private final Path suggested;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>();

    /**
     * {@code daily} takes the day's copy if none was taken today (empty otherwise); {@code explain} turns a failure
     * into a sentence; {@code suggested} is where "Back up now" proposes to write.
     */
    public BackupViewModel(BackgroundExecutor executor, Work work, Callable<Optional<String>> daily,
                           Function<Throwable, String> explain, Path suggested) {
        this.executor = executor;
        this.work = work;
        this.daily = daily;
        this.explain = explain;
        this.suggested = suggested;
    }

    public Path suggestedTarget() {
        return suggested;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Writes a copy to {@code target} in the background; one at a time. */
    public void backUp(Path target) {
        if (running.get()) {
            return;
        }
        running.set(true);
        message.set(new Message("Backing up to " + target + "…", false));
        executor.run(() -> work.backUp(target), text -> {
            running.set(false);
            message.set(new Message(text, false));
        }, e -> {
            running.set(false);
            message.set(new Message(explain.apply(e), true));
        });
    }

    /** The first start of the day: the daily copy, in the background; said only when one was written or failed. */
    public void daily() {
        executor.run(daily, text -> text.ifPresent(t -> message.set(new Message("Today's automatic backup: " + t, false))),
                e -> message.set(new Message("Today's automatic backup failed: " + explain.apply(e), true)));
    }
}
