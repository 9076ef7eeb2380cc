package network.higherself.console.ui.card;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import network.higherself.console.card.CardField;
import network.higherself.console.card.FieldProblem;
import network.higherself.console.ui.common.Fxml;
import network.higherself.console.workflow.Labels;
import org.controlsfx.control.decoration.Decorator;
import org.controlsfx.control.decoration.GraphicDecoration;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The card dialog owned by the main window: every field of the card's kind with its editor, checked as the person
 * types (ControlsFX decorations and a sentence under the field), the card's checklist (ticked at once, not on Save)
 * and its history as a timeline, and Save (Create for a new card). Its frame is laid out in CardDetailsView.fxml;
 * this controller binds it to the dialog's view model and its three parts, and makes the form's rows, the tasks and
 * the timeline's entries from data. Each part's message shows in the part: a refused save above the buttons, with
 * the form untouched; a refused tick in the checklist.
 */
public final class CardDetailsView {

    public static final String DIALOG_ID = "card-details";
    public static final String FORM_ID = "card-form";
    public static final String HISTORY_ID = "card-history";
    public static final String HISTORY_MESSAGE_ID = "card-history-message";
    public static final String MESSAGE_ID = "card-message";
    public static final String SAVE_ID = "card-save";
    public static final String LOADING_ID = "card-loading";
    public static final String CHECKLIST_ID = "card-checklist";
    public static final String CHECKLIST_TITLE_ID = "card-checklist-title";
    public static final String CHECKLIST_PROGRESS_ID = "card-checklist-progress";
    public static final String CHECKLIST_NOTICE_ID = "card-checklist-notice";
    public static final String CHECKLIST_MESSAGE_ID = "card-checklist-message";
    /** A task's box is {@code #task-<kind>}, e.g. {@code #task-room}. */
    public static final String TASK_ID_PREFIX = "task-";

    static final String STYLE_DIALOG = "card-dialog";
    static final String STYLE_HEADER = "card-header";
    static final String STYLE_HEADING = "card-heading";
    static final String STYLE_SUBHEADING = "card-subheading";
    static final String STYLE_FORM = "card-form";
    static final String STYLE_SECTION = "card-section";
    static final String STYLE_FIELD_LABEL = "field-label";
    static final String STYLE_FIELD_PROBLEM = "field-problem";
    static final String STYLE_FORM_PROBLEMS = "form-problems";
    static final String STYLE_TIMELINE_ENTRY = "timeline-entry";
    static final String STYLE_HISTORY_ICON = "history-icon";
    static final String STYLE_HISTORY_WHAT = "history-what";
    static final String STYLE_HISTORY_META = "history-meta";
    static final String STYLE_HISTORY_DETAIL = "history-detail";
    static final String STYLE_HISTORY_NOTE = "history-note";
    static final String STYLE_TASK = "checklist-task";
    static final String STYLE_TASK_TITLE = "task-title";
    static final String STYLE_TASK_DETAIL = "task-detail";
    static final javafx.css.PseudoClass COMPLETE = javafx.css.PseudoClass.getPseudoClass("complete");

    private final CardDetailsViewModel model;
    private final CardFormViewModel form;
    private final CardChecklistViewModel checklistModel;
    private final CardHistoryViewModel historyModel;
    private final ValidationSupport validation = new ValidationSupport();
    private Map<String, FieldEditor> editors = Map.of();

    @FXML
    private DialogPane pane;
    @FXML
    private Label heading;
    @FXML
    private Label subheading;
    @FXML
    private Label state;
    @FXML
    private VBox loading;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private Label loadingText;
    @FXML
    private HBox split;
    @FXML
    private ScrollPane formScroll;
    @FXML
    private VBox side;
    @FXML
    private VBox checklist;
    @FXML
    private Label checklistTitle;
    @FXML
    private Label checklistProgress;
    @FXML
    private Label madeBy;
    @FXML
    private VBox tasks;
    @FXML
    private HBox checklistNotice;
    @FXML
    private Label checklistNoticeText;
    @FXML
    private HBox checklistMessage;
    @FXML
    private Label checklistMessageText;
    @FXML
    private Button undoMove;
    @FXML
    private Label undoMessage;
    @FXML
    private HBox historyMessage;
    @FXML
    private Label historyMessageText;
    @FXML
    private VBox timeline;
    @FXML
    private HBox message;
    @FXML
    private Label messageText;

    public CardDetailsView(CardDetailsViewModel model) {
        this.model = model;
        this.form = model.form();
        this.checklistModel = model.checklist();
        this.historyModel = model.history();
        validation.setValidationDecorator(new FieldDecoration());
    }

    /** The editors of the loaded form, by field key (empty until it is loaded). */
    public Map<String, FieldEditor> editors() {
        return editors;
    }

    /**
     * A dialog owned by {@code owner}; {@code onDone} gets the card's id after it is saved or created, and the
     * dialog then closes with that id as its result (null when the person closes it, or saves no change).
     */
    public Dialog<Long> dialog(Window owner, LongConsumer onDone) {
        Dialog<Long> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setResizable(true);
        dialog.titleProperty().bind(Bindings.concat(model.headingProperty(), "  \u2013  Higher Self Console"));
        dialog.setDialogPane(Fxml.load("CardDetailsView.fxml", this));
        pane.getScene().getWindow().addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> installDecorationLayer(pane));

        boolean create = model.mode() == CardDetailsViewModel.Mode.CREATE;
        // as big as the card wants, but never bigger than the window it opens over (its parts scroll inside)
        javafx.geometry.Rectangle2D room = network.higherself.console.ui.common.DialogFit.area(owner);
        pane.setPrefSize(Math.min(create ? 720 : 1060, room.getWidth() - 40), Math.min(create ? 640 : 720, room.getHeight() - 60));
        network.higherself.console.ui.common.DialogFit.toOwner(dialog);
        ButtonType saveType = new ButtonType(create ? "Create" : "Save", ButtonBar.ButtonData.OK_DONE);
        pane.getButtonTypes().setAll(saveType, ButtonType.CANCEL);
        Button save = (Button) pane.lookupButton(saveType);
        save.setId(SAVE_ID);
        save.setDefaultButton(true);
        save.disableProperty().bind(form.phaseProperty().isNotEqualTo(CardFormViewModel.Phase.READY));
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only once the card is saved
            form.save(id -> {
                dialog.setResult(id);
                dialog.close();
                onDone.accept(id);
            }, dialog::close);
        });
        dialog.setResultConverter(b -> null);
        return dialog;
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(model.headingProperty());
        subheading.textProperty().bind(model.subheadingProperty());
        state.textProperty().bind(model.stateLabelProperty());
        state.visibleProperty().bind(model.stateLabelProperty().isNotEmpty());

        loadingText.setText("Opening the " + model.noun() + "\u2026");
        progress.visibleProperty().bind(form.phaseProperty().isEqualTo(CardFormViewModel.Phase.LOADING));
        loadingText.visibleProperty().bind(progress.visibleProperty());
        BooleanBinding loaded = Bindings.isNotEmpty(form.fields());
        split.visibleProperty().bind(loaded);
        loading.visibleProperty().bind(loaded.not());
        form.fields().addListener((ListChangeListener<CardFormViewModel.FieldModel>) c -> formScroll.setContent(formGrid()));
        boolean create = model.mode() == CardDetailsViewModel.Mode.CREATE;
        side.setVisible(!create); // a new card has no checklist and no history yet
        side.setManaged(!create);

        showWhileSaying(message, messageText, form.messageProperty());
        bindChecklist();
        showWhileSaying(historyMessage, historyMessageText, historyModel.messageProperty());
        undoMove.visibleProperty().bind(model.undoableProperty()); // offered only where it will go
        undoMove.managedProperty().bind(undoMove.visibleProperty());
        undoMove.setOnAction(e -> askWhy().ifPresent(model::undoLastMove));
        undoMessage.textProperty().bind(model.undoMessageProperty());
        undoMessage.visibleProperty().bind(model.undoMessageProperty().isNotEmpty());
        undoMessage.managedProperty().bind(undoMessage.visibleProperty());
        historyModel.entries().addListener((ListChangeListener<CardHistoryViewModel.TimelineEntry>) c -> fillTimeline());
        fillTimeline();
    }

    /** The reason for taking the last move back, asked for (it is kept in the card's history); empty: not now. */
    private java.util.Optional<String> askWhy() {
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog("A wrong move");
        ask.initOwner(undoMove.getScene().getWindow());
        ask.setTitle("Undo last move");
        ask.setHeaderText("The card goes back to the column it came from. Why?");
        ask.setContentText("Reason (kept in the card's history):");
        ask.getDialogPane().setId(UNDO_REASON_ID);
        return ask.showAndWait().map(String::strip).filter(r -> !r.isEmpty());
    }

    /** The id of the question that asks why the last move is taken back. */
    public static final String UNDO_REASON_ID = "card-undo-reason";

    /** A line (icon and text) bound to {@code text}, shown only while there is some (a message, a notice). */
    private static void showWhileSaying(HBox line, Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        line.visibleProperty().bind(Bindings.isNotEmpty(text));
        line.managedProperty().bind(line.visibleProperty());
    }

    /**
     * ControlsFX puts its decoration layer at the root of the scene the first time it decorates a control, moving
     * the old root under it. Done later, the theme's colour lookups miss their root for a moment (and the log fills
     * with warnings); done as the window is showing, before anything is styled, nothing notices.
     */
    static void installDecorationLayer(Node node) {
        GraphicDecoration probe = new GraphicDecoration(new Region());
        Decorator.addDecoration(node, probe);
        Decorator.removeDecoration(node, probe);
    }

    /** A form's grid: labels in a column as wide as they need, the editors in a column that takes the rest. */
    static GridPane formGrid(double editorsMinWidth) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(STYLE_FORM);
        grid.setHgap(14);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        controls.setMinWidth(editorsMinWidth);
        grid.getColumnConstraints().setAll(labels, controls);
        return grid;
    }

    /** The form's rows, made from the card kind's fields: a label, the field's editor and its problem under it. */
    private Node formGrid() {
        GridPane grid = formGrid(260);
        grid.setId(FORM_ID);

        List<CardField<?>> fields = form.fields().stream().map(CardFormViewModel.FieldModel::field).toList();
        editors = FieldEditors.createAll(fields, type -> form.form().choicesOf(type));
        int row = 0;
        int common = network.higherself.console.card.Card.commonFields().size();
        for (int i = 0; i < form.fields().size(); i++) {
            if (i == common) {
                Label section = new Label(Labels.humanize(form.form().kindLabel()) + " details");
                section.getStyleClass().add(STYLE_SECTION);
                section.setMaxWidth(Double.MAX_VALUE);
                grid.add(section, 0, row++, 2, 1);
            }
            CardFormViewModel.FieldModel fm = form.fields().get(i);
            FieldEditor editor = editors.get(fm.field().key());
            bind(fm, editor);
            Label label = new Label(fm.field().label() + (fm.field().required() ? " *" : ""));
            label.getStyleClass().add(STYLE_FIELD_LABEL);
            label.setLabelFor(editor.control());
            label.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setValignment(label, VPos.TOP);
            grid.add(label, 0, row);
            grid.add(withProblem(fm, editor), 1, row++);
        }
        Label notes = new Label();
        notes.getStyleClass().add(STYLE_FORM_PROBLEMS);
        notes.setWrapText(true);
        notes.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", unrouted()), form.formProblems()));
        notes.visibleProperty().bind(notes.textProperty().isNotEmpty());
        notes.managedProperty().bind(notes.visibleProperty());
        grid.add(notes, 0, row, 2, 1);
        Control first = editors.values().iterator().next().control();
        grid.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && first != null) {
                whenShown(scene, () -> {
                    first.requestFocus();
                    if (first instanceof javafx.scene.control.TextInputControl input) {
                        input.end(); // a caret to carry on typing, not the whole title selected for replacing
                    }
                });
            }
        });
        return grid;
    }

    /** Runs {@code action} once the scene's window is showing (at once, later in this pulse, if it already is). */
    private static void whenShown(javafx.scene.Scene scene, Runnable action) {
        Window w = scene.getWindow();
        if (w != null && w.isShowing()) {
            javafx.application.Platform.runLater(action);
        } else if (w != null) {
            w.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<>() {
                @Override
                public void handle(javafx.stage.WindowEvent e) {
                    w.removeEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, this);
                    javafx.application.Platform.runLater(action);
                }
            });
        }
    }

    /** The kind's problems that are about no field in particular ("Say what is requested: a role or scopes."). */
    private List<String> unrouted() {
        return form.formProblems().stream().filter(p -> p.field() == null).map(FieldProblem::sentence).toList();
    }

    private void bind(CardFormViewModel.FieldModel fm, FieldEditor editor) {
        editor.setValue(fm.valueProperty().get());
        fm.valueProperty().bind(editor.valueProperty());
        fm.inputProblemProperty().bind(editor.problemProperty());
        Control control = editor.control();
        if (control != null) {
            BooleanBinding shown = problemShown(fm, editor);
            // decorated only once the sentence shows too: an empty form is not a page of errors
            Validator<Object> validator = (c, v) -> ValidationResult.fromErrorIf(c, fm.problem(), shown.get());
            if (validation.registerValidator(control, fm.field().required(), validator)) {
                fm.problemExpression().addListener((obs, old, now) -> validation.revalidate(control));
                shown.addListener((obs, old, now) -> validation.revalidate(control));
            }
        }
    }

    /** Whether the field's problem is shown: once the person has edited it or tried to save, or when the kind says so. */
    private BooleanBinding problemShown(CardFormViewModel.FieldModel fm, FieldEditor editor) {
        return fm.problemExpression().isNotNull().and(
                editor.editedProperty().or(form.saveAttemptedProperty()).or(fm.formProblemProperty().isNotNull()));
    }

    private Node withProblem(CardFormViewModel.FieldModel fm, FieldEditor editor) {
        Label problem = new Label();
        problem.setId(FieldEditors.controlId(fm.field().key()) + "-problem");
        problem.getStyleClass().add(STYLE_FIELD_PROBLEM);
        problem.setWrapText(true);
        problem.textProperty().bind(fm.problemExpression());
        BooleanBinding shown = problemShown(fm, editor);
        problem.visibleProperty().bind(shown);
        problem.managedProperty().bind(shown);
        if (editor.control() != null) {
            shown.addListener((obs, old, now) -> editor.control().pseudoClassStateChanged(Styles.STATE_DANGER, now));
        }
        VBox box = new VBox(4, editor.node(), problem);
        box.setFillWidth(true);
        return box;
    }

    private void fillTimeline() {
        timeline.getChildren().clear();
        for (CardHistoryViewModel.TimelineEntry e : historyModel.entries()) {
            timeline.getChildren().add(timelineEntry(e));
        }
        if (historyModel.entries().isEmpty()) {
            Label none = new Label("Nothing has happened to this card yet.");
            none.getStyleClass().add(STYLE_HISTORY_META);
            timeline.getChildren().add(none);
        }
    }

    /**
     * The card's checklist above its history: a box per task, ticked at once as the signed-in person. The boxes are
     * made again from what is stored after every tick, so a refused one goes back by itself.
     */
    private void bindChecklist() {
        checklistTitle.textProperty().bind(checklistModel.titleProperty());
        checklistProgress.textProperty().bind(checklistModel.progressProperty());
        checklistModel.completeProperty().addListener((obs, old, now) -> checklistProgress.pseudoClassStateChanged(COMPLETE, now));
        checklistProgress.pseudoClassStateChanged(COMPLETE, checklistModel.completeProperty().get());
        madeBy.textProperty().bind(checklistModel.madeByProperty());
        Runnable fill = () -> {
            tasks.getChildren().clear();
            for (CardChecklistViewModel.TaskRow t : checklistModel.tasks()) {
                tasks.getChildren().add(taskRow(t));
            }
        };
        checklistModel.tasks().addListener((ListChangeListener<CardChecklistViewModel.TaskRow>) c -> fill.run());
        fill.run();
        showWhileSaying(checklistNotice, checklistNoticeText, checklistModel.noticeProperty());
        showWhileSaying(checklistMessage, checklistMessageText, checklistModel.messageProperty());
        checklist.visibleProperty().bind(checklistModel.shownProperty());
        checklist.managedProperty().bind(checklist.visibleProperty());
    }

    /**
     * A task: its box, its title beside it (wrapping, and a click on it ticks too) and a muted line under the title:
     * who ticked it when, or whether it is required. A box beside wrapped text would sit in the middle of it; here
     * it stays level with the first line.
     */
    private Node taskRow(CardChecklistViewModel.TaskRow t) {
        CheckBox box = new CheckBox();
        box.setId(TASK_ID_PREFIX + t.kind());
        box.setSelected(t.done());
        box.setAccessibleText(t.title());
        box.disableProperty().bind(checklistModel.tickableProperty().not());
        box.setOnAction(e -> checklistModel.tick(t, box.isSelected()));
        Label title = wrapping(new Label(t.title()));
        title.getStyleClass().add(STYLE_TASK_TITLE);
        title.setLabelFor(box);
        title.cursorProperty().bind(Bindings.when(box.disabledProperty()).then(javafx.scene.Cursor.DEFAULT)
                .otherwise(javafx.scene.Cursor.HAND));
        title.setOnMouseClicked(e -> {
            if (!box.isDisabled()) {
                box.fire();
            }
        });
        Label detail = wrapping(new Label(t.detail()));
        detail.getStyleClass().add(STYLE_TASK_DETAIL);
        VBox text = new VBox(1, title, detail);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, box, text);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add(STYLE_TASK);
        return row;
    }

    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static Node timelineEntry(CardHistoryViewModel.TimelineEntry e) {
        FontIcon icon = new FontIcon(icon(e));
        icon.getStyleClass().add(STYLE_HISTORY_ICON);
        Label what = new Label(e.what());
        what.getStyleClass().add(STYLE_HISTORY_WHAT);
        Label meta = new Label(e.when() + "  \u00b7  " + e.who());
        meta.getStyleClass().add(STYLE_HISTORY_META);
        VBox text = new VBox(2, what, meta);
        for (String d : e.details()) {
            Label detail = new Label(d);
            detail.getStyleClass().add(STYLE_HISTORY_DETAIL);
            text.getChildren().add(detail);
        }
        if (e.note() != null && !e.note().isBlank()) {
            Label note = new Label("\u201c" + e.note() + "\u201d");
            note.getStyleClass().add(STYLE_HISTORY_NOTE);
            text.getChildren().add(note);
        }
        text.getChildren().forEach(n -> {
            ((Label) n).setWrapText(true);
            ((Label) n).setMinHeight(Region.USE_PREF_SIZE);
        });
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, icon, text);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add(STYLE_TIMELINE_ENTRY);
        return row;
    }

    private static Ikon icon(CardHistoryViewModel.TimelineEntry e) {
        return switch (e.action()) {
            case CREATED -> MaterialDesignP.PLUS_CIRCLE_OUTLINE;
            case MOVED -> MaterialDesignA.ARROW_RIGHT_CIRCLE_OUTLINE;
            case CORRECTED -> MaterialDesignU.UNDO_VARIANT;
            case EDITED -> MaterialDesignP.PENCIL_OUTLINE;
            case TASKS_CREATED -> MaterialDesignF.FORMAT_LIST_CHECKS;
            case TASK_DONE -> MaterialDesignC.CHECKBOX_MARKED_OUTLINE;
            case TASK_REOPENED -> MaterialDesignC.CHECKBOX_BLANK_OUTLINE;
            default -> MaterialDesignH.HISTORY;
        };
    }
}
