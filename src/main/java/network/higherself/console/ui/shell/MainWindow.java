package network.higherself.console.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import network.higherself.console.ui.common.WorkflowIcons;
import network.higherself.console.workflow.Workflow;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;

/** The console's main window: the boards in a sidebar, the selected one filling the rest. */
public final class MainWindow {

    public static final String SIDEBAR = "sidebar";
    public static final String SIDEBAR_ID = "workflow-list";
    public static final String STATE_LIST_ID = "state-list";

    private final MainViewModel model;

    public MainWindow(MainViewModel model) {
        this.model = model;
    }

    public void show(Stage stage) {
        stage.setTitle("Higher Self Console");
        stage.setScene(scene());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
    }

    public Scene scene() {
        BorderPane root = new BorderPane();
        root.setLeft(sidebar());
        root.setCenter(workflowPane());
        StatusBar status = new StatusBar();
        status.textProperty().bind(model.dataFolderTextProperty());
        root.setBottom(status);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("main.css").toExternalForm());
        return scene;
    }

    private Region sidebar() {
        Label title = new Label("Higher Self");
        title.getStyleClass().add("app-title");
        Label subtitle = new Label("Boards");
        subtitle.getStyleClass().add("sidebar-caption");

        ListView<Workflow> list = new ListView<>(model.workflows());
        list.setId(SIDEBAR_ID);
        list.setCellFactory(v -> new WorkflowCell(model));
        list.getSelectionModel().select(model.selectedProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        VBox box = new VBox(8, title, subtitle, list);
        box.getStyleClass().add(SIDEBAR);
        box.setPadding(new Insets(16, 8, 8, 8));
        box.setPrefWidth(270);
        return box;
    }

    private Region workflowPane() {
        Label board = new Label();
        board.getStyleClass().add("board-title");
        Label name = new Label();
        name.getStyleClass().add("board-subtitle");
        Label purpose = new Label();
        purpose.setWrapText(true);
        purpose.getStyleClass().add("board-purpose");
        model.selectedProperty().addListener((obs, old, w) -> fill(w, board, name, purpose));
        fill(model.selectedProperty().get(), board, name, purpose);

        ListView<MainViewModel.StateRow> states = new ListView<>(model.states());
        states.setId(STATE_LIST_ID);
        states.setCellFactory(v -> new StateCell());
        states.setFocusTraversable(true);
        VBox.setVgrow(states, Priority.ALWAYS);

        VBox box = new VBox(6, board, name, purpose, states);
        box.setPadding(new Insets(20, 24, 12, 24));
        box.getStyleClass().add("board-pane");
        return box;
    }

    private static void fill(Workflow w, Label board, Label name, Label purpose) {
        board.setText(w == null ? "" : w.board());
        name.setText(w == null ? "" : w.name() + "  \u00b7  " + w.id() + "  \u00b7  "
                + w.states().size() + " states, " + w.transitions().size() + " transitions");
        purpose.setText(w == null ? "" : w.purpose());
    }

    private static final class WorkflowCell extends ListCell<Workflow> {
        private final MainViewModel model;

        WorkflowCell(MainViewModel model) {
            this.model = model;
            setPrefWidth(0); // follow the list's width instead of asking for more (no horizontal scroll bar)
        }

        @Override
        protected void updateItem(Workflow w, boolean empty) {
            super.updateItem(w, empty);
            if (empty || w == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            FontIcon icon = new FontIcon(WorkflowIcons.of(w.id()));
            icon.getStyleClass().add("sidebar-icon");
            Label name = new Label(w.board());
            name.getStyleClass().add("sidebar-name");
            Label count = new Label(String.valueOf(model.cardCount(w)));
            count.getStyleClass().add("sidebar-count");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(10, icon, name, spacer, count);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }
    }

    private static final class StateCell extends ListCell<MainViewModel.StateRow> {
        StateCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(MainViewModel.StateRow s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label label = new Label(s.label());
            label.getStyleClass().add("state-label");
            Label id = new Label(s.id());
            id.getStyleClass().add("state-id");
            HBox head = new HBox(8, label, id);
            head.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
            if (s.initial()) {
                head.getChildren().add(tag("start", "tag-start"));
            }
            if (s.isFinal()) {
                head.getChildren().add(tag("final", "tag-final"));
            }
            Label description = new Label(s.description());
            description.getStyleClass().add("state-description");
            description.setWrapText(true);
            VBox box = new VBox(4, head, description);
            if (!s.agent().isEmpty()) {
                Label agent = new Label(s.agent());
                agent.setGraphic(new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignR.ROBOT_OUTLINE));
                agent.getStyleClass().add("state-agent");
                box.getChildren().add(agent);
            }
            FlowPane ways = new FlowPane(6, 4);
            for (String way : s.ways()) {
                ways.getChildren().add(tag(way, "tag-way"));
            }
            if (!s.ways().isEmpty()) {
                box.getChildren().add(ways);
            }
            box.setPadding(new Insets(6, 4, 6, 4));
            box.setMaxWidth(Double.MAX_VALUE);
            setText(null);
            setGraphic(box);
        }

        private static Label tag(String text, String style) {
            Label l = new Label(text);
            l.getStyleClass().addAll("tag", style);
            return l;
        }
    }
}
