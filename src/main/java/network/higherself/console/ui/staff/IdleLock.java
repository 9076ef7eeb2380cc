package network.higherself.console.ui.staff;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.stage.Window;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Locks the console after a time without use. The rule is plain Java on a {@link Clock}: {@link #activity()}
 * when the person does something, {@link #check()} now and then, which answers {@code true} once the limit has
 * passed since the last activity (and then stays locked, ignoring activity, until {@link #rearm()} after the
 * person signed in again).
 *
 * <p>{@link #install} is the JavaFX glue: any key, mouse, scroll or touch event in the application's windows
 * (the main scene and its dialogs) counts as activity, and a timeline checks every second on the JavaFX thread.
 */
public final class IdleLock {

    /** The limit when none is configured. */
    public static final Duration DEFAULT_LIMIT = Duration.ofMinutes(10);

    private final Clock clock;
    private final Duration limit;
    private Instant lastActivity;
    private boolean locked;

    public IdleLock(Clock clock, Duration limit) {
        this.clock = Objects.requireNonNull(clock);
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("The idle lock needs a positive time, not " + limit);
        }
        this.limit = limit;
        this.lastActivity = clock.instant();
    }

    /** The person did something: the time without use starts again (unless the console is locked already). */
    public void activity() {
        if (!locked) {
            lastActivity = clock.instant();
        }
    }

    /** When the console locks if nothing happens before. */
    public Instant lockAt() {
        return lastActivity.plus(limit);
    }

    /** Whether the limit has passed since the last activity (and the console is not locked yet). */
    public boolean due() {
        return !locked && !clock.instant().isBefore(lockAt());
    }

    /** Locks when due: {@code true} exactly once per lock. */
    public boolean check() {
        if (due()) {
            locked = true;
            return true;
        }
        return false;
    }

    public boolean locked() {
        return locked;
    }

    /** The person signed in again: unlocked, and the time without use starts now. */
    public void rearm() {
        locked = false;
        lastActivity = clock.instant();
    }

    public Duration limit() {
        return limit;
    }

    /**
     * Installs the lock on {@code scene} and on every window the application opens: {@code onLock} runs on the
     * JavaFX thread once {@code limit} passes without input (checked every {@code checkEvery}). Call
     * {@link Installed#rearm()} after the person signed in again. Call on the JavaFX thread.
     */
    public static Installed install(Scene scene, Clock clock, Duration limit, Duration checkEvery, Runnable onLock) {
        return new Installed(scene, new IdleLock(clock, limit), checkEvery, onLock);
    }

    /** The lock as installed: its rule, and a way to rearm or remove it. */
    public static final class Installed {

        private final Scene scene;
        private final IdleLock lock;
        private final Runnable onLock;
        private final Timeline timeline;
        private final EventHandler<InputEvent> input;
        private final ListChangeListener<Window> windows;

        private Installed(Scene scene, IdleLock lock, Duration checkEvery, Runnable onLock) {
            this.scene = Objects.requireNonNull(scene);
            this.lock = lock;
            this.onLock = Objects.requireNonNull(onLock);
            this.input = e -> lock.activity();
            scene.addEventFilter(InputEvent.ANY, input);
            // dialogs are windows of their own: typing in a card's form is using the console too
            Window.getWindows().forEach(w -> w.addEventFilter(InputEvent.ANY, input));
            this.windows = change -> {
                while (change.next()) {
                    change.getAddedSubList().forEach(w -> w.addEventFilter(InputEvent.ANY, input));
                    change.getRemoved().forEach(w -> w.removeEventFilter(InputEvent.ANY, input));
                }
            };
            Window.getWindows().addListener(windows);
            this.timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(checkEvery.toMillis()), e -> checkNow()));
            timeline.setCycleCount(Animation.INDEFINITE);
            timeline.play();
        }

        public IdleLock lock() {
            return lock;
        }

        /** What the timeline does every second: locks (running {@code onLock}) when due. */
        public void checkNow() {
            if (lock.check()) {
                onLock.run();
            }
        }

        /** After the person signed in again. */
        public void rearm() {
            lock.rearm();
        }

        /** Stops checking and listening (e.g. when the window closes). */
        public void uninstall() {
            timeline.stop();
            scene.removeEventFilter(InputEvent.ANY, input);
            Window.getWindows().removeListener(windows);
            Window.getWindows().forEach(w -> w.removeEventFilter(InputEvent.ANY, input));
        }
    }
}
