package network.higherself.console.ui.board;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
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
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.List;

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

    /** A column shown as a narrow strip: its name turned on its side and its count; a click opens it again. */
    static final String COLLAPSED = "column-collapsed";
    static final String STRIP = "column-strip";
    /** The header's button that collapses the column to a strip. */
    static final String COLLAPSE = "column-collapse";

    /** A column's width at 100 %, as (min, pref, max), in the normal and the compact density. */
    private static final double[] NORMAL_WIDTH = {250, 270, 300};
    private static final double[] COMPACT_WIDTH = {190, 210, 230};
    /** In "fit the workflow" a column takes its share of the window's width, down to this much. */
    static final double FIT_MIN_WIDTH = 60;

    private final ColumnViewModel model;
    private final ListView<CardSummary> list;
    private final VBox header;
    private final VBox strip;
    private Label agent;
    private final HBox title;
    private final Label name;
    private final Button collapse;
    private final Region spacer;

    ColumnView(ColumnViewModel model, BoardViewModel board) {
        this.model = model;
        setId("column-" + model.stateId());
        getStyleClass().add(COLUMN);

        Label name = new Label(model.state().label());
        name.getStyleClass().add("column-name");
        name.setWrapText(true); // a narrow column ("fit the workflow") wraps its name instead of cutting it
        name.setMinHeight(Region.USE_PREF_SIZE);
        name.setMinWidth(0);
        name.setMaxWidth(Double.MAX_VALUE); // as wide as the column: else it wraps at its own idea of its width
        Label count = new Label();
        count.getStyleClass().add("column-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> model.limitProperty().get() == null
                        ? String.valueOf(model.countProperty().get())
                        : model.countProperty().get() + " / " + model.limitProperty().get().maxCards()
                        + (model.limitProperty().get().hard() ? " max" : ""),
                model.countProperty(), model.limitProperty()));
        count.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        FontIcon lock = new FontIcon(MaterialDesignL.LOCK_OUTLINE);
        lock.getStyleClass().add(LOCK);
        lock.visibleProperty().bind(model.dropLookProperty().isEqualTo(ColumnViewModel.DropLook.LOCKED));
        lock.managedProperty().bind(lock.visibleProperty());
        Button collapse = new Button(null, new FontIcon(MaterialDesignA.ARROW_COLLAPSE_HORIZONTAL));
        collapse.getStyleClass().addAll("flat", "button-icon", COLLAPSE);
        collapse.setId("collapse-" + model.stateId());
        collapse.setTooltip(new Tooltip("Collapse " + model.state().label() + " to a narrow strip (it still takes cards)"));
        collapse.setFocusTraversable(false);
        collapse.setOnAction(e -> board.layout().toggleCollapsed(model.stateId()));
        HBox.setHgrow(name, Priority.SOMETIMES);
        title = new HBox(4, lock, name, spacer, count, collapse);
        title.setAlignment(Pos.CENTER_LEFT);
        this.name = name;
        this.collapse = collapse;
        this.spacer = spacer;
        // a drag shows no tooltips (the pointer is dragging): the reason stands under the name while the column is locked
        Label reason = new Label();
        reason.getStyleClass().add(LOCK_REASON);
        reason.setWrapText(true);
        reason.textProperty().bind(model.lockReasonProperty());
        reason.visibleProperty().bind(model.lockReasonProperty().isNotNull());
        reason.managedProperty().bind(reason.visibleProperty());
        header = new VBox(2, title, reason);
        header.getStyleClass().add("column-header");
        if (!model.agent().isEmpty()) {
            Label agent = new Label(model.agent());
            agent.setGraphic(new FontIcon(MaterialDesignR.ROBOT_OUTLINE));
            agent.getStyleClass().add("column-agent");
            agent.setWrapText(true);
            agent.setMinHeight(Region.USE_PREF_SIZE);
            agent.setMinWidth(0);
            agent.setTooltip(new Tooltip(model.agent()));
            this.agent = agent;
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
        MenuItem collapseItem = new MenuItem("Collapse to a strip");
        collapseItem.setOnAction(e -> board.layout().toggleCollapsed(model.stateId()));
        ContextMenu menu = new ContextMenu(setLimit, removeLimit, new javafx.scene.control.SeparatorMenuItem(), collapseItem);
        header.setOnContextMenuRequested(e -> menu.show(header, e.getScreenX(), e.getScreenY()));

        list = new ListView<>(model.cards());
        list.setId("cards-" + model.stateId());
        list.getStyleClass().add("column-cards");
        list.setFixedCellSize(-1);
        VBox.setVgrow(list, Priority.ALWAYS);
        Label empty = new Label("No cards");
        empty.getStyleClass().add("column-empty");
        empty.setWrapText(true);
        list.setPlaceholder(empty);

        getChildren().addAll(header, list);
        strip = strip(model, board);

        showDropLook(this, model);
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

    /** Gives {@code node} the column's look while a card is dragged (lit, locked, dimmed, its own column). */
    static void showDropLook(Region node, ColumnViewModel column) {
        javafx.beans.value.ChangeListener<ColumnViewModel.DropLook> look = (o, a, now) -> {
            node.getStyleClass().removeAll(LIT, LOCKED, DIMMED, HOME);
            switch (now) {
                case LIT -> node.getStyleClass().add(LIT);
                case LOCKED -> node.getStyleClass().add(LOCKED);
                case DIMMED -> node.getStyleClass().add(DIMMED);
                case HOME -> node.getStyleClass().add(HOME);
                default -> {
                    // no drag going on
                }
            }
        };
        // weak: the column's model outlives a lane's nodes, which are built again at each change of layout
        column.dropLookProperty().addListener(new javafx.beans.value.WeakChangeListener<>(look));
        node.getProperties().put("drop-look", look); // held by the node, for as long as it lives
    }

    /** The strip a collapsed column shows: its count, its name turned on its side, a lock while a guard would refuse. */
    private static VBox strip(ColumnViewModel model, BoardViewModel board) {
        Label count = new Label();
        count.getStyleClass().add("column-count");
        count.textProperty().bind(model.countProperty().asString());
        count.setMinWidth(Region.USE_PREF_SIZE);
        Label name = new Label(model.state().label());
        name.getStyleClass().add("column-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        name.setRotate(90);
        FontIcon lock = new FontIcon(MaterialDesignL.LOCK_OUTLINE);
        lock.getStyleClass().add(LOCK);
        lock.visibleProperty().bind(model.dropLookProperty().isEqualTo(ColumnViewModel.DropLook.LOCKED));
        lock.managedProperty().bind(lock.visibleProperty());
        VBox strip = new VBox(8, new FontIcon(MaterialDesignA.ARROW_EXPAND_HORIZONTAL), count, lock, new Group(name));
        strip.setAlignment(Pos.TOP_CENTER);
        strip.getStyleClass().add(STRIP);
        strip.setId("strip-" + model.stateId());
        Tooltip.install(strip, new Tooltip(model.state().label() + ": " + model.state().description()
                + "\nClick to show its cards again. A card dropped here moves to it."));
        strip.setOnMouseClicked(e -> board.layout().toggleCollapsed(model.stateId()));
        VBox.setVgrow(strip, Priority.ALWAYS);
        return strip;
    }

    /**
     * Lays the column out for the board's layout: a strip when collapsed; else its share of the width in "fit the
     * workflow", or its own width at the zoom, narrower when compact; only its header when the board has lanes.
     */
    void layOut(boolean collapsed, boolean fit, boolean compact, double zoom, boolean lanes) {
        // with swimlanes, the column is its header: its cards are in the lanes' cells under it
        List<javafx.scene.Node> shown = collapsed ? List.of(strip) : lanes ? List.of(header) : List.of(header, list);
        if (!getChildren().equals(shown)) {
            getChildren().setAll(shown);
        }
        if (collapsed && !getStyleClass().contains(COLLAPSED)) {
            getStyleClass().add(COLLAPSED);
        } else if (!collapsed) {
            getStyleClass().remove(COLLAPSED);
        }
        arrangeHeader(fit);
        if (agent != null) { // a narrow column names its agent on hover only
            agent.setContentDisplay(fit || compact ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY
                    : javafx.scene.control.ContentDisplay.LEFT);
        }
        if (collapsed) {
            setMinWidth(Region.USE_PREF_SIZE);
            setPrefWidth(Region.USE_COMPUTED_SIZE);
            setMaxWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(this, Priority.NEVER);
        } else if (fit) {
            setMinWidth(FIT_MIN_WIDTH);
            setPrefWidth(FIT_MIN_WIDTH);
            setMaxWidth(NORMAL_WIDTH[2] * zoom);
            HBox.setHgrow(this, Priority.ALWAYS);
        } else {
            double[] w = compact ? COMPACT_WIDTH : NORMAL_WIDTH;
            setMinWidth(w[0] * zoom);
            setPrefWidth(w[1] * zoom);
            setMaxWidth(w[2] * zoom);
            HBox.setHgrow(this, Priority.NEVER);
        }
    }

    /**
     * A narrow column ("fit the workflow") has its name on a line of its own, wrapped, over its count; collapsing is
     * then in the header's menu. Else the name, the count and the collapse button share a line.
     */
    private void arrangeHeader(boolean fit) {
        boolean narrow = header.getChildren().contains(name);
        if (fit == narrow) {
            return;
        }
        if (fit) {
            title.getChildren().removeAll(name, collapse);
            header.getChildren().add(0, name);
        } else {
            header.getChildren().remove(name);
            title.getChildren().add(title.getChildren().indexOf(spacer), name);
            title.getChildren().add(collapse);
        }
    }

    boolean isCollapsed() {
        return getChildren().contains(strip);
    }

    ColumnViewModel model() {
        return model;
    }

    ListView<CardSummary> list() {
        return list;
    }
}
