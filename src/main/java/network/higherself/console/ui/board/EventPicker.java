package network.higherself.console.ui.board;

import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Window;
import network.higherself.console.ui.common.Fxml;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.Transition;

import java.util.List;
import java.util.Optional;

/**
 * When several events lead to the column a card was dropped on, the person says which one. Laid out in
 * EventPicker.fxml; this controller lists the events.
 */
final class EventPicker {

    static final String ID = "event-picker";

    private final String cardTitle;
    private final List<Transition> options;

    @FXML
    private DialogPane pane;
    @FXML
    private ListView<Transition> list;

    private EventPicker(String cardTitle, List<Transition> options) {
        this.cardTitle = cardTitle;
        this.options = options;
    }

    static Optional<Transition> pick(Window owner, String cardTitle, List<Transition> options) {
        EventPicker controller = new EventPicker(cardTitle, options);
        Dialog<Transition> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Which event?");
        dialog.setDialogPane(Fxml.load("EventPicker.fxml", controller));
        dialog.setResultConverter(b -> b == ButtonType.OK ? controller.list.getSelectionModel().getSelectedItem() : null);
        return dialog.showAndWait();
    }

    @FXML
    private void initialize() {
        pane.setHeaderText("Several events take '" + cardTitle + "' to " + Labels.humanize(options.get(0).to()) + ".");
        list.getItems().setAll(options);
        list.setPrefHeight(Math.min(240, 40 + options.size() * 32));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Transition t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : Labels.humanize(t.event()));
            }
        });
        list.getSelectionModel().selectFirst();
    }
}
