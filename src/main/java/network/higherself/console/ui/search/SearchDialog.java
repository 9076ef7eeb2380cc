package network.higherself.console.ui.search;

import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import network.higherself.console.store.CardSummary;
import network.higherself.console.ui.common.Fxml;

import java.util.function.Consumer;

/**
 * The search across boards (Ctrl+Shift+F), laid out in SearchDialog.fxml: a field, and the cards found with their board
 * and column. Enter or a double-click on a hit (Down from the field goes to the hits) closes the dialog and opens the
 * card's board at the card.
 */
public final class SearchDialog {

    public static final String FIELD_ID = "search-all-field";
    public static final String HITS_ID = "search-all-hits";

    private final SearchViewModel model;
    private final Consumer<CardSummary> open;
    private Dialog<Void> dialog;

    @FXML
    private TextField field;
    @FXML
    private ListView<SearchViewModel.Hit> hits;
    @FXML
    private Label message;

    private SearchDialog(SearchViewModel model, Consumer<CardSummary> open) {
        this.model = model;
        this.open = open;
    }

    /** Shows the search over {@code owner}, without blocking; a hit chosen goes to {@code open}. */
    public static Dialog<Void> show(Window owner, SearchViewModel model, Consumer<CardSummary> open) {
        SearchDialog controller = new SearchDialog(model, open);
        Dialog<Void> dialog = new Dialog<>();
        controller.dialog = dialog;
        dialog.initOwner(owner);
        dialog.setTitle("Search all boards");
        dialog.setDialogPane(Fxml.load("SearchDialog.fxml", controller));
        network.higherself.console.ui.common.DialogFit.toOwner(dialog); // no bigger than its window
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.setOnShown(e -> controller.field.requestFocus());
        dialog.show();
        return dialog;
    }

    @FXML
    private void initialize() {
        field.textProperty().bindBidirectional(model.textProperty());
        hits.setItems(model.hits());
        hits.setCellFactory(v -> new HitCell());
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !hits.getItems().isEmpty()) {
                hits.requestFocus();
                hits.getSelectionModel().select(0);
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && !hits.getItems().isEmpty()) {
                choose(hits.getSelectionModel().getSelectedItem() == null ? hits.getItems().get(0)
                        : hits.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        hits.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && hits.getSelectionModel().getSelectedItem() != null) {
                choose(hits.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        hits.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && hits.getSelectionModel().getSelectedItem() != null) {
                choose(hits.getSelectionModel().getSelectedItem());
            }
        });
    }

    /** A hit: its title, then its board and column, muted; as wide as the list (no sideways scrolling). */
    private static final class HitCell extends javafx.scene.control.ListCell<SearchViewModel.Hit> {
        HitCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SearchViewModel.Hit hit, boolean empty) {
            super.updateItem(hit, empty);
            setText(null);
            if (empty || hit == null) {
                setGraphic(null);
                return;
            }
            Label title = new Label(hit.card().title());
            title.getStyleClass().add("search-hit-title");
            Label where = new Label(hit.board() + "  \u00b7  " + hit.column());
            where.getStyleClass().add("search-hit-where");
            where.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
            javafx.scene.layout.HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
            javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(12, title, spacer, where);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }

    private void choose(SearchViewModel.Hit hit) {
        dialog.close();
        open.accept(hit.card());
    }
}
