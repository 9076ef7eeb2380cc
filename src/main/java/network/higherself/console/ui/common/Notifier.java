package network.higherself.console.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Consumer;

/** Short messages to the person (ControlsFX notifications), e.g. why a move was refused. */
public final class Notifier {

    private final Node owner;

    public Notifier(Node owner) {
        this.owner = owner;
    }

    public void refused(String title, String message) {
        notifications(title, message).hideAfter(Duration.seconds(8)).showWarning();
    }

    public void info(String title, String message) {
        notifications(title, message).hideAfter(Duration.seconds(4)).showInformation();
    }

    /**
     * Something done, with one thing the person may do about it at once ({@code actionLabel}, e.g. "Undo"): a button
     * on the notification, which runs {@code action} once and hides the notification. While it shows, the window's
     * keys go to it (JavaFX hands them to the owner's topmost popup): {@code shortcut} there runs the action too, so
     * that the shortcut that does the same on the window (Ctrl+Z) still works.
     */
    public void done(String title, String message, String actionLabel, KeyCombination shortcut, Runnable action) {
        boolean[] ran = {false};
        Consumer<Window> once = popup -> {
            if (!ran[0]) {
                ran[0] = true;
                action.run();
            }
            if (popup != null) {
                popup.hide();
            }
        };
        Action act = new Action(actionLabel, e -> once.accept(e.getSource() instanceof Node n && n.getScene() != null
                ? n.getScene().getWindow() : null));
        notifications(title, message).hideAfter(Duration.seconds(10)).action(act).showInformation();
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w instanceof PopupWindow && w.getScene() != null && !w.getProperties().containsKey(SHORTCUT_KEY)
                    && shows(w.getScene().getRoot(), actionLabel)) {
                w.getProperties().put(SHORTCUT_KEY, shortcut);
                // the button takes no keyboard focus: the window's other keys (M after a move) still reach the board
                w.getScene().getRoot().lookupAll(".button").forEach(b -> b.setFocusTraversable(false));
                w.getScene().getRoot().requestFocus();
                w.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                    if (shortcut.match(e)) {
                        e.consume();
                        once.accept(w);
                    }
                });
            }
        }
    }

    private static final String SHORTCUT_KEY = Notifier.class.getName() + ".shortcut";

    /** Whether a button labelled {@code label} is among {@code root}'s nodes (its skin made first). */
    private static boolean shows(Parent root, String label) {
        root.applyCss();
        root.layout();
        return root.lookupAll(".button").stream().anyMatch(b -> b instanceof Labeled l && label.equals(l.getText()));
    }

    public void error(String title, Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        notifications(title, text + "\nDetails are in the log.").hideAfter(Duration.seconds(12)).showError();
    }

    /** A line of a notification at most: its label does not wrap, and a long refusal ran off the window. */
    static final int LINE = 90;

    private Notifications notifications(String title, String text) {
        Notifications n = Notifications.create().title(title).text(wrap(text, LINE)).position(Pos.BOTTOM_RIGHT);
        if (owner != null && owner.getScene() != null) {
            n.owner(owner.getScene().getWindow());
        }
        return n;
    }

    /** Breaks {@code text} into lines of at most {@code width} characters at spaces (a longer word keeps its line). */
    static String wrap(String text, int width) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (String paragraph : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            int lineLength = 0;
            for (String word : paragraph.split(" ")) {
                if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                    out.append('\n');
                    lineLength = 0;
                } else if (lineLength > 0) {
                    out.append(' ');
                    lineLength++;
                }
                out.append(word);
                lineLength += word.length();
            }
        }
        return out.toString();
    }
}
