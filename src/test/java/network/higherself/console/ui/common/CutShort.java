package network.higherself.console.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * The labelled controls on show whose text is cut short ("Gallery e…"). JavaFX 17-21 has no public "is truncated":
 * the label's skin draws its text in a {@code LabeledText} child (a {@link Text}) holding the text as drawn — the
 * label's own text, or that text clipped with the ellipsis when it does not fit (a wrapped label keeps its whole
 * text there and wraps it). So a label is cut short when that child's text differs from the label's.
 */
public final class CutShort {

    private CutShort() {
    }

    /** "'Agent communications' shown as 'Agent communicati…' (Label .sidebar-name)" for each one cut under {@code root}. */
    public static List<String> under(Parent root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled) {
            String shown = shownText(labeled);
            String text = expected(labeled);
            if (shown != null && text != null && !text.isEmpty() && !shown.equals(text)) {
                cut.add("'" + text + "' shown as '" + shown + "' (" + labeled.getClass().getSimpleName() + " "
                        + String.join(" ", labeled.getStyleClass()) + (labeled.getId() == null ? "" : " #" + labeled.getId())
                        + ", " + Math.round(labeled.getWidth()) + " px wide)");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, cut);
            }
        }
    }

    /** The text the label's skin draws, or null when it draws none (no skin yet, a graphic only). */
    private static String shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    /** The label's text as it would be drawn whole: a mnemonic's underscore is not drawn. */
    private static String expected(Labeled labeled) {
        String text = labeled.getText();
        if (text != null && labeled.isMnemonicParsing()) {
            int at = text.indexOf('_');
            if (at >= 0 && at < text.length() - 1) {
                text = text.substring(0, at) + text.substring(at + 1);
            }
        }
        return text;
    }
}
