package network.higherself.console.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Keeps a dialog inside the window it belongs to (or, without one, the screen): a dialog asks for the size its content
 * wants, and on a small window (1024x700) it gets at most the window's size, centred over it, its content scrolling
 * inside instead of running off the screen.
 */
public final class DialogFit {

    /** What is left free around a dialog that had to shrink to its window. */
    static final double MARGIN = 12;

    private DialogFit() {
    }

    /** Call once the dialog has its pane: from then on, each time it shows it is made to fit. */
    public static void toOwner(Dialog<?> dialog) {
        Window window = dialog.getDialogPane().getScene().getWindow();
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> fit(dialog));
    }

    /** The largest size a dialog over {@code owner} may take: the owner's size less a margin, or the screen's. */
    public static Rectangle2D area(Window owner) {
        if (owner != null && owner.isShowing() && owner.getWidth() > 0) {
            return new Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
        }
        return Screen.getPrimary().getVisualBounds();
    }

    private static void fit(Dialog<?> dialog) {
        Rectangle2D area = area(dialog.getOwner());
        double width = Math.min(dialog.getWidth(), area.getWidth() - 2 * MARGIN);
        double height = Math.min(dialog.getHeight(), area.getHeight() - 2 * MARGIN);
        if (width < dialog.getWidth() || height < dialog.getHeight()) {
            dialog.setWidth(width);
            dialog.setHeight(height);
            dialog.setX(area.getMinX() + (area.getWidth() - width) / 2);
            dialog.setY(area.getMinY() + (area.getHeight() - height) / 2);
        }
    }
}
