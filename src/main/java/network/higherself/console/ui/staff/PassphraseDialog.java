package network.higherself.console.ui.staff;

import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import network.higherself.console.ui.common.Fxml;

/** The dialog (PassphraseDialog.fxml) that asks for an encrypted data folder's passphrase, bound to its view model. */
public final class PassphraseDialog {

    private final PassphraseViewModel model;
    @FXML
    private Label heading;
    @FXML
    private Label problem;
    @FXML
    private PasswordField passphrase;
    @FXML
    private PasswordField again;
    @FXML
    private VBox againBox;

    private PassphraseDialog(PassphraseViewModel model) {
        this.model = model;
    }

    /** The dialog, not yet shown; its result is the passphrase, or null when the person cancelled. */
    public static Dialog<char[]> create(PassphraseViewModel model) {
        PassphraseDialog controller = new PassphraseDialog(model);
        Dialog<char[]> dialog = new Dialog<>();
        dialog.setTitle("Higher Self Console");
        DialogPane pane = Fxml.load("PassphraseDialog.fxml", controller);
        dialog.setDialogPane(pane);
        char[][] accepted = new char[1][];
        Button ok = (Button) pane.lookupButton(ButtonType.OK);
        ok.setText(model.creating() ? "Encrypt and open" : "Open");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            accepted[0] = model.accept(controller.passphrase.getText().toCharArray(), controller.again.getText().toCharArray());
            controller.passphrase.clear();
            controller.again.clear();
            if (accepted[0] == null) {
                e.consume(); // the problem is shown; the dialog stays
                controller.passphrase.requestFocus();
            }
        });
        dialog.setResultConverter(button -> button == ButtonType.OK ? accepted[0] : null);
        dialog.setOnShown(e -> controller.passphrase.requestFocus());
        return dialog;
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(model.headingProperty());
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        againBox.setVisible(model.creating());
        againBox.setManaged(model.creating());
    }
}
