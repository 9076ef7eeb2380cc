package network.higherself.console.ui.insight;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import network.higherself.console.insight.TextMeasure;
import network.higherself.console.insight.TextStyle;

/** The window's fonts for the diagram's text, and their measure: the boxes are laid out for what is drawn. */
public final class FxText implements TextMeasure {

    private final String family = Font.getDefault().getFamily();

    public Font font(TextStyle style) {
        return Font.font(family, style.bold() ? FontWeight.BOLD : FontWeight.NORMAL, style.size());
    }

    /** Measures with a text node: on the JavaFX thread, where the fonts' caches live. */
    @Override
    public double width(String text, TextStyle style) {
        Text t = new Text(text);
        t.setFont(font(style));
        return Math.ceil(t.getLayoutBounds().getWidth());
    }
}
