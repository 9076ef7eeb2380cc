package network.higherself.console.ui.sync;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import network.higherself.console.sync.Sync;
import network.higherself.console.ui.common.Fxml;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The list of sync conflicts, laid out in ConflictsView.fxml; this controller binds it to the
 * {@link ConflictsViewModel}.
 */
public final class ConflictsView {

    public static final String ID = "sync-conflicts";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final ConflictsViewModel model;
    private final Runnable onDecided;

    @FXML
    private ListView<Sync.Conflict> list;
    @FXML
    private Button letGo;
    @FXML
    private Button applyAgain;
    @FXML
    private Label message;

    ConflictsView(ConflictsViewModel model, Runnable onDecided) {
        this.model = model;
        this.onDecided = onDecided;
    }

    /** Opens the list over {@code owner}, on the oldest conflict; {@code onDecided} runs after each decision. */
    public static Dialog<Void> show(Window owner, ConflictsViewModel model, Runnable onDecided) {
        ConflictsView controller = new ConflictsView(model, onDecided);
        DialogPane pane = Fxml.load("ConflictsView.fxml", controller);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Sync conflicts");
        dialog.setDialogPane(pane);
        network.higherself.console.ui.common.DialogFit.toOwner(dialog); // no bigger than its window
        dialog.setResizable(true);
        model.load(() -> controller.list.getSelectionModel().selectFirst());
        dialog.show();
        return dialog;
    }

    @FXML
    private void initialize() {
        list.setItems(model.conflicts());
        list.setCellFactory(v -> new ConflictCell(model.seesEveryone()));
        letGo.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        applyAgain.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        message.textProperty().bind(model.messageProperty());
    }

    @FXML
    private void applyAgainSelected() {
        model.applyAgain(list.getSelectionModel().getSelectedItem(), this::decided);
    }

    @FXML
    private void letGoSelected() {
        model.letGo(list.getSelectionModel().getSelectedItem(), this::decided);
    }

    private void decided() {
        list.getSelectionModel().selectFirst();
        onDecided.run();
    }

    /** A conflict: what the person did, what happened instead and by whom, and when it was found. */
    private static final class ConflictCell extends ListCell<Sync.Conflict> {
        private final boolean everyone;

        ConflictCell(boolean everyone) {
            this.everyone = everyone;
        }

        @Override
        protected void updateItem(Sync.Conflict c, boolean isEmpty) {
            super.updateItem(c, isEmpty);
            if (isEmpty || c == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label what = new Label((everyone ? c.actor() + ": " : "") + c.what());
            what.setStyle("-fx-font-weight: bold;");
            what.setWrapText(true);
            Label instead = new Label("Instead: " + c.instead() + ".");
            instead.setWrapText(true);
            Label when = new Label("Found " + WHEN.format(c.foundAt().atZone(ZoneId.systemDefault())));
            when.getStyleClass().add("text-muted");
            for (Label l : new Label[]{what, instead, when}) {
                // wrap at the list's width rather than cut with an ellipsis
                l.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
                l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            VBox box = new VBox(2, what, instead, when);
            setText(null);
            setGraphic(box);
        }
    }
}
