package network.higherself.console.ui.board;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import network.higherself.console.store.CardSummary;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** One column: a header (state, count, limit, responsible agent) over a virtualized list of cards. */
final class ColumnView extends VBox {

    static final String COLUMN = "board-column";
    static final String LIT = "column-lit";
    static final String DIMMED = "column-dimmed";
    static final String HOME = "column-home";
    static final String OVER_LIMIT = "column-over-limit";

    private final ColumnViewModel model;
    private final ListView<CardSummary> list;

    ColumnView(ColumnViewModel model, BoardViewModel board) {
        this.model = model;
        setId("column-" + model.stateId());
        getStyleClass().add(COLUMN);

        Label name = new Label(model.state().label());
        name.getStyleClass().add("column-name");
        Label count = new Label();
        count.getStyleClass().add("column-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> model.limitProperty().get() == null
                        ? String.valueOf(model.countProperty().get())
                        : model.countProperty().get() + " / " + model.limitProperty().get().maxCards()
                        + (model.limitProperty().get().hard() ? " max" : ""),
                model.countProperty(), model.limitProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox title = new HBox(6, name, spacer, count);
        title.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(2, title);
        header.getStyleClass().add("column-header");
        if (!model.agent().isEmpty()) {
            Label agent = new Label(model.agent());
            agent.setGraphic(new FontIcon(MaterialDesignR.ROBOT_OUTLINE));
            agent.getStyleClass().add("column-agent");
            header.getChildren().add(agent);
        }
        Tooltip.install(header, new Tooltip(model.state().description() + (model.isFinal() ? " (final)" : "")
                + "\nRight-click to set a work-in-progress limit."));
        MenuItem setLimit = new MenuItem("Set work-in-progress limit\u2026");
        setLimit.setOnAction(e -> LimitDialog.ask(getScene().getWindow(), model)
                .ifPresent(l -> board.setLimit(model.stateId(), l.maxCards(), l.hard())));
        MenuItem removeLimit = new MenuItem("Remove limit");
        removeLimit.disableProperty().bind(model.limitProperty().isNull());
        removeLimit.setOnAction(e -> board.setLimit(model.stateId(), null, false));
        ContextMenu menu = new ContextMenu(setLimit, removeLimit);
        header.setOnContextMenuRequested(e -> menu.show(header, e.getScreenX(), e.getScreenY()));

        list = new ListView<>(model.cards());
        list.setId("cards-" + model.stateId());
        list.getStyleClass().add("column-cards");
        list.setFixedCellSize(-1);
        VBox.setVgrow(list, Priority.ALWAYS);
        Label empty = new Label("No cards");
        empty.getStyleClass().add("column-empty");
        list.setPlaceholder(empty);

        getChildren().addAll(header, list);
        setMinWidth(250);
        setPrefWidth(270);
        setMaxWidth(300);

        model.dropLookProperty().addListener((o, a, look) -> {
            getStyleClass().removeAll(LIT, DIMMED, HOME);
            switch (look) {
                case LIT -> getStyleClass().add(LIT);
                case DIMMED -> getStyleClass().add(DIMMED);
                case HOME -> getStyleClass().add(HOME);
                default -> {
                    // no drag going on
                }
            }
        });
        model.overLimitProperty().addListener((o, a, over) -> {
            if (over) {
                getStyleClass().add(OVER_LIMIT);
            } else {
                getStyleClass().remove(OVER_LIMIT);
            }
        });
    }

    ColumnViewModel model() {
        return model;
    }

    ListView<CardSummary> list() {
        return list;
    }
}
