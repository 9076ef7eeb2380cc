package network.higherself.console.ui.access;

import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import javafx.util.StringConverter;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Role;
import network.higherself.console.ui.common.DialogFit;
import network.higherself.console.ui.common.Fxml;
import network.higherself.console.workflow.Workflow;

import java.util.function.Function;

/**
 * A staff member asks for a role or a right on a board, each picked from a list by its name; the request goes to the
 * managers' review queue, and the form then says so and where to follow it. Laid out in AccessRequestDialog.fxml;
 * this controller binds it to its {@link AccessRequestForm}.
 */
public final class AccessRequestDialog {

    public static final String ID = "access-request";
    public static final String ROLE_ID = "access-role";
    public static final String BOARD_ID = "access-board";
    public static final String RIGHT_ID = "access-right";
    public static final String EVENT_ID = "access-event";
    public static final String WHY_ID = "access-why";
    public static final String MESSAGE_ID = "access-message";

    /** The most events a board has (Consulting projects: 14). */
    private static final int MOST_EVENTS = 14;

    private final AccessRequestForm form;

    @FXML
    private ButtonType send;
    @FXML
    private ComboBox<Role> role;
    @FXML
    private ComboBox<Workflow> board;
    @FXML
    private ComboBox<AskedRight.Kind> right;
    @FXML
    private ComboBox<String> event;
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
        DialogFit.toOwner(dialog); // no bigger than its window
        Outcome[] sent = new Outcome[1];
        dialog.setResultConverter(b -> b == controller.send ? sent[0] : null);
        Button sendButton = (Button) pane.lookupButton(controller.send);
        AccessRequestForm form = controller.form;
        // the button says what is missing until the form says enough, then "Send request", and "Close" once sent
        sendButton.textProperty().bind(form.sendTextProperty());
        sendButton.disableProperty().bind(form.sendingProperty()
                .or(form.sentProperty().not().and(form.missingProperty().isNotEmpty())));
        Node cancel = pane.lookupButton(ButtonType.CANCEL);
        cancel.visibleProperty().bind(form.sentProperty().not());
        cancel.managedProperty().bind(cancel.visibleProperty());
        sendButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (form.sentProperty().get()) {
                return; // the request is saved and the confirmation read: let the dialog close
            }
            e.consume();
            form.send(outcome -> {
                sent[0] = outcome;
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
        role.setConverter(new RoleNames("(no role)"));
        role.valueProperty().bindBidirectional(form.roleProperty());

        board.getItems().add(null);
        board.getItems().addAll(form.boards());
        board.setConverter(named(Workflow::board, "(no board)"));
        board.valueProperty().bindBidirectional(form.boardProperty());

        right.getItems().addAll(AskedRight.Kind.values());
        right.setConverter(named(AskedRight.Kind::label, ""));
        right.valueProperty().bindBidirectional(form.rightProperty());
        right.disableProperty().bind(form.boardProperty().isNull().or(locked()));
        right.promptTextProperty().bind(Bindings.when(form.boardProperty().isNull())
                .then("(choose a board first)").otherwise("(what you need to do there)"));

        event.setItems(form.events());
        event.setConverter(named(AskedRight::eventName, ""));
        event.setVisibleRowCount(MOST_EVENTS); // a board's events in one list, without scrolling
        event.valueProperty().bindBidirectional(form.eventProperty());
        // the event picker is for a move only
        event.disableProperty().bind(form.rightProperty().isNotEqualTo(AskedRight.Kind.MOVE).or(locked()));
        event.promptTextProperty().bind(Bindings.when(form.rightProperty().isEqualTo(AskedRight.Kind.MOVE))
                .then("(the event you need to move cards with)").otherwise("(only to move cards)"));

        why.textProperty().bindBidirectional(form.justificationProperty());
        // while it is sent, and once it is, the request stays as it went
        role.disableProperty().bind(locked());
        board.disableProperty().bind(locked());
        why.editableProperty().bind(locked().not());
        // one sentence under the form: what the console said (a refusal, the confirmation), else what is missing
        // (and while nothing is missing, what the request asks, in words)
        message.textProperty().bind(Bindings.createStringBinding(() -> !form.messageProperty().get().isEmpty()
                        ? form.messageProperty().get() : form.missingProperty().get().isEmpty() ? form.summaryProperty().get()
                        : form.missingProperty().get(), form.messageProperty(), form.missingProperty(), form.summaryProperty()));
        javafx.beans.InvalidationListener tone = o -> {
            message.getStyleClass().removeAll("text-muted", "danger", "success");
            message.getStyleClass().add(form.sentProperty().get() ? "success"
                    : form.messageProperty().get().isEmpty() || form.sendingProperty().get() ? "text-muted" : "danger");
        };
        form.messageProperty().addListener(tone);
        form.sentProperty().addListener(tone);
        form.sendingProperty().addListener(tone);
        tone.invalidated(null);
    }

    private javafx.beans.binding.BooleanBinding locked() {
        return form.sentProperty().or(form.sendingProperty());
    }

    /** Shows each item by {@code name}, and null as {@code none}; the pickers are not typed into. */
    private static <T> StringConverter<T> named(Function<T, String> name, String none) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? none : name.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
