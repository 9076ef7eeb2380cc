package network.higherself.console.ui.board;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import network.higherself.console.store.CardSummary;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

import java.util.ArrayList;
import java.util.List;

/**
 * One swimlane on the board: a header (its value, how many cards, a button that folds it) over a row of cells, one
 * under each column and as wide as it, each a virtualized list of the column's cards in the lane (a collapsed column:
 * a narrow cell with its count, which still takes a drop). Built again when the board's layout changes.
 */
final class LaneView extends VBox {

    static final String LANE = "board-lane";
    static final String HEADER = "lane-header";
    static final String CELL = "lane-cell";
    static final String FOLDED = "lane-folded";

    /** A cell of the lane under one column: the node that takes drops, and its list (null under a collapsed column). */
    record CellView(LaneViewModel.Cell cell, ColumnView column, VBox node, ListView<CardSummary> list) {
    }

    private final LaneViewModel lane;
    private final List<CellView> cells = new ArrayList<>();

    /**
     * @param cardHeight how high one card is drawn at the board's zoom and density: a lane is as high as its fullest
     *                   cell's cards, up to {@value #ROWS} of them (each cell scrolls on its own beyond)
     */
    LaneView(LaneViewModel lane, BoardViewModel board, List<ColumnView> columns, HBox row, double cardHeight) {
        this.lane = lane;
        getStyleClass().add(LANE);
        boolean folded = board.layout().collapsedLanes().contains(lane.key());
        if (folded) {
            getStyleClass().add(FOLDED);
        }
        Button fold = new Button(null, new FontIcon(folded ? MaterialDesignC.CHEVRON_RIGHT : MaterialDesignC.CHEVRON_DOWN));
        fold.getStyleClass().addAll("flat", "button-icon");
        fold.setFocusTraversable(false);
        fold.setTooltip(new Tooltip(folded ? "Show the lane's cards" : "Fold the lane to its name (remembered)"));
        fold.setOnAction(e -> board.layout().toggleLane(lane.key()));
        Label name = new Label(lane.label());
        name.getStyleClass().add("lane-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label count = new Label();
        count.getStyleClass().add("column-count");
        count.textProperty().bind(lane.countProperty().asString());
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(6, fold, name, count);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(HEADER);
        header.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                board.layout().toggleLane(lane.key());
            }
        });
        getChildren().add(header);
        if (folded) {
            return;
        }
        HBox row2 = new HBox();
        row2.spacingProperty().bind(row.spacingProperty());
        row2.paddingProperty().bind(Bindings.createObjectBinding(() -> new javafx.geometry.Insets(0, row.getPadding().getRight(),
                0, row.getPadding().getLeft()), row.paddingProperty()));
        // as high as the fullest cell's cards, up to ROWS of them, and again when a reading of the board changes the counts
        javafx.beans.binding.DoubleBinding height = Bindings.createDoubleBinding(() -> Math.max(1, Math.min(ROWS,
                        lane.cells().stream().mapToLong(c -> c.countProperty().get()).max().orElse(0))) * cardHeight + 8,
                lane.cells().stream().map(LaneViewModel.Cell::countProperty).toArray(javafx.beans.Observable[]::new));
        for (ColumnView column : columns) {
            LaneViewModel.Cell cell = lane.cell(column.model().stateId()).orElseThrow();
            VBox node = new VBox();
            node.getStyleClass().add(CELL);
            // as wide as its column above, whatever the zoom, density, fit or collapse made of it
            node.minWidthProperty().bind(column.widthProperty());
            node.prefWidthProperty().bind(column.widthProperty());
            node.maxWidthProperty().bind(column.widthProperty());
            ListView<CardSummary> list = null;
            if (column.isCollapsed()) {
                Label n = new Label();
                n.getStyleClass().add("column-count");
                n.textProperty().bind(cell.countProperty().asString());
                n.setMinWidth(Region.USE_PREF_SIZE);
                node.getChildren().add(n);
                node.setAlignment(Pos.TOP_CENTER);
                node.setMinHeight(cardHeight * 0.6);
            } else {
                list = new ListView<>(cell.cards());
                list.getStyleClass().add("column-cards");
                list.setFixedCellSize(-1);
                list.setPlaceholder(new Region()); // an empty cell says nothing: the lane's count says it all
                list.prefHeightProperty().bind(height);
                list.setMinHeight(Region.USE_PREF_SIZE);
                VBox.setVgrow(list, Priority.ALWAYS);
                node.getChildren().add(list);
            }
            ColumnView.showDropLook(node, column.model());
            cells.add(new CellView(cell, column, node, list));
            row2.getChildren().add(node);
        }
        getChildren().add(row2);
    }

    /** The most cards a lane shows at once in a cell before that cell scrolls. */
    static final int ROWS = 3;

    LaneViewModel lane() {
        return lane;
    }

    List<CellView> cells() {
        return cells;
    }
}
