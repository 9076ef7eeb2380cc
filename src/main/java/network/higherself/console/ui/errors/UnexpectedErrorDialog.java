package network.higherself.console.ui.errors;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import network.higherself.console.ui.common.Fxml;

/**
 * The dialog of an error nobody foresaw (UnexpectedErrorDialog.fxml), bound to its {@link UnexpectedErrorViewModel}:
 * what happened, where the details are, the details to read or copy. Shown without blocking, so that it can open from
 * inside a layout pass or an animation, where a modal wait is not allowed.
 */
final class UnexpectedErrorDialog {

    static final String DETAILS_ID = "error-details";
    static final String COPY_ID = "error-copy";

    private final UnexpectedErrorViewModel model;

    @FXML
    private DialogPane pane;
    @FXML
    private Label what;
    @FXML
    private Label where;
    @FXML
    private TextArea details;
    @FXML
    private Label more;
    @FXML
    private Button copy;
    @FXML
    private Label copied;

    private UnexpectedErrorDialog(UnexpectedErrorViewModel model) {
        this.model = model;
    }

    /** Shows the dialog over {@code owner} (or on its own when null); {@code onClosed} runs when it is closed. */
    static Dialog<Void> show(Window owner, UnexpectedErrorViewModel model, Runnable onClosed) {
        UnexpectedErrorDialog controller = new UnexpectedErrorDialog(model);
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Higher Self Console: a problem");
        dialog.setDialogPane(Fxml.load("UnexpectedErrorDialog.fxml", controller));
        dialog.setResizable(true);
        dialog.setOnHidden(e -> onClosed.run());
        dialog.show();
        return dialog;
    }

    @FXML
    private void initialize() {
        what.setText(model.whatHappened());
        where.setText(model.whereDetails());
        details.setText(model.details());
        more.textProperty().bind(model.moreProperty().map(n -> UnexpectedErrorViewModel.moreSentence(n.intValue())));
        more.visibleProperty().bind(model.moreProperty().greaterThan(0));
        more.managedProperty().bind(more.visibleProperty());
        copied.visibleProperty().bind(model.copiedProperty());
        // a line that appears after the dialog is shown makes it taller, not its buttons cut off
        model.moreProperty().addListener((o, was, now) -> javafx.application.Platform.runLater(() -> {
            if (pane.getScene() != null && pane.getScene().getWindow() != null) {
                pane.getScene().getWindow().sizeToScene();
            }
        }));
    }

    @FXML
    private void copyDetails() {
        model.copyDetails();
    }
}
