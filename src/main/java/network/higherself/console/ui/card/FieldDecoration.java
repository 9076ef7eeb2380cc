package network.higherself.console.ui.card;

import javafx.geometry.Pos;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.decoration.Decoration;
import org.controlsfx.control.decoration.GraphicDecoration;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

import java.util.Collection;
import java.util.List;

/**
 * ControlsFX's validation decoration, placed at the top right corner of a field whose input is wrong (clear of its
 * text and of the sentence under it), with the sentence as a plain tooltip in the theme's style. Required fields are marked by their label ("Title *")
 * instead of a red corner on every one of them, which reads as an error before anything was typed.
 */
final class FieldDecoration extends GraphicValidationDecoration {

    /** At the control's top right corner, clear of its text and of the sentence under it. */
    @Override
    protected Collection<Decoration> createValidationDecorations(ValidationMessage message) {
        return List.of(new GraphicDecoration(createDecorationNode(message), Pos.TOP_RIGHT, -3, 3));
    }

    @Override
    protected Tooltip createTooltip(ValidationMessage message) {
        return new Tooltip(message.getText());
    }

    @Override
    protected Collection<Decoration> createRequiredDecorations(Control target) {
        return List.of();
    }
}
