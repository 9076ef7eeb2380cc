package network.higherself.console.ui.access;

import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Role;
import network.higherself.console.ui.common.Fxml;

/**
 * A staff member asks for a role or rights; the request goes to the managers' review queue. Laid out in
 * AccessRequestDialog.fxml; this controller binds it to its {@link AccessRequestForm}.
 */
public final class AccessRequestDialog {

    public static final String ID = "access-request";
    public static final String ROLE_ID = "access-role";
    public static final String SCOPES_ID = "access-scopes";
    public static final String WHY_ID = "access-why";
    public static final String MESSAGE_ID = "access-message";

    private final AccessRequestForm form;

    @FXML
    private ButtonType send;
    @FXML
    private ComboBox<Role> role;
    @FXML
    private TextArea scopes;
    @FXML
    private TextArea why;
    @FXML
    private Label message;

    AccessRequestDialog(AccessRequestForm form) {
        this.form = form;
    }

    /** Opens the form over {@code owner} for the staff member {@code requesterId}; {@code onLogged} runs once it is sent. */
    public static Dialog<Outcome> show(Window owner, AccessViewModel model, long requesterId, Runnable onLogged) {
        AccessRequestDialog controller = new AccessRequestDialog(new AccessRequestForm(model, requesterId));
        DialogPane pane = Fxml.load("AccessRequestDialog.fxml", controller);
        Dialog<Outcome> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Ask for access");
        dialog.setDialogPane(pane);
        network.higherself.console.ui.common.DialogFit.toOwner(dialog); // no bigger than its window
        pane.lookupButton(controller.send).addEventFilter(ActionEvent.ACTION, e -> {
            if (controller.form.sentProperty().get()) {
                return; // the request is saved: let the dialog close
            }
            e.consume();
            controller.form.send(outcome -> {
                dialog.setResult(outcome);
                dialog.close();
                onLogged.run();
            });
        });
        dialog.show();
        return dialog;
    }

    @FXML
    private void initialize() {
        role.getItems().add(null);
        role.getItems().addAll(Role.values());
        role.setConverter(new RoleNames());
        role.valueProperty().bindBidirectional(form.roleProperty());
        scopes.textProperty().bindBidirectional(form.scopesProperty());
        why.textProperty().bindBidirectional(form.justificationProperty());
        message.textProperty().bind(form.messageProperty());
    }
}
