package network.higherself.console.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardSummary;
import network.higherself.console.store.StaffQueries;
import network.higherself.console.ui.access.AccessRequestDialog;
import network.higherself.console.ui.access.AccessViewModel;
import network.higherself.console.ui.access.ReviewQueueView;
import network.higherself.console.ui.access.RoleRightsView;
import network.higherself.console.ui.board.BoardView;
import network.higherself.console.ui.board.CardOpener;
import network.higherself.console.ui.board.Feedback;
import network.higherself.console.ui.common.Fxml;
import network.higherself.console.ui.common.Theme;
import network.higherself.console.ui.common.WorkflowIcons;
import network.higherself.console.ui.search.SearchDialog;
import network.higherself.console.ui.search.SearchViewModel;
import network.higherself.console.ui.today.TodayView;
import network.higherself.console.ui.today.TodayViewModel;
import network.higherself.console.today.Today;
import network.higherself.console.workflow.Workflow;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

import java.util.HashMap;
import java.util.function.BiConsumer;
import java.util.Map;

/**
 * The console's main window: the boards in a sidebar, the selected one filling the rest, a status bar. The frame
 * is laid out in MainWindow.fxml, whose controller this is; the boards are made from data.
 */
public final class MainWindow {

    public static final String SIDEBAR_ID = "workflow-list";

    private final MainViewModel model;
    private final CardOpener opener;
    private final WindowSettings settings;
    private final Map<String, BoardView> views = new HashMap<>();
    private final BorderPane root;

    private final AccessViewModel access;
    @FXML
    private ListView<Workflow> boards;
    @FXML
    private Button review;
    /** The badge beside "Review requests": how many requests wait for a manager. */
    @FXML
    private Label reviewCount;
    @FXML
    private Button roleRights;
    @FXML
    private Label signedInAs;
    @FXML
    private Button theme;
    @FXML
    private StatusBar status;
    @FXML
    private Button todayButton;
    @FXML
    private Button searchAll;
    @FXML
    private javafx.scene.layout.VBox sidebar;
    /** The sidebar, scrolled on a low window rather than squeezing the list of boards. */
    private final javafx.scene.control.ScrollPane sidebarScroll = new javafx.scene.control.ScrollPane();
    /** What stands in the sidebar's place while it is hidden: a button to show it, and a button per board. */
    private final javafx.scene.layout.VBox rail = new javafx.scene.layout.VBox(6);
    /** The settings' key of the sidebar hidden (Ctrl+B, the chevrons), kept for the next start. */
    static final String SIDEBAR_HIDDEN = "sidebar-hidden";
    public static final String RAIL_ID = "sidebar-rail";
    private static final double BOARD_ROW_HEIGHT = 38;
    private TodayView today;
    private boolean todayShown;
    private SearchViewModel search;
    private Runnable onSignOut = () -> {
    };
    private BiConsumer<Workflow, CardSummary> onShowInsights;
    private java.util.function.Function<Workflow, java.util.List<javafx.scene.control.MenuItem>> dataMenu;
    private Runnable onShowAbout = () -> {
    };
    private Runnable onShowKeyboardHelp = () -> {
    };
    private Runnable onBackUp = () -> {
    };
    @FXML
    private Button backUp;

    /** What "Back up now…" does (DesktopStart asks where, and takes the copy in the background). */
    public void onBackUp(Runnable action, javafx.beans.value.ObservableBooleanValue running) {
        this.onBackUp = action;
        backUp.disableProperty().bind(running);
    }

    /** What "About" does (DesktopStart shows the About box). */
    public void onShowAbout(Runnable action) {
        this.onShowAbout = action;
    }

    private Runnable onShowSyncConflicts = () -> {
    };

    /** What the status bar's sync button does (DesktopStart shows the conflicts). */
    public void onShowSyncConflicts(Runnable action) {
        this.onShowSyncConflicts = action;
    }

    private Runnable onShowSyncSettings = () -> {
    };

    /**
     * What "Sync…" does (DesktopStart shows the sync settings); also the status bar's sync button while sync has
     * stopped (a password to type, a server that refuses), where the way out is.
     */
    public void onShowSyncSettings(Runnable action) {
        this.onShowSyncSettings = action;
    }

    /** What "Keyboard help", F1 and ? do (DesktopStart shows the sheet). */
    public void onShowKeyboardHelp(Runnable action) {
        this.onShowKeyboardHelp = action;
    }

    /** What a board's "Workflow and charts" does, given the board and the card last selected on it (or null). */
    public void onShowInsights(BiConsumer<Workflow, CardSummary> action) {
        this.onShowInsights = action;
    }

    /**
     * Adds Today: a sidebar entry, and the view that opens first when someone signs in if they chose so (by default
     * for the front desk and managers, {@link Today#opensFirstFor}); the choice is kept per person with the window's
     * settings.
     */
    public void withToday(TodayViewModel todayModel) {
        today = new TodayView(todayModel);
        today.onOpen(this::openCard);
        todayButton.setVisible(true);
        todayButton.setManaged(true);
        todayModel.opensFirstProperty().addListener((o, was, first) -> {
            StaffQueries.StaffRow who = model.actingAsProperty().get();
            if (who != null && first != todayFirst(who)) {
                settings.put(TODAY_FIRST + who.username(), first);
                settings.save();
            }
        });
        model.actingAsProperty().addListener((o, was, who) -> {
            if (who != null) {
                todayModel.opensFirstProperty().set(todayFirst(who));
                if (todayFirst(who)) {
                    showToday();
                } else if (todayShown) {
                    showBoard(model.selectedProperty().get(), () -> {
                    });
                }
            }
        });
    }

    /** Adds the search across boards: Ctrl+Shift+F and a sidebar entry open it. */
    public void withSearch(SearchViewModel searchModel) {
        search = searchModel;
        searchAll.setVisible(true);
        searchAll.setManaged(true);
    }

    /** The settings' key of a person's choice to open Today first, before the user name. */
    static final String TODAY_FIRST = "today-first.";

    private boolean todayFirst(StaffQueries.StaffRow who) {
        String chosen = settings.text(TODAY_FIRST + who.username(), null);
        return chosen == null ? Today.opensFirstFor(who.role()) : Boolean.parseBoolean(chosen);
    }

    /** The Today view, once added. */
    public TodayView todayView() {
        return today;
    }

    /** Shows Today in place of the board (read again). */
    @FXML
    public void showToday() {
        if (today == null) {
            return;
        }
        todayShown = true;
        boards.getSelectionModel().clearSelection();
        root.setCenter(today);
        today.model().refresh(today::focusFirstLine);
    }

    /** Opens the search across boards over the window. */
    @FXML
    public void searchAllBoards() {
        if (search != null && model.actingAsProperty().get() != null) {
            SearchDialog.show(root.getScene().getWindow(), search, this::openCard);
        }
    }

    /** Shows {@code card}'s board, scrolled to the card and the card selected. */
    public void openCard(CardSummary card) {
        model.workflowOf(card).ifPresent(w -> {
            model.selectedProperty().set(w);
            showBoard(w, () -> {
            });
            views.get(w.id()).reveal(card, () -> {
            });
        });
    }

    /** What a board's "Data" menu offers (CSV export and import), given the board; asked each time the menu opens. */
    public void onDataMenu(java.util.function.Function<Workflow, java.util.List<javafx.scene.control.MenuItem>> items) {
        this.dataMenu = items;
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
        this.root = Fxml.load("MainWindow.fxml", this);
        showSidebar(!settings.flag(SIDEBAR_HIDDEN));
        // F1 anywhere, ? where it is not typed into a field: the keyboard help (ui/help/Shortcuts lists both)
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.F1) {
                e.consume();
                onShowKeyboardHelp.run();
            } else if (e.isShortcutDown() && e.isShiftDown() && e.getCode() == javafx.scene.input.KeyCode.F && search != null) {
                e.consume();
                searchAllBoards();
            } else if (e.isShortcutDown() && !e.isShiftDown() && e.getCode() == javafx.scene.input.KeyCode.B) {
                e.consume();
                toggleSidebar();
            }
        });
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                e.consume();
                onShowKeyboardHelp.run();
            }
        });
    }

    /** Shows the window; {@code ready} runs once the first board shows its cards. */
    public void show(Stage stage, Runnable ready) {
        stage.setTitle("Higher Self Console");
        model.darkProperty().set(settings.flag("dark"));
        applyTheme(model.darkProperty().get());
        model.darkProperty().addListener((o, a, dark) -> applyTheme(dark));
        if (stage.getScene() == null) {
            place(stage, settings, root);
        } else if (!(stage.getScene().getRoot() instanceof network.higherself.console.ui.staff.SignInView)) {
            stage.getScene().setRoot(root); // a stage that showed something else: this window takes its place
        } // else the sign-in screen shown at start is on it, placed already; signing in puts this window there
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
        model.load(() -> {
            if (todayShown) {
                ready.run(); // someone signed in meanwhile and sees Today first
            } else {
                showBoard(model.selectedProperty().get(), ready);
            }
        });
        model.selectedProperty().addListener((o, a, w) -> {
            if (!todayShown) { // Today stays until the person picks a board (a change of rights may change the selection)
                showBoard(w, () -> {
                });
            }
        });
    }

    /** Shows the board of {@code w}, as picking it in the sidebar does (in place of Today too). */
    public void pickBoard(Workflow w) {
        boards.getSelectionModel().select(w);
    }

    /** Asking for access and reviewing requests, as the sidebar's entries open them. */
    public AccessViewModel access() {
        return access;
    }

    /** The board view of a workflow, once it has been shown. */
    public BoardView boardView(String workflowId) {
        return views.get(workflowId);
    }

    /** Puts {@code content} in the stage, sized and placed as the window was last time. */
    static void place(Stage stage, WindowSettings settings, javafx.scene.Parent content) {
        stage.setTitle("Higher Self Console");
        stage.setScene(new Scene(content, settings.number("width", 1360), settings.number("height", 860)));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        double x = settings.number("x", Double.NaN);
        double y = settings.number("y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(settings.flag("maximized"));
    }

    static void applyTheme(boolean dark) {
        if (dark) {
            Theme.applyDark();
        } else {
            Theme.applyLight();
        }
    }

    private void showBoard(Workflow w, Runnable ready) {
        if (w == null) {
            return;
        }
        todayShown = false;
        if (!w.equals(boards.getSelectionModel().getSelectedItem())) {
            boards.getSelectionModel().select(w);
        }
        BoardView view = views.get(w.id());
        if (view == null) {
            network.higherself.console.ui.board.BoardLayout layout = model.board(w).layout();
            String prefix = "board." + w.id() + ".";
            layout.restore(key -> settings.text(prefix + key, null));
            layout.onChange((key, value) -> {
                settings.put(prefix + key, value);
                settings.save();
            });
            view = new BoardView(model.board(w), opener);
            view.model().feedbackProperty().addListener((o, a, f) -> {
                if (f != null && f.kind() == Feedback.Kind.DONE) {
                    model.refreshCounts();
                    model.changedHere();
                }
            });
            if (onShowInsights != null) {
                view.onShowInsights(card -> onShowInsights.accept(w, card));
            }
            if (dataMenu != null) {
                view.onDataMenu(() -> dataMenu.apply(w));
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

    /** Binds the frame laid out in MainWindow.fxml to the view model. */
    @FXML
    private void initialize() {
        boards.setItems(model.boards());
        boards.setCellFactory(v -> new WorkflowCell(model));
        boards.getSelectionModel().select(model.selectedProperty().get());
        boards.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                boolean fromToday = todayShown;
                model.selectedProperty().set(now);
                if (fromToday) {
                    showBoard(now, () -> { // a board picked in the sidebar while Today is on show
                    });
                }
            }
        });
        model.selectedProperty().addListener((o, a, w) -> {
            if (!todayShown) {
                boards.getSelectionModel().select(w);
            }
        });
        model.cardCounts().addListener((javafx.collections.MapChangeListener<String, Long>) c -> boards.refresh());

        signedInAs.textProperty().bind(Bindings.createStringBinding(() -> model.actingAsProperty().get() == null ? ""
                : model.actingAsProperty().get().toString(), model.actingAsProperty()));

        theme.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(model.darkProperty().get()
                ? MaterialDesignW.WHITE_BALANCE_SUNNY : MaterialDesignW.WEATHER_NIGHT), model.darkProperty()));
        javafx.scene.control.Tooltip themeTip = new javafx.scene.control.Tooltip();
        themeTip.textProperty().bind(Bindings.when(model.darkProperty()).then("Light theme").otherwise("Dark theme"));
        theme.setTooltip(themeTip);
        signedInAs.setMinHeight(Region.USE_PREF_SIZE);
        // the boards are listed whole, each row at its height; on a low window the sidebar scrolls instead
        boards.setFixedCellSize(BOARD_ROW_HEIGHT);
        boards.prefHeightProperty().bind(Bindings.size(boards.getItems()).multiply(BOARD_ROW_HEIGHT).add(4));
        boards.minHeightProperty().bind(boards.prefHeightProperty());
        sidebarScroll.setContent(sidebar);
        sidebarScroll.setFitToWidth(true);
        sidebarScroll.setFitToHeight(true);
        sidebarScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        sidebarScroll.getStyleClass().add("sidebar-scroll");
        // room for a scroll bar beside the sidebar's width, so that a scrolling sidebar cuts no board's name
        sidebarScroll.setPrefWidth(sidebar.getPrefWidth() + 14);
        sidebarScroll.setMinWidth(Region.USE_PREF_SIZE);
        rail.getStyleClass().addAll("sidebar", "sidebar-rail");
        rail.setId(RAIL_ID);
        model.boards().addListener((javafx.collections.ListChangeListener<Workflow>) c -> fillRail());
        fillRail();

        // only for those who may approve: the service checks again in any case
        review.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.rightsProperty().get() != null
                && model.rightsProperty().get().on(PermissionRequest.WORKFLOW).mayFire(PermissionRequest.APPROVE_EVENT),
                model.rightsProperty()));
        review.managedProperty().bind(review.visibleProperty());
        // how many wait, counted again whenever the counts are (a request, a decision, a move, a sync, a sign-in)
        reviewCount.textProperty().bind(access.waitingCountProperty().asString());
        reviewCount.visibleProperty().bind(access.waitingCountProperty().greaterThan(0));
        reviewCount.managedProperty().bind(reviewCount.visibleProperty());
        javafx.scene.control.Tooltip waitingTip = new javafx.scene.control.Tooltip();
        waitingTip.textProperty().bind(Bindings.createStringBinding(() -> waitingSentence(access.waitingCountProperty().get()),
                access.waitingCountProperty()));
        review.setTooltip(waitingTip);
        review.accessibleTextProperty().bind(Bindings.concat("Review requests: ", waitingTip.textProperty()));
        model.countsReadProperty().addListener((o, was, now) -> {
            if (review.isVisible()) {
                access.countWaiting();
            }
        });
        review.visibleProperty().addListener((o, was, shown) -> {
            if (shown) {
                access.countWaiting();
            }
        });
        roleRights.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.actingAsProperty().get() != null && model.actingAsProperty().get().role() == Role.ADMINISTRATOR,
                model.actingAsProperty()));
        roleRights.managedProperty().bind(roleRights.visibleProperty());

        status.textProperty().bind(model.statusProperty());
        // sync's state, on the right: shown only while sync is on; a click lists the person's conflicts
        Button sync = new Button();
        sync.setId("sync-status");
        sync.getStyleClass().add("flat");
        sync.textProperty().bind(model.syncStatusProperty());
        sync.visibleProperty().bind(model.syncStatusProperty().isNotEmpty());
        sync.managedProperty().bind(sync.visibleProperty());
        sync.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(model.syncTroubleProperty().get()
                ? org.kordamp.ikonli.materialdesign2.MaterialDesignC.CLOUD_ALERT
                : org.kordamp.ikonli.materialdesign2.MaterialDesignC.CLOUD_CHECK_OUTLINE), model.syncTroubleProperty()));
        sync.setTooltip(new javafx.scene.control.Tooltip("Sync with the other desktops: click to see changes another desktop "
                + "overtook (or, when sync has stopped, its settings)"));
        sync.setOnAction(e -> {
            if (model.syncStatusProperty().get().startsWith(MainViewModel.SYNC_STOPPED)) {
                onShowSyncSettings.run();
            } else {
                onShowSyncConflicts.run();
            }
        });
        status.getRightItems().add(sync);
    }

    /** Hides the sidebar, or shows it again (Ctrl+B, the chevrons); the choice is kept for the next start. */
    @FXML
    public void toggleSidebar() {
        showSidebar(!isSidebarShown());
        settings.put(SIDEBAR_HIDDEN, !isSidebarShown());
        settings.save();
    }

    public boolean isSidebarShown() {
        return root.getLeft() == sidebarScroll;
    }

    private void showSidebar(boolean shown) {
        root.setLeft(shown ? sidebarScroll : rail);
    }

    /** The rail: the chevrons that bring the sidebar back, then each board's icon (its name on hover). */
    private void fillRail() {
        Button show = new Button(null, new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CHEVRON_DOUBLE_RIGHT));
        show.setId("show-sidebar");
        show.getStyleClass().addAll("flat", "button-icon");
        show.setTooltip(new javafx.scene.control.Tooltip("Show the sidebar (Ctrl+B)"));
        show.setOnAction(e -> toggleSidebar());
        rail.getChildren().setAll(show);
        for (Workflow w : model.boards()) {
            Button board = new Button(null, new FontIcon(WorkflowIcons.of(w.id())));
            board.getStyleClass().addAll("flat", "button-icon");
            board.setTooltip(new javafx.scene.control.Tooltip(w.board()));
            board.setOnAction(e -> boards.getSelectionModel().select(w));
            rail.getChildren().add(board);
        }
    }

    @FXML
    private void askForAccess() {
        StaffQueries.StaffRow me = model.actingAsProperty().get();
        if (me != null) {
            AccessRequestDialog.show(root.getScene().getWindow(), access, me.id(), this::refreshAfterAccessChange);
        }
    }

    @FXML
    private void reviewRequests() {
        ReviewQueueView.show(root.getScene().getWindow(), access, this::refreshAfterAccessChange);
    }

    @FXML
    private void openRoleRights() {
        RoleRightsView.show(root.getScene().getWindow(), model.roleRights()).setOnHidden(h -> model.readRights());
    }

    @FXML
    private void signOut() {
        onSignOut.run();
    }

    @FXML
    private void showKeyboardHelp() {
        onShowKeyboardHelp.run();
    }

    @FXML
    private void backUp() {
        onBackUp.run();
    }

    @FXML
    private void showSyncSettings() {
        onShowSyncSettings.run();
    }

    @FXML
    private void showAbout() {
        onShowAbout.run();
    }

    @FXML
    private void toggleTheme() {
        model.darkProperty().set(!model.darkProperty().get());
    }

    /** The badge's tooltip: "3 requests wait for a manager's review". */
    static String waitingSentence(int n) {
        return n == 0 ? "No request waits for review" : n == 1 ? "1 request waits for a manager's review"
                : n + " requests wait for a manager's review";
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
