package network.higherself.console.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

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
