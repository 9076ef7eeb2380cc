package network.higherself.console.ui.access;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Role;

import java.util.concurrent.atomic.AtomicBoolean;

/** A staff member asks for a role or rights; the request goes to the managers' review queue. */
public final class AccessRequestDialog {

    public static final String ID = "access-request";
    public static final String ROLE_ID = "access-role";
    public static final String SCOPES_ID = "access-scopes";
    public static final String WHY_ID = "access-why";
    public static final String MESSAGE_ID = "access-message";

    private AccessRequestDialog() {
    }

    public static Dialog<Outcome> show(Window owner, AccessViewModel model, long requesterId, Runnable onLogged) {
        Dialog<Outcome> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Ask for access");
        dialog.setHeaderText("Ask for a role or for rights. A manager reviews the request, an administrator clears it.");
        dialog.getDialogPane().setId(ID);
        ButtonType send = new ButtonType("Send request", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(send, ButtonType.CANCEL);

        ComboBox<Role> role = new ComboBox<>();
        role.setId(ROLE_ID);
        role.getItems().add(null);
        role.getItems().addAll(Role.values());
        role.setPromptText("(no role: only the rights below)");
        TextArea scopes = new TextArea();
        scopes.setId(SCOPES_ID);
        scopes.setPrefRowCount(3);
        scopes.setPromptText("One per line: view WF-CONSULT, create WF-MKTG-CAMP, edit WF-CONT-CYCLE,\nfire payment_received on WF-WELL-BOOK");
        TextArea why = new TextArea();
        why.setId(WHY_ID);
        why.setPrefRowCount(3);
        why.setWrapText(true);
        why.setPromptText("Why you need it");
        Label message = new Label();
        message.setId(MESSAGE_ID);
        message.setWrapText(true);
        message.getStyleClass().add("danger");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10, 0, 0, 0));
        grid.addRow(0, new Label("Role"), role);
        grid.addRow(1, new Label("Rights"), scopes);
        grid.addRow(2, new Label("Justification"), why);
        grid.add(message, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);

        AtomicBoolean sent = new AtomicBoolean();
        dialog.getDialogPane().lookupButton(send).addEventFilter(ActionEvent.ACTION, e -> {
            if (sent.get()) {
                return; // the request is saved: let the dialog close
            }
            e.consume();
            if (role.getValue() == null && scopes.getText().isBlank()) {
                message.setText("Choose a role or write the rights you need.");
                return;
            }
            if (why.getText().isBlank()) {
                message.setText("Say why you need it: the manager decides on that.");
                return;
            }
            message.setText("Sending\u2026");
            model.requestAccess(requesterId, role.getValue(), scopes.getText(), why.getText(), outcome -> {
                if (outcome.isDone()) {
                    sent.set(true);
                    dialog.setResult(outcome);
                    dialog.close();
                    onLogged.run();
                } else {
                    message.setText(outcome.message());
                }
            });
        });
        dialog.show();
        return dialog;
    }
}
