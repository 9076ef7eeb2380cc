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
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.setOnShown(e -> controller.field.requestFocus());
        dialog.show();
        return dialog;
    }

    @FXML
    private void initialize() {
        field.textProperty().bindBidirectional(model.textProperty());
        hits.setItems(model.hits());
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

    private void choose(SearchViewModel.Hit hit) {
        dialog.close();
        open.accept(hit.card());
    }
}
