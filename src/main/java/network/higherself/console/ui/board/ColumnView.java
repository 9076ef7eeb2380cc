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
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** One column: a header (state, count, limit, responsible agent) over a virtualized list of cards. */
final class ColumnView extends VBox {

    static final String COLUMN = "board-column";
    static final String LIT = "column-lit";
    static final String DIMMED = "column-dimmed";
    static final String HOME = "column-home";
    static final String LOCKED = "column-locked";
    static final String LOCK = "column-lock";
    static final String LOCK_REASON = "column-lock-reason";
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
        FontIcon lock = new FontIcon(MaterialDesignL.LOCK_OUTLINE);
        lock.getStyleClass().add(LOCK);
        lock.visibleProperty().bind(model.dropLookProperty().isEqualTo(ColumnViewModel.DropLook.LOCKED));
        lock.managedProperty().bind(lock.visibleProperty());
        HBox title = new HBox(6, lock, name, spacer, count);
        title.setAlignment(Pos.CENTER_LEFT);
        // a drag shows no tooltips (the pointer is dragging): the reason stands under the name while the column is locked
        Label reason = new Label();
        reason.getStyleClass().add(LOCK_REASON);
        reason.setWrapText(true);
        reason.textProperty().bind(model.lockReasonProperty());
        reason.visibleProperty().bind(model.lockReasonProperty().isNotNull());
        reason.managedProperty().bind(reason.visibleProperty());
        VBox header = new VBox(2, title, reason);
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
            getStyleClass().removeAll(LIT, LOCKED, DIMMED, HOME);
            switch (look) {
                case LIT -> getStyleClass().add(LIT);
                case LOCKED -> getStyleClass().add(LOCKED);
                case DIMMED -> getStyleClass().add(DIMMED);
                case HOME -> getStyleClass().add(HOME);
                default -> {
                    // no drag going on
                }
            }
        });
        // while a dragged card cannot go here now, hovering the column says why (the same sentence the drop would get)
        Tooltip why = new Tooltip();
        why.setWrapText(true);
        why.setMaxWidth(360);
        why.textProperty().bind(model.lockReasonProperty());
        model.lockReasonProperty().addListener((o, a, now) -> {
            if (now == null) {
                Tooltip.uninstall(this, why);
            } else {
                Tooltip.install(this, why);
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
