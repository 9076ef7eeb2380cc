package network.higherself.console.ui.board;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import network.higherself.console.move.MoveCheck;
import network.higherself.console.ui.common.Fxml;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.Transition;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

import java.util.List;
import java.util.Optional;

/**
 * When several events lead to the column a card was dropped on, the person says which one. Laid out in
 * EventPicker.fxml; this controller lists the events.
 */
final class EventPicker {

    static final String ID = "event-picker";

    private final String cardTitle;
    private final List<MoveCheck> options;

    @FXML
    private DialogPane pane;
    @FXML
    private ListView<MoveCheck> list;

    private EventPicker(String cardTitle, List<MoveCheck> options) {
        this.cardTitle = cardTitle;
        this.options = options;
    }

    /**
     * Asks which of {@code options} to fire (the events the person may fire; a locked one is shown, with a lock and
     * its reason, but cannot be chosen).
     */
    static Optional<Transition> pick(Window owner, String cardTitle, List<MoveCheck> options) {
        EventPicker controller = new EventPicker(cardTitle, options);
        Dialog<Transition> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Which event?");
        dialog.setDialogPane(Fxml.load("EventPicker.fxml", controller));
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(Bindings.createBooleanBinding(() -> {
            MoveCheck chosen = controller.list.getSelectionModel().getSelectedItem();
            return chosen == null || !chosen.isOpen();
        }, controller.list.getSelectionModel().selectedItemProperty()));
        dialog.setResultConverter(b -> {
            MoveCheck chosen = controller.list.getSelectionModel().getSelectedItem();
            return b == ButtonType.OK && chosen != null && chosen.isOpen() ? chosen.transition() : null;
        });
        return dialog.showAndWait();
    }

    @FXML
    private void initialize() {
        pane.setHeaderText("Several events take '" + cardTitle + "' to "
                + Labels.humanize(options.get(0).transition().to()) + ".");
        list.getItems().setAll(options);
        list.setPrefHeight(Math.min(240, 40 + options.size() * 32));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(MoveCheck m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : Labels.humanize(m.transition().event()));
                boolean locked = !empty && m != null && !m.isOpen();
                setGraphic(locked ? new FontIcon(MaterialDesignL.LOCK_OUTLINE) : null);
                setTooltip(locked ? new Tooltip(m.reason()) : null);
                setDisable(locked);
            }
        });
        options.stream().filter(MoveCheck::isOpen).findFirst().ifPresent(list.getSelectionModel()::select);
    }
}
