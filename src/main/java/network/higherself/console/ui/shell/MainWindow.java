package network.higherself.console.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardSummary;
import network.higherself.console.store.StaffQueries;
import network.higherself.console.ui.access.AccessRequestDialog;
import network.higherself.console.ui.access.AccessViewModel;
import network.higherself.console.ui.access.ReviewQueueView;
import network.higherself.console.ui.board.BoardView;
import network.higherself.console.ui.board.CardOpener;
import network.higherself.console.ui.board.Feedback;
import network.higherself.console.ui.common.Theme;
import network.higherself.console.ui.common.WorkflowIcons;
import network.higherself.console.workflow.Workflow;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

import java.util.HashMap;
import java.util.function.BiConsumer;
import java.util.Map;

/** The console's main window: the boards in a sidebar, the selected one filling the rest, a status bar. */
public final class MainWindow {

    public static final String SIDEBAR = "sidebar";
    public static final String SIDEBAR_ID = "workflow-list";

    private final MainViewModel model;
    private final CardOpener opener;
    private final WindowSettings settings;
    private final Map<String, BoardView> views = new HashMap<>();
    private final BorderPane root = new BorderPane();

    private final AccessViewModel access;
    private Runnable onSignOut = () -> {
    };
    private BiConsumer<Workflow, CardSummary> onShowInsights;

    /** What a board's "Workflow and charts" does, given the board and the card last selected on it (or null). */
    public void onShowInsights(BiConsumer<Workflow, CardSummary> action) {
        this.onShowInsights = action;
    }

    /** What "Sign out" does (the shell shows the sign-in screen). */
    public void onSignOut(Runnable action) {
        this.onSignOut = action;
    }

    /** The window's content, for the shell to put back after a sign-in. */
    public javafx.scene.Parent root() {
        return root;
    }

    public MainWindow(MainViewModel model, CardOpener opener, AccessViewModel access, WindowSettings settings) {
        this.model = model;
        this.opener = opener;
        this.access = access;
        this.settings = settings;
    }

    /** Shows the window; {@code ready} runs once the first board shows its cards. */
    public void show(Stage stage, Runnable ready) {
        stage.setTitle("Higher Self Console");
        model.darkProperty().set(settings.flag("dark"));
        applyTheme(model.darkProperty().get());
        model.darkProperty().addListener((o, a, dark) -> applyTheme(dark));
        stage.setScene(scene(settings.number("width", 1360), settings.number("height", 860)));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        double x = settings.number("x", Double.NaN);
        double y = settings.number("y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(settings.flag("maximized"));
        stage.setOnHiding(e -> {
            if (!stage.isMaximized()) {
                settings.put("x", stage.getX());
                settings.put("y", stage.getY());
                settings.put("width", stage.getWidth());
                settings.put("height", stage.getHeight());
            }
            settings.put("maximized", stage.isMaximized());
            settings.put("dark", model.darkProperty().get());
            Workflow w = model.selectedProperty().get();
            if (w != null) {
                settings.put("board", w.id());
            }
            settings.save();
        });
        model.select(settings.text("board", ""));
        stage.show();
        model.load(() -> showBoard(model.selectedProperty().get(), ready));
        model.selectedProperty().addListener((o, a, w) -> showBoard(w, () -> {
        }));
    }

    /** The board view of a workflow, once it has been shown. */
    public BoardView boardView(String workflowId) {
        return views.get(workflowId);
    }

    private static void applyTheme(boolean dark) {
        if (dark) {
            Theme.applyDark();
        } else {
            Theme.applyLight();
        }
    }

    private Scene scene(double width, double height) {
        root.setLeft(sidebar());
        StatusBar status = new StatusBar();
        status.setId("status-bar");
        status.textProperty().bind(model.statusProperty());
        root.setBottom(status);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(MainWindow.class.getResource("main.css").toExternalForm());
        return scene;
    }

    private void showBoard(Workflow w, Runnable ready) {
        if (w == null) {
            return;
        }
        BoardView view = views.get(w.id());
        if (view == null) {
            view = new BoardView(model.board(w), opener);
            view.model().feedbackProperty().addListener((o, a, f) -> {
                if (f != null && f.kind() == Feedback.Kind.DONE) {
                    model.refreshCounts();
                }
            });
            if (onShowInsights != null) {
                view.onShowInsights(card -> onShowInsights.accept(w, card));
            }
            views.put(w.id(), view);
            root.setCenter(view);
            BoardView shown = view;
            view.load(() -> {
                shown.focusFirstCard();
                ready.run();
            });
        } else {
            root.setCenter(view);
            view.load(ready);
        }
    }

    private Region sidebar() {
        Label title = new Label("Higher Self");
        title.getStyleClass().add("app-title");
        Label subtitle = new Label("Boards");
        subtitle.getStyleClass().add("sidebar-caption");

        ListView<Workflow> list = new ListView<>(model.boards());
        list.setId(SIDEBAR_ID);
        list.setCellFactory(v -> new WorkflowCell(model));
        list.getSelectionModel().select(model.selectedProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, a, w) -> list.getSelectionModel().select(w));
        model.cardCounts().addListener((javafx.collections.MapChangeListener<String, Long>) c -> list.refresh());
        VBox.setVgrow(list, Priority.ALWAYS);

        Label actingLabel = new Label("Signed in");
        actingLabel.getStyleClass().add("sidebar-caption");
        Label acting = new Label();
        acting.setId("signed-in-as");
        acting.getStyleClass().add("signed-in-as");
        acting.setWrapText(true);
        acting.textProperty().bind(Bindings.createStringBinding(() -> model.actingAsProperty().get() == null ? ""
                : model.actingAsProperty().get().toString(), model.actingAsProperty()));
        Button signOut = new Button("Sign out", new FontIcon(MaterialDesignL.LOGOUT));
        signOut.setId("sign-out");
        signOut.setMaxWidth(Double.MAX_VALUE);
        signOut.getStyleClass().add("flat");
        signOut.setAlignment(Pos.CENTER_LEFT);
        signOut.setOnAction(e -> onSignOut.run());

        Button theme = new Button();
        theme.setId("theme-toggle");
        theme.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(model.darkProperty().get()
                ? MaterialDesignW.WHITE_BALANCE_SUNNY : MaterialDesignW.WEATHER_NIGHT), model.darkProperty()));
        theme.textProperty().bind(Bindings.when(model.darkProperty()).then("Light theme").otherwise("Dark theme"));
        theme.setOnAction(e -> model.darkProperty().set(!model.darkProperty().get()));
        theme.setMaxWidth(Double.MAX_VALUE);
        theme.getStyleClass().add("flat");
        theme.setAlignment(Pos.CENTER_LEFT);

        Button ask = new Button("Ask for access\u2026", new FontIcon(MaterialDesignK.KEY_PLUS));
        ask.setId("ask-access");
        ask.setMaxWidth(Double.MAX_VALUE);
        ask.getStyleClass().add("flat");
        ask.setAlignment(Pos.CENTER_LEFT);
        ask.setOnAction(e -> {
            StaffQueries.StaffRow me = model.actingAsProperty().get();
            if (me != null) {
                AccessRequestDialog.show(root.getScene().getWindow(), access, me.id(), this::refreshAfterAccessChange);
            }
        });
        Button review = new Button("Review requests", new FontIcon(MaterialDesignC.CLIPBOARD_CHECK_OUTLINE));
        review.setId("review-requests");
        review.setMaxWidth(Double.MAX_VALUE);
        review.getStyleClass().add("flat");
        review.setAlignment(Pos.CENTER_LEFT);
        review.setOnAction(e -> ReviewQueueView.show(root.getScene().getWindow(), access, this::refreshAfterAccessChange));
        // only for those who may approve: the service checks again in any case
        review.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.rightsProperty().get() != null
                && model.rightsProperty().get().on(PermissionRequest.WORKFLOW).mayFire(PermissionRequest.APPROVE_EVENT),
                model.rightsProperty()));
        review.managedProperty().bind(review.visibleProperty());

        Button rights = new Button("Roles and rights\u2026", new FontIcon(MaterialDesignS.SHIELD_EDIT_OUTLINE));
        rights.setId("role-rights");
        rights.setMaxWidth(Double.MAX_VALUE);
        rights.getStyleClass().add("flat");
        rights.setAlignment(Pos.CENTER_LEFT);
        rights.setOnAction(e -> model.openRoleRights(root.getScene().getWindow()));
        rights.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.actingAsProperty().get() != null && model.actingAsProperty().get().role() == Role.ADMINISTRATOR,
                model.actingAsProperty()));
        rights.managedProperty().bind(rights.visibleProperty());

        VBox box = new VBox(8, title, subtitle, list, ask, review, rights, actingLabel, acting, signOut, theme);
        box.getStyleClass().add(SIDEBAR);
        box.setPadding(new Insets(16, 8, 10, 8));
        box.setPrefWidth(280);
        box.setMinWidth(240);
        return box;
    }

    /** A request or decision may change what is on the boards: count again and refresh the one shown. */
    private void refreshAfterAccessChange() {
        model.refreshCounts();
        Workflow w = model.selectedProperty().get();
        if (w != null && views.containsKey(w.id())) {
            views.get(w.id()).model().refresh();
        }
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
            Long n = model.cardCounts().get(w.id());
            Label count = new Label(n == null ? "" : String.valueOf(n));
            count.getStyleClass().add("sidebar-count");
            count.setMinWidth(Region.USE_PREF_SIZE); // the name may shorten, the number never
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(10, icon, name, spacer, count);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }
    }
}
