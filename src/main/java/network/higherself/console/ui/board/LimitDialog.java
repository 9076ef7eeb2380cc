package network.higherself.console.ui.board;

import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Spinner;
import javafx.stage.Window;
import network.higherself.console.store.ColumnLimit;
import network.higherself.console.ui.common.Fxml;

import java.util.Optional;

/**
 * Asks for a column's work-in-progress limit: how many cards, and whether a move over it is refused. Laid out in
 * LimitDialog.fxml; this controller shows the column's limit and count from its {@link ColumnViewModel}.
 */
final class LimitDialog {

    private final ColumnViewModel column;

    @FXML
    private DialogPane pane;
    @FXML
    private Spinner<Integer> max;
    @FXML
    private CheckBox hard;

    private LimitDialog(ColumnViewModel column) {
        this.column = column;
    }

    static Optional<ColumnLimit> ask(Window owner, ColumnViewModel column) {
        LimitDialog controller = new LimitDialog(column);
        Dialog<ColumnLimit> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Work-in-progress limit");
        dialog.setDialogPane(Fxml.load("LimitDialog.fxml", controller));
        dialog.setResultConverter(b -> b == ButtonType.OK ? controller.limit() : null);
        return dialog.showAndWait();
    }

    @FXML
    private void initialize() {
        ColumnLimit current = column.limitProperty().get();
        pane.setHeaderText(column.state().label() + " holds " + column.countProperty().get() + " cards now.");
        max.getValueFactory().setValue(current == null ? Math.max(1, (int) column.countProperty().get()) : current.maxCards());
        hard.setSelected(current != null && current.hard());
    }

    private ColumnLimit limit() {
        return new ColumnLimit("", column.stateId(), max.getValue(), hard.isSelected());
    }
}
