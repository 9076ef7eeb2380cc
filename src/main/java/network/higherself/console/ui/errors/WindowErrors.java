package network.higherself.console.ui.errors;

import javafx.application.Platform;
import javafx.scene.control.Dialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The window's last resort: every error no code caught, on the JavaFX thread (an event handler, a layout pass) or on
 * any other thread, is logged with its stack trace and shown in a dialog that says in words what happened and where
 * the details are. The console keeps running: JavaFX goes on with the next event. One dialog at a time (errors that
 * come while it is open are counted in it), and one problem (the same kind of error from the same place) is shown
 * once: a problem that repeats on every layout pass does not bury the window in dialogs; the log keeps every one.
 */
public final class WindowErrors implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WindowErrors.class);

    private final String version;
    private final Function<Throwable, String> whereDetails;
    private final Set<String> shown = new HashSet<>();
    private UnexpectedErrorViewModel open;
    private boolean showing;

    /**
     * @param whereDetails writes an error down where the log does not (when there is none) and returns the sentence
     *                     that says where its details are
     */
    public WindowErrors(String version, Function<Throwable, String> whereDetails) {
        this.version = version;
        this.whereDetails = whereDetails;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("An error nobody foresaw, on the thread {}", thread.getName(), error);
        String where = whereDetails.apply(error);
        String threadName = thread.getName();
        if (Platform.isFxApplicationThread()) {
            show(threadName, error, where);
            return;
        }
        try {
            Platform.runLater(() -> show(threadName, error, where));
        } catch (IllegalStateException toolkitGone) {
            LOG.error("The error above could not be shown: the window is closed");
        }
    }

    private void show(String thread, Throwable error, String where) {
        if (showing) { // an error while the dialog itself was being made: logged above, never shown in a loop
            return;
        }
        if (open != null) {
            open.anotherOccurred();
            return;
        }
        if (!shown.add(signature(error))) {
            return;
        }
        showing = true;
        try {
            UnexpectedErrorViewModel model = new UnexpectedErrorViewModel(error, thread, version, where, WindowErrors::copy);
            Dialog<Void> dialog = UnexpectedErrorDialog.show(owner(), model, () -> open = null);
            if (dialog.isShowing()) {
                open = model;
            }
        } catch (RuntimeException e) {
            LOG.error("The dialog of the error above could not be shown", e);
        } finally {
            showing = false;
        }
    }

    /** The kind of error and the place it came from: the same problem again has the same signature. */
    static String signature(Throwable error) {
        StackTraceElement[] frames = error.getStackTrace();
        return error.getClass().getName() + (frames.length == 0 ? "" : " at " + frames[0]);
    }

    private static Window owner() {
        return Window.getWindows().stream().filter(Window::isShowing).filter(Window::isFocused).findFirst()
                .orElse(Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null));
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
