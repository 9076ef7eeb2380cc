package network.higherself.console.ui.board;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.beans.binding.Bindings;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import network.higherself.console.card.EventInput;
import network.higherself.console.move.CardChange;
import network.higherself.console.move.MoveCheck;
import network.higherself.console.store.CardSummary;
import network.higherself.console.ui.card.EventInputForm;
import network.higherself.console.ui.common.Notifier;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.Transition;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A board: a toolbar (search, quick filters, new card) over one column per state. Cards are dragged between
 * columns (the legal ones light up) or moved with the keyboard ("M" for "Move via…").
 */
public final class BoardView extends BorderPane {

    public static final String SEARCH_ID = "board-search";
    /** "3 cards selected", in the toolbar while several cards are. */
    static final String SELECTION_ID = "board-selection";
    private static final String DRAG_PREFIX = "hsc-card:";
    /** A "Move via…" item whose guard will refuse now. */
    static final String LOCKED_MOVE = "move-locked";

    private final BoardViewModel model;
    private final CardOpener opener;
    private final Notifier notifier;
    private final List<ColumnView> columns = new ArrayList<>();
    private final TextField search = new TextField();
    private final Button insights = new Button("Workflow and charts", new FontIcon(MaterialDesignC.CHART_TIMELINE_VARIANT));
    /** Export and import as CSV: its items are made by the window each time it opens (they follow the person's rights). */
    private final MenuButton data = new MenuButton("Data", new FontIcon(MaterialDesignS.SWAP_VERTICAL));
    private final HBox bar = new HBox(8);
    /** What may go into the toolbar's overflow menu (»), the last first, when the window is too narrow for all of it. */
    private final ToolBar tools = new ToolBar();
    private final HBox row = new HBox(12);
    private final ScrollPane scroll = new ScrollPane(row);
    /** Scrolls the board sideways while a dragged card is near its left or right edge. */
    private final Timeline autoScroll = new Timeline();
    private double autoScrollStep;
    /** The card last selected in any column (the workflow's diagram highlights where it can go). */
    private CardSummary lastSelected;

    public BoardView(BoardViewModel model, CardOpener opener) {
        this.model = model;
        this.opener = opener;
        this.notifier = new Notifier(this);
        getStyleClass().add("board");
        getStylesheets().add(BoardView.class.getResource("board.css").toExternalForm());
        setTop(toolbar());
        row.getStyleClass().add("board-columns");
        for (ColumnViewModel c : model.columns()) {
            ColumnView view = new ColumnView(c, model);
            wire(view);
            columns.add(view);
            row.getChildren().add(view);
        }
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("board-scroll");
        setCenter(scroll);
        BoardLayout layout = model.layout();
        layout.zoomProperty().addListener(o -> layOut());
        layout.compactProperty().addListener(o -> layOut());
        layout.fitProperty().addListener(o -> layOut());
        layout.collapsed().addListener((javafx.beans.Observable o) -> layOut());
        layOut();
        autoScrollWhileDragging();
        model.searchHitProperty().addListener((o, a, hit) -> {
            if (hit != null) {
                columns.stream().filter(c -> c.model() == hit).findFirst().ifPresent(this::scrollToColumn);
            }
        });
        model.feedbackProperty().addListener((o, a, f) -> {
            if (f == null) {
                return;
            }
            switch (f.kind()) {
                case REFUSED -> notifier.refused(f.title(), f.message());
                case FAILED -> notifier.refused(f.title(), f.message() + "\nDetails are in the log.");
                default -> {
                    if (f.undo() != null) { // a move shows itself on the board; the toast offers to take it back
                        notifier.done(f.title(), f.message(), UNDO, UNDO_KEY, f.undo());
                    } else {
                        notifier.info(f.title(), f.message());
                    }
                }
            }
        });
        // countdowns and times in a column move on with the clock: repaint the cards (no reading) twice a minute
        Timeline clockTick = new Timeline(new KeyFrame(Duration.seconds(30), e -> repaintTimes()));
        clockTick.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                clockTick.stop();
            } else {
                clockTick.play();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && !e.isShiftDown() && e.getCode() == KeyCode.F) { // Ctrl+Shift+F: all boards
                search.requestFocus();
                search.selectAll();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.N) {
                newCard();
                e.consume();
            } else if (UNDO_KEY.match(e) && !(getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                model.undoLast(); // Ctrl+Z: the person's last move (in a text field, the text's own undo)
                e.consume();
            } else if (e.isShortcutDown() && ZOOM_OUT.contains(e.getCode())) {
                model.layout().zoomOut();
                e.consume();
            } else if (e.isShortcutDown() && ZOOM_IN.contains(e.getCode())) {
                model.layout().zoomIn();
                e.consume();
            } else if (e.isShortcutDown() && ZOOM_RESET.contains(e.getCode())) {
                model.layout().resetZoom();
                e.consume();
            }
        });
    }

    public BoardViewModel model() {
        return model;
    }

    /** Ctrl+- (the main keys or the keypad), Ctrl+= (or Ctrl++), Ctrl+0. */
    private static final java.util.Set<KeyCode> ZOOM_OUT = java.util.Set.of(KeyCode.MINUS, KeyCode.SUBTRACT);
    private static final java.util.Set<KeyCode> ZOOM_IN = java.util.Set.of(KeyCode.EQUALS, KeyCode.PLUS, KeyCode.ADD);
    private static final java.util.Set<KeyCode> ZOOM_RESET = java.util.Set.of(KeyCode.DIGIT0, KeyCode.NUMPAD0);
    /** How near the board's left or right edge a dragged card starts scrolling it, and the most it scrolls per tick. */
    static final double AUTO_SCROLL_EDGE = 60;
    private static final double AUTO_SCROLL_MAX_STEP = 24;

    /**
     * Lays the columns out for the board's layout: the zoom as the columns' font size (every size in the theme is in
     * em), the density, "fit the workflow" (the columns share the width, the board does not scroll sideways unless
     * even their narrowest does not fit), the collapsed strips; the cards' faces are drawn again.
     */
    private void layOut() {
        BoardLayout layout = model.layout();
        boolean fit = layout.fitProperty().get();
        boolean compact = layout.compactProperty().get();
        double zoom = layout.zoomProperty().get();
        double font = (fit ? FIT_FONT_SIZE : BASE_FONT_SIZE) * zoom;
        row.setStyle("-fx-font-size: " + Math.round(font * 10) / 10.0 + "px;");
        row.setSpacing(fit ? 4 : compact ? 8 : 12);
        row.setPadding(fit ? new Insets(4, 6, 8, 6) : new Insets(4, 16, 12, 16));
        getStyleClass().removeAll("board-fit", "board-compact");
        if (fit) {
            getStyleClass().add("board-fit");
        } else if (compact) {
            getStyleClass().add("board-compact");
        }
        scroll.setFitToWidth(fit);
        for (ColumnView c : columns) {
            c.layOut(layout.collapsed().contains(c.model().stateId()), fit, compact, zoom);
            c.list().refresh();
        }
    }

    /** The theme's font size (AtlantaFX: 14 px), which a zoom of 100 % shows. */
    private static final double BASE_FONT_SIZE = 14;
    /** "Fit the workflow" writes a little smaller, so that more of a narrow column's words fit on a line. */
    private static final double FIT_FONT_SIZE = 11.5;

    /**
     * While a card is dragged near the board's left or right edge, the board scrolls that way (faster nearer the
     * edge), so that a column off screen can be reached; it stops when the card leaves the edge or the drag ends.
     */
    private void autoScrollWhileDragging() {
        autoScroll.getKeyFrames().add(new KeyFrame(Duration.millis(30), e -> {
            double content = row.getWidth();
            double view = scroll.getViewportBounds().getWidth();
            if (!model.isDragging() || content <= view) {
                autoScroll.stop();
                return;
            }
            scroll.setHvalue(Math.max(0, Math.min(1, scroll.getHvalue() + autoScrollStep / (content - view))));
        }));
        autoScroll.setCycleCount(Animation.INDEFINITE);
        scroll.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (!model.isDragging()) {
                return;
            }
            double x = scroll.sceneToLocal(e.getSceneX(), e.getSceneY()).getX();
            double width = scroll.getWidth();
            if (x < AUTO_SCROLL_EDGE) {
                autoScrollStep = -AUTO_SCROLL_MAX_STEP * (1 - Math.max(0, x) / AUTO_SCROLL_EDGE);
            } else if (x > width - AUTO_SCROLL_EDGE) {
                autoScrollStep = AUTO_SCROLL_MAX_STEP * (1 - Math.max(0, width - x) / AUTO_SCROLL_EDGE);
            } else {
                autoScrollStep = 0;
            }
            if (autoScrollStep == 0) {
                autoScroll.stop();
            } else if (autoScroll.getStatus() != Animation.Status.RUNNING) {
                autoScroll.play();
            }
        });
        scroll.addEventFilter(DragEvent.DRAG_EXITED, e -> autoScroll.stop());
        scroll.addEventFilter(DragEvent.DRAG_DROPPED, e -> autoScroll.stop());
    }

    /** What "Workflow and charts" does, given the card last selected on the board (or null). */
    public void onShowInsights(Consumer<CardSummary> action) {
        insights.setOnAction(e -> action.accept(lastSelected));
        insights.setDisable(false);
    }

    /** What the "Data" menu offers (export, import), asked again each time it opens; the menu shows once given. */
    public void onDataMenu(Supplier<List<MenuItem>> items) {
        data.setOnShowing(e -> data.getItems().setAll(items.get()));
        data.getItems().setAll(items.get());
        if (!tools.getItems().contains(data)) {
            tools.getItems().add(data);
        }
    }

    /** Repaints the cards' times, so that "payment times out in 2 h" and "3 h" in a column stay true. */
    void repaintTimes() {
        model.tickClock();
    }

    /** Reads the board from the database; {@code ready} runs once every column shows its first cards. */
    public void load(Runnable ready) {
        model.refresh(ready);
    }

    /** Shows {@code card}: its column scrolled to it, the card selected and focused (see {@link BoardViewModel#reveal}). */
    public void reveal(CardSummary card, Runnable done) {
        model.reveal(card, (column, index) -> {
            select(column, index);
            done.run();
        });
    }

    /**
     * Puts the keyboard focus on the card {@code id} where it is now, selected alone, its column scrolled into
     * sight: after a move by keyboard or a drop, or once a dialog about it closed, so that the next key acts on it.
     */
    public void focusCard(long id) {
        model.locate(id, this::select);
    }

    /** Selects the card at {@code index} of {@code column} alone and gives it the focus, scrolled into sight. */
    private void select(ColumnViewModel column, int index) {
        columns.stream().filter(c -> c.model() == column).findFirst().ifPresent(c -> {
            ListView<CardSummary> list = c.list();
            list.scrollTo(index);
            list.requestFocus();
            list.getSelectionModel().clearAndSelect(index);
            list.getFocusModel().focus(index);
            scrollToColumn(c);
        });
    }

    /** Scrolls the board sideways so that {@code column} is in sight, if it is not already. */
    private void scrollToColumn(ColumnView column) {
        scroll.layout(); // a column just expanded, or the zoom just changed: its place is known once laid out
        double content = scroll.getContent().getBoundsInLocal().getWidth();
        double view = scroll.getViewportBounds().getWidth();
        if (content > view) {
            double left = scroll.getHvalue() * (content - view);
            double min = column.getBoundsInParent().getMinX();
            if (min < left || column.getBoundsInParent().getMaxX() > left + view) { // off screen, or partly
                scroll.setHvalue(Math.max(0, Math.min(1, (min - 16) / (content - view))));
            }
        }
    }

    /** Puts the keyboard focus on the first card of the first column that has one. */
    public void focusFirstCard() {
        for (ColumnView c : columns) {
            if (!c.list().getItems().isEmpty()) {
                c.list().requestFocus();
                c.list().getSelectionModel().clearAndSelect(0);
                c.list().getFocusModel().focus(0);
                return;
            }
        }
    }

    private Node toolbar() {
        Label title = new Label(model.workflow().board());
        title.getStyleClass().add("board-title");
        search.setId(SEARCH_ID);
        search.setPromptText("Search cards");
        search.setTooltip(new Tooltip("Search the board's cards by title and key fields (Ctrl+F)"));
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                focusFirstCard();
            }
        });
        ToggleButton mine = toggle("Mine", "filter-mine", MaterialDesignA.ACCOUNT_OUTLINE, "Only the cards assigned to you");
        mine.selectedProperty().bindBidirectional(model.mineProperty());
        ToggleButton overdue = toggle("Overdue", "filter-overdue", MaterialDesignC.CLOCK_ALERT_OUTLINE,
                "Only the cards whose column's date has passed");
        overdue.selectedProperty().bindBidirectional(model.overdueProperty());
        ToggleButton high = toggle("High priority", "filter-high", MaterialDesignF.FLAG_OUTLINE, "Only high and urgent cards");
        high.selectedProperty().bindBidirectional(model.highPriorityProperty());
        ToggleButton fit = toggle("Whole workflow", FIT_ID, MaterialDesignA.ARROW_COLLAPSE_HORIZONTAL,
                "Fit the workflow: every column in the window's width");
        fit.selectedProperty().bindBidirectional(model.layout().fitProperty());
        Button add = new Button("New " + model.workflow().cardNoun(), new FontIcon(MaterialDesignP.PLUS));
        add.setTooltip(new Tooltip("Make a new " + model.workflow().cardNoun() + " (Ctrl+N)"));
        add.setId("new-card");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> newCard());
        FontIcon glass = new FontIcon(MaterialDesignM.MAGNIFY);
        insights.setId("board-insights");
        insights.setTooltip(new Tooltip("The workflow drawn, its flow, cycle times and throughput"));
        data.setTooltip(new Tooltip("Export the cards or the audit trail as CSV, import cards"));
        insights.setDisable(true); // until the window says what it opens
        data.setId("board-data"); // in the bar once the window says what it offers
        // the buttons and the board's name keep their whole text; on a narrow window the search field gives way
        for (Region keepsItsText : List.of(title, add)) {
            keepsItsText.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label selection = new Label();
        selection.setId(SELECTION_ID);
        selection.getStyleClass().add(SELECTION_ID);
        selection.textProperty().bind(model.selectionText());
        selection.visibleProperty().bind(selection.textProperty().isNotEmpty());
        selection.managedProperty().bind(selection.visibleProperty());
        selection.setMinWidth(Region.USE_PREF_SIZE);
        // the filters and views: what does not fit goes into the toolbar's overflow menu (»), the last first
        // the search field takes what room is left once the buttons have theirs (up to 300 px), never under 140
        search.setMinWidth(140);
        search.setPrefWidth(140);
        search.setMaxWidth(300);
        HBox.setHgrow(search, Priority.ALWAYS);
        tools.getItems().setAll(fit, mine, overdue, high, viewMenu(), insights);
        tools.getStyleClass().add("board-tools");
        HBox.setHgrow(tools, Priority.ALWAYS);
        bar.getChildren().setAll(title, selection, glass, search, tools, add);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("board-toolbar");
        bar.setPadding(new Insets(14, 16, 10, 16));
        return bar;
    }

    private static ToggleButton toggle(String text, String id, org.kordamp.ikonli.Ikon icon, String tip) {
        ToggleButton b = new ToggleButton(text, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add("filter-toggle");
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    /** The toolbar's "Whole workflow" toggle ("fit the workflow"). */
    static final String FIT_ID = "board-fit";
    static final String VIEW_ID = "board-view";

    /** "View": the density, the zoom and the collapsed columns. */
    private MenuButton viewMenu() {
        BoardLayout layout = model.layout();
        javafx.scene.control.CheckMenuItem compact = new javafx.scene.control.CheckMenuItem("Compact cards");
        compact.setId("view-compact");
        compact.selectedProperty().bindBidirectional(layout.compactProperty());
        MenuItem in = new MenuItem("Zoom in  (Ctrl+=)", new FontIcon(MaterialDesignM.MAGNIFY_PLUS_OUTLINE));
        in.setOnAction(e -> layout.zoomIn());
        MenuItem out = new MenuItem("Zoom out  (Ctrl+-)", new FontIcon(MaterialDesignM.MAGNIFY_MINUS_OUTLINE));
        out.setOnAction(e -> layout.zoomOut());
        MenuItem reset = new MenuItem();
        reset.textProperty().bind(Bindings.createStringBinding(() -> "Actual size, now " + layout.zoomText() + "  (Ctrl+0)",
                layout.zoomProperty()));
        reset.setOnAction(e -> layout.resetZoom());
        MenuItem expand = new MenuItem("Show every collapsed column");
        expand.setId("view-expand-all");
        expand.disableProperty().bind(Bindings.isEmpty(layout.collapsed()));
        expand.setOnAction(e -> layout.collapsed().clear());
        MenuButton view = new MenuButton("View", new FontIcon(MaterialDesignE.EYE_OUTLINE), compact, new SeparatorMenuItem(),
                in, out, reset, new SeparatorMenuItem(), expand);
        view.setId(VIEW_ID);
        view.setTooltip(new Tooltip("Density, zoom and collapsed columns of this board"));
        return view;
    }

    private void newCard() {
        opener.create(window(), model.workflow(), model::cardCreated);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void wire(ColumnView column) {
        ListView<CardSummary> list = column.list();
        list.setCellFactory(v -> {
            CardCell cell = new CardCell(model);
            cell.setOnDragDetected(e -> {
                CardSummary card = cell.getItem();
                if (card == null || model.pending().contains(card.id())) {
                    return;
                }
                // a card of a selection drags the whole selection; another card, itself alone
                List<CardSummary> selected = selected(list);
                List<CardSummary> dragged = selected.size() > 1 && selected.contains(card) ? selected : List.of(card);
                Dragboard db = cell.startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.putString(DRAG_PREFIX + String.join(",", dragged.stream().map(c -> String.valueOf(c.id())).toList()));
                db.setContent(content);
                db.setDragView(cell.snapshot(null, null));
                model.dragStarted(card);
                e.consume();
            });
            cell.setOnDragDone(e -> model.dragEnded());
            cell.setOnContextMenuRequested(e -> {
                CardSummary card = cell.getItem();
                if (card != null) {
                    List<CardSummary> selected = selected(list);
                    List<CardSummary> cards = selected.size() > 1 && selected.contains(card) ? selected : List.of(card);
                    model.movesOfAll(cards, moves -> moveMenu(cards, moves).show(cell, e.getScreenX(), e.getScreenY()));
                }
            });
            cell.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && cell.getItem() != null) {
                    open(cell.getItem());
                }
            });
            return cell;
        });
        column.setOnDragOver(e -> {
            if (isOurs(e)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        column.setOnDragDropped(e -> {
            List<CardSummary> cards = draggedCards(e);
            boolean ours = !cards.isEmpty();
            e.setDropCompleted(ours);
            e.consume();
            if (ours) {
                CardSummary before = cardUnder(e, column);
                model.dragEnded();
                Platform.runLater(() -> dropped(cards, column, before));
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> keyPressed(e, column));
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, card) -> {
            if (card != null) {
                lastSelected = card;
            }
        });
        // several cards may be selected, of one column: selecting in one column clears the others
        list.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) change -> {
            if (!list.getSelectionModel().getSelectedIndices().isEmpty()) {
                columns.stream().filter(c -> c != column).forEach(c -> c.list().getSelectionModel().clearSelection());
            }
            model.selectedCountProperty().set(columns.stream().mapToInt(c -> c.list().getSelectionModel().getSelectedIndices().size()).sum());
        });
    }

    /** The cards selected in {@code list}, in the column's order (those not fetched left out). */
    private static List<CardSummary> selected(ListView<CardSummary> list) {
        return list.getSelectionModel().getSelectedIndices().stream().sorted().map(i -> list.getItems().get(i))
                .filter(java.util.Objects::nonNull).toList();
    }

    /** Opens the card's dialog; once it closes, the board is read again and the card has the focus. */
    private void open(CardSummary card) {
        opener.open(window(), card.id(), () -> model.refresh(() -> focusCard(card.id())));
    }

    private boolean isOurs(DragEvent e) {
        return e.getDragboard().hasString() && e.getDragboard().getString().startsWith(DRAG_PREFIX);
    }

    /** The cards a drag carries (one, or a column's selection), as the board shows them. */
    private List<CardSummary> draggedCards(DragEvent e) {
        if (!isOurs(e)) {
            return List.of();
        }
        List<CardSummary> cards = new ArrayList<>();
        for (String id : e.getDragboard().getString().substring(DRAG_PREFIX.length()).split(",")) {
            columns.stream().flatMap(c -> c.model().cards().loaded().stream())
                    .filter(s -> String.valueOf(s.id()).equals(id)).findFirst().ifPresent(cards::add);
        }
        return cards;
    }

    /** The card under the drop point in {@code column}, if any (a reorder puts the dragged card before it). */
    private static CardSummary cardUnder(DragEvent e, ColumnView column) {
        Node n = e.getPickResult().getIntersectedNode();
        while (n != null && n != column) {
            if (n instanceof CardCell cell) {
                return cell.getItem();
            }
            n = n.getParent();
        }
        return null;
    }

    private void dropped(List<CardSummary> cards, ColumnView column, CardSummary before) {
        CardSummary card = cards.get(0); // a selection is of one column: the same events lead from there
        DropDecision decision = model.decide(card, column.model().stateId());
        if (decision instanceof DropDecision.Reorder) {
            if (cards.size() == 1) {
                reorder(card, column, before);
            }
        } else if (decision instanceof DropDecision.Fire fire) {
            fire(cards, fire.transition());
        } else if (decision instanceof DropDecision.Choose choose) {
            choose(cards, choose.options());
        } else if (decision instanceof DropDecision.Refuse refuse) {
            model.feedbackProperty().set(new Feedback(Feedback.Kind.REFUSED, "Cannot move here", refuse.message()));
        }
    }

    /**
     * Several events lead where the card was dropped: of those the person may fire (as the pipeline answered during
     * the drag), one that will go is fired; several, or locked ones, are offered in the event picker. Without an
     * answer yet, every event is offered: the pipeline decides on the move in any case.
     */
    private void choose(List<CardSummary> cards, List<Transition> options) {
        List<MoveCheck> answered = model.checks().stream().filter(m -> options.contains(m.transition())).toList();
        List<MoveCheck> offered = answered.isEmpty()
                ? options.stream().map(t -> new MoveCheck(t, MoveCheck.Verdict.OPEN, null)).toList()
                : answered.stream().filter(m -> m.verdict() != MoveCheck.Verdict.FORBIDDEN)
                // the answer is the first card's: for a selection, a guard's lock may not hold for the others
                .map(m -> cards.size() > 1 ? new MoveCheck(m.transition(), MoveCheck.Verdict.OPEN, null) : m).toList();
        if (offered.isEmpty()) {
            fire(cards, options.get(0)); // none is the person's to fire: the pipeline says so, in its words
        } else if (offered.size() == 1 && offered.get(0).isOpen()) {
            fire(cards, offered.get(0).transition());
        } else {
            String what = cards.size() == 1 ? cards.get(0).title() : cards.size() + " cards";
            EventPicker.pick(window(), what, offered).ifPresentOrElse(t -> fire(cards, t), () -> focusCard(cards.get(0).id()));
        }
    }

    private void reorder(CardSummary card, ColumnView column, CardSummary before) {
        List<CardSummary> items = column.list().getItems();
        CardSummary previous = null;
        CardSummary next = null;
        if (before == null) {
            previous = items.isEmpty() ? null : items.get(items.size() - 1);
        } else {
            int at = items.indexOf(before);
            next = before;
            previous = at > 0 ? items.get(at - 1) : null;
            if (previous != null && previous.id() == card.id()) {
                previous = at > 1 ? items.get(at - 2) : null;
            }
        }
        model.reorder(card, previous, next);
    }

    /**
     * Asks for what the event needs, if anything (once, for every card of a selection), then fires it on each card in
     * the background; afterwards the first card has the focus where it is, moved or not.
     */
    void fire(List<CardSummary> cards, Transition t) {
        Runnable focus = () -> focusCard(cards.get(0).id());
        if (model.workflow().isFinal(t.to()) && !confirmFinal(cards, t)) {
            focus.run();
            return;
        }
        List<EventInput> inputs = model.inputsFor(t);
        if (inputs.isEmpty()) {
            model.fire(cards, t, CardChange.NONE, null, outcomes -> focus.run());
            return;
        }
        String what = cards.size() == 1 ? cards.get(0).title() : cards.size() + " cards";
        java.util.function.Function<java.util.Map<String, Object>, EventInputForm> form = current -> EventInputForm.ask(
                window(), model.workflow().id(), model.workflow().eventLabel(t.event()) + ": " + what + " \u2192 "
                        + model.workflow().stateLabel(t.to()), inputs, current, type -> List.of());
        if (cards.size() == 1) {
            // one card: the form starts from what the card holds (its quote), and stays open, with what was typed,
            // when the move is refused (a payment that does not cover the quote), saying why
            CardSummary card = cards.get(0);
            model.inputValues(card, inputs, current -> form.apply(current).showTrying(
                    (answer, told) -> model.fireFromForm(card, t, answer.change(), answer.note(),
                            outcome -> {
                                told.accept(outcome.isDone() ? null : outcome.message());
                                if (outcome.isDone()) {
                                    focus.run();
                                }
                            }),
                    focus));
            return;
        }
        // several may hold different values: the form starts empty, and says on the board which were refused
        form.apply(java.util.Map.of()).showAndWait()
                .ifPresentOrElse(answer -> model.fire(cards, t, answer.change(), answer.note(), outcomes -> focus.run()), focus);
    }

    /**
     * Asks before a move into a final column (a booking completed or canceled): such a move ends the card's work, and
     * a wrong one can be put right only by a correction. True: go ahead.
     */
    private boolean confirmFinal(List<CardSummary> cards, Transition t) {
        String to = model.workflow().stateLabel(t.to());
        String what = cards.size() == 1 ? "'" + cards.get(0).title() + "'" : cards.size() + " cards";
        javafx.scene.control.ButtonType move = new javafx.scene.control.ButtonType("Move to " + to,
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                to + " is a final column: the card's work ends there. Move " + what + " by "
                        + model.workflow().eventLabel(t.event()) + "?", move, javafx.scene.control.ButtonType.CANCEL);
        ask.setTitle("Move to " + to);
        ask.setHeaderText("Move " + what + " to " + to + "?");
        ask.getDialogPane().setId(CONFIRM_FINAL_ID);
        ask.initOwner(window());
        return ask.showAndWait().filter(move::equals).isPresent();
    }

    /** The id of the confirmation before a move into a final column. */
    public static final String CONFIRM_FINAL_ID = "confirm-final";

    /** The label of the button that takes a move back, on the toast after it. */
    public static final String UNDO = "Undo";

    /** Ctrl+Z (Cmd+Z on a Mac): takes back the person's last move. */
    public static final javafx.scene.input.KeyCombination UNDO_KEY = javafx.scene.input.KeyCombination.keyCombination("Shortcut+Z");

    /**
     * The "Move via…" menu: the events the person may fire from the card's column ({@code moves}, as the pipeline
     * answered); a locked one shows a lock, and choosing it says why instead of moving.
     */
    private ContextMenu moveMenu(List<CardSummary> cards, List<MoveCheck> moves) {
        CardSummary card = cards.get(0);
        ContextMenu menu = new ContextMenu();
        menu.setId("move-menu");
        String column = model.workflow().stateLabel(card.state());
        if (moves.isEmpty()) {
            MenuItem none = new MenuItem(model.workflow().isFinal(card.state()) ? column + " is final: no moves"
                    : "No move from " + column + " is yours to make");
            none.setDisable(true);
            menu.getItems().add(none);
        }
        for (MoveCheck m : moves) {
            Transition t = m.transition();
            MenuItem item = new MenuItem(Labels.humanize(t.event()) + "  \u2192  " + model.workflow().stateLabel(t.to()));
            item.setId("move-" + t.event());
            if (m.isOpen()) {
                item.setOnAction(e -> fire(cards, t));
            } else {
                item.setGraphic(new FontIcon(MaterialDesignL.LOCK_OUTLINE));
                item.getStyleClass().add(LOCKED_MOVE);
                item.setOnAction(e -> model.feedbackProperty().set(new Feedback(Feedback.Kind.REFUSED, "Not yet", m.reason())));
            }
            menu.getItems().add(item);
        }
        menu.getItems().add(new SeparatorMenuItem());
        MenuItem open = new MenuItem("Open card\u2026  (Enter)");
        open.setOnAction(e -> open(card));
        MenuItem limit = new MenuItem("Work-in-progress limit of " + Labels.humanize(card.state()) + "\u2026");
        limit.setOnAction(e -> model.column(card.state()).ifPresent(c -> LimitDialog.ask(window(), c)
                .ifPresent(l -> model.setLimit(c.stateId(), l.maxCards(), l.hard()))));
        menu.getItems().addAll(open, limit);
        return menu;
    }

    private void keyPressed(KeyEvent e, ColumnView column) {
        ListView<CardSummary> list = column.list();
        int index = columns.indexOf(column);
        CardSummary card = list.getSelectionModel().getSelectedItem();
        if (card == null && list.getFocusModel().getFocusedIndex() >= 0) { // focused, not selected: the key acts on it
            card = list.getFocusModel().getFocusedItem();
        }
        List<CardSummary> selected = card != null && selected(list).isEmpty() ? List.of(card) : selected(list);
        switch (e.getCode()) {
            case LEFT, RIGHT -> {
                int step = e.getCode() == KeyCode.LEFT ? -1 : 1;
                for (int i = index + step; i >= 0 && i < columns.size(); i += step) {
                    ListView<CardSummary> next = columns.get(i).list();
                    if (!next.getItems().isEmpty()) {
                        int row = Math.min(Math.max(0, list.getSelectionModel().getSelectedIndex()), next.getItems().size() - 1);
                        next.requestFocus();
                        next.getSelectionModel().clearAndSelect(row);
                        next.getFocusModel().focus(row);
                        next.scrollTo(row);
                        break;
                    }
                }
                e.consume();
            }
            case M -> {
                if (!selected.isEmpty()) {
                    model.movesOfAll(selected, moves -> {
                        ContextMenu menu = moveMenu(selected, moves);
                        menu.show(list, javafx.geometry.Side.RIGHT, -list.getWidth() / 2, 20);
                        menu.getSkin().getNode().requestFocus();
                    });
                }
                e.consume();
            }
            case ENTER -> {
                if (card != null) {
                    open(card);
                }
                e.consume();
            }
            case UP, DOWN -> {
                if (e.isShortcutDown() && card != null && selected.size() == 1) {
                    // Ctrl+Up / Ctrl+Down: move the card one place up or down its column
                    int at = list.getSelectionModel().getSelectedIndex();
                    List<CardSummary> items = list.getItems();
                    if (e.getCode() == KeyCode.UP && at > 0) {
                        model.reorder(card, at > 1 ? items.get(at - 2) : null, items.get(at - 1));
                    } else if (e.getCode() == KeyCode.DOWN && at < items.size() - 1) {
                        model.reorder(card, items.get(at + 1), at + 2 < items.size() ? items.get(at + 2) : null);
                    }
                    e.consume();
                }
            }
            default -> {
                // the list handles up, down, page keys
            }
        }
    }
}
