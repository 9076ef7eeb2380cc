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

    private Notifications notifications(String title, String text) {
        Notifications n = Notifications.create().title(title).text(text).position(Pos.BOTTOM_RIGHT);
        if (owner != null && owner.getScene() != null) {
            n.owner(owner.getScene().getWindow());
        }
        return n;
    }
}
