package network.higherself.console.ui.board;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Window;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.Transition;

import java.util.List;
import java.util.Optional;

/** When several events lead to the column a card was dropped on, the person says which one. */
final class EventPicker {

    static final String ID = "event-picker";

    private EventPicker() {
    }

    static Optional<Transition> pick(Window owner, String cardTitle, List<Transition> options) {
        Dialog<Transition> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Which event?");
        dialog.setHeaderText("Several events take '" + cardTitle + "' to " + Labels.humanize(options.get(0).to()) + ".");
        dialog.getDialogPane().setId(ID);
        ListView<Transition> list = new ListView<>();
        list.getItems().setAll(options);
        list.setPrefHeight(Math.min(240, 40 + options.size() * 32));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Transition t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : Labels.humanize(t.event()) + "  (" + t.event() + ")");
            }
        });
        list.getSelectionModel().selectFirst();
        dialog.getDialogPane().setContent(list);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? list.getSelectionModel().getSelectedItem() : null);
        return dialog.showAndWait();
    }
}
