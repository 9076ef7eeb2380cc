package network.higherself.console.ui.board;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import network.higherself.console.store.ColumnLimit;

import java.util.Optional;

/** Asks for a column's work-in-progress limit: how many cards, and whether a move over it is refused. */
final class LimitDialog {

    private LimitDialog() {
    }

    static Optional<ColumnLimit> ask(Window owner, ColumnViewModel column) {
        ColumnLimit current = column.limitProperty().get();
        Dialog<ColumnLimit> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Work-in-progress limit");
        dialog.setHeaderText(column.state().label() + " holds " + column.countProperty().get() + " cards now.");
        Spinner<Integer> max = new Spinner<>(1, 10_000, current == null ? Math.max(1, (int) column.countProperty().get()) : current.maxCards());
        max.setEditable(true);
        max.setId("limit-max");
        CheckBox hard = new CheckBox("Hard limit: refuse a move that would go over it");
        hard.setId("limit-hard");
        hard.setSelected(current != null && current.hard());
        Label help = new Label("A soft limit turns the column amber when it is exceeded.");
        help.setWrapText(true);
        VBox box = new VBox(10, new Label("At most this many cards:"), max, hard, help);
        box.setPadding(new Insets(10, 0, 0, 0));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK
                ? new ColumnLimit("", column.stateId(), max.getValue(), hard.isSelected()) : null);
        return dialog.showAndWait();
    }
}
