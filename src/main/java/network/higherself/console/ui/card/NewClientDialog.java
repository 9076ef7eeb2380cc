package network.higherself.console.ui.card;

import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import network.higherself.console.card.NewClient;
import network.higherself.console.ui.common.Fxml;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Asks for a client who is not on the list yet (name, e-mail, phone), from a card's form: the answer goes into the
 * form as the card's client, and the card's change adds it when it is saved (see {@link NewClient}). Laid out in
 * NewClientDialog.fxml; OK says what is wrong instead of closing while something is.
 */
public final class NewClientDialog {

    public static final String DIALOG_ID = "new-client-dialog";

    /** Whether a name is already on the list (the form's choices): such a client is picked, not added. */
    private final Predicate<String> listed;

    @FXML
    private DialogPane pane;
    @FXML
    private TextField name;
    @FXML
    private TextField email;
    @FXML
    private TextField phone;
    @FXML
    private Label problem;

    private NewClientDialog(Predicate<String> listed) {
        this.listed = listed;
    }

    /** Shows the dialog over {@code owner}; empty when the person cancels. */
    public static Optional<NewClient> ask(Window owner, Predicate<String> listed) {
        NewClientDialog controller = new NewClientDialog(listed);
        Dialog<NewClient> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("New client");
        dialog.setDialogPane(Fxml.load("NewClientDialog.fxml", controller));
        dialog.setResultConverter(b -> b == ButtonType.OK ? controller.client() : null);
        dialog.setOnShown(e -> controller.name.requestFocus());
        return dialog.showAndWait();
    }

    @FXML
    private void initialize() {
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.textProperty().addListener((obs, old, now) -> { // the window grows to show the sentence whole
            if (pane.getScene() != null && pane.getScene().getWindow() != null) {
                pane.getScene().getWindow().sizeToScene();
            }
        });
        for (TextField f : List.of(name, email, phone)) {
            f.textProperty().addListener((obs, old, now) -> problem.setText(""));
        }
        Button ok = (Button) pane.lookupButton(ButtonType.OK);
        ok.setText("Use this client");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            String why = problemOf(client());
            if (why != null) {
                problem.setText(why);
                e.consume();
            }
        });
    }

    private NewClient client() {
        return new NewClient(name.getText(), email.getText(), phone.getText());
    }

    private String problemOf(NewClient c) {
        List<String> problems = c.problems();
        if (!problems.isEmpty()) {
            return String.join(" ", problems);
        }
        return listed.test(c.name()) ? "A client called '" + c.name() + "' is already on the list: cancel, and pick them there."
                : null;
    }
}
