package network.higherself.console.ui.card;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import network.higherself.console.card.CardField;
import network.higherself.console.card.FieldProblem;
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
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The card form as a dialog owned by the main window: every field of the card's kind with its editor, checked as
 * the person types (ControlsFX decorations and a sentence under the field), the card's checklist (ticked at once,
 * not on Save) and its history as a timeline, and Save (Create for a new card). A refusal stays in the dialog,
 * above the buttons, with the form untouched.
 */
public final class CardDetailsView {

    public static final String DIALOG_ID = "card-details";
    public static final String FORM_ID = "card-form";
    public static final String HISTORY_ID = "card-history";
    public static final String MESSAGE_ID = "card-message";
    public static final String SAVE_ID = "card-save";
    public static final String LOADING_ID = "card-loading";
    public static final String CHECKLIST_ID = "card-checklist";
    public static final String CHECKLIST_TITLE_ID = "card-checklist-title";
    public static final String CHECKLIST_PROGRESS_ID = "card-checklist-progress";
    public static final String CHECKLIST_NOTICE_ID = "card-checklist-notice";
    /** A task's box is {@code #task-<kind>}, e.g. {@code #task-room}. */
    public static final String TASK_ID_PREFIX = "task-";

    static final String STYLE_DIALOG = "card-dialog";
    static final String STYLE_HEADER = "card-header";
    static final String STYLE_HEADING = "card-heading";
    static final String STYLE_SUBHEADING = "card-subheading";
    static final String STYLE_STATE = "card-state";
    static final String STYLE_FORM = "card-form";
    static final String STYLE_SECTION = "card-section";
    static final String STYLE_FIELD_LABEL = "field-label";
    static final String STYLE_FIELD_PROBLEM = "field-problem";
    static final String STYLE_FORM_PROBLEMS = "form-problems";
    static final String STYLE_MESSAGE = "card-message";
    static final String STYLE_HISTORY = "card-history";
    static final String STYLE_HISTORY_TITLE = "history-title";
    static final String STYLE_TIMELINE = "timeline";
    static final String STYLE_TIMELINE_ENTRY = "timeline-entry";
    static final String STYLE_HISTORY_ICON = "history-icon";
    static final String STYLE_HISTORY_WHAT = "history-what";
    static final String STYLE_HISTORY_META = "history-meta";
    static final String STYLE_HISTORY_DETAIL = "history-detail";
    static final String STYLE_HISTORY_NOTE = "history-note";
    static final String STYLE_CHECKLIST = "card-checklist";
    static final String STYLE_CHECKLIST_TITLE = "checklist-title";
    static final String STYLE_CHECKLIST_META = "checklist-meta";
    static final String STYLE_CHECKLIST_NOTICE = "checklist-notice";
    static final String STYLE_TASK = "checklist-task";
    static final String STYLE_CHECKLIST_PROGRESS = "checklist-progress";
    static final String STYLE_TASK_TITLE = "task-title";
    static final String STYLE_TASK_DETAIL = "task-detail";
    static final javafx.css.PseudoClass COMPLETE = javafx.css.PseudoClass.getPseudoClass("complete");

    private final CardDetailsViewModel model;
    private final ValidationSupport validation = new ValidationSupport();
    private Map<String, FieldEditor> editors = Map.of();

    public CardDetailsView(CardDetailsViewModel model) {
        this.model = model;
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

        DialogPane pane = dialog.getDialogPane();
        pane.setId(DIALOG_ID);
        pane.getStyleClass().add(STYLE_DIALOG);
        pane.getStylesheets().add(CardDetailsView.class.getResource("card.css").toExternalForm());
        pane.setHeader(header());
        pane.setContent(content());
        pane.getScene().getWindow().addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> installDecorationLayer(pane));
        boolean create = model.mode() == CardDetailsViewModel.Mode.CREATE;
        pane.setPrefSize(create ? 720 : 1060, create ? 640 : 720);

        ButtonType saveType = new ButtonType(create ? "Create" : "Save", ButtonBar.ButtonData.OK_DONE);
        pane.getButtonTypes().setAll(saveType, ButtonType.CANCEL);
        Button save = (Button) pane.lookupButton(saveType);
        save.setId(SAVE_ID);
        save.setDefaultButton(true);
        save.disableProperty().bind(model.phaseProperty().isNotEqualTo(CardDetailsViewModel.Phase.READY));
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only once the card is saved
            model.save(id -> {
                dialog.setResult(id);
                dialog.close();
                onDone.accept(id);
            }, dialog::close);
        });
        dialog.setResultConverter(b -> null);
        return dialog;
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

    private Node header() {
        Label heading = new Label();
        heading.textProperty().bind(model.headingProperty());
        heading.getStyleClass().addAll(STYLE_HEADING, Styles.TITLE_3);
        Label sub = new Label();
        sub.textProperty().bind(model.subheadingProperty());
        sub.getStyleClass().add(STYLE_SUBHEADING);
        VBox titles = new VBox(2, heading, sub);
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);
        Label state = new Label();
        state.textProperty().bind(model.stateLabelProperty());
        state.getStyleClass().add(STYLE_STATE);
        state.visibleProperty().bind(model.stateLabelProperty().isNotEmpty());
        state.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(16, titles, state);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(STYLE_HEADER);
        return header;
    }

    private Node content() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(36, 36);
        Label loadingText = new Label("Opening the " + model.noun() + "\u2026");
        VBox loading = new VBox(12, progress, loadingText);
        loading.setAlignment(Pos.CENTER);
        loading.setId(LOADING_ID);
        progress.visibleProperty().bind(model.phaseProperty().isEqualTo(CardDetailsViewModel.Phase.LOADING));
        loadingText.visibleProperty().bind(progress.visibleProperty());

        StackPane body = new StackPane(loading);
        model.fields().addListener((ListChangeListener<CardDetailsViewModel.FieldModel>) c -> {
            body.getChildren().setAll(loaded());
        });

        BorderPane root = new BorderPane(body);
        root.setBottom(messageBanner());
        return root;
    }

    private Node loaded() {
        ScrollPane formScroll = new ScrollPane(form());
        formScroll.setFitToWidth(true);
        formScroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        HBox.setHgrow(formScroll, Priority.ALWAYS);
        if (model.mode() == CardDetailsViewModel.Mode.CREATE) {
            return formScroll;
        }
        HBox split = new HBox(formScroll, historyPane());
        return split;
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

    private Node form() {
        GridPane grid = formGrid(260);
        grid.setId(FORM_ID);

        List<CardField<?>> fields = model.fields().stream().map(CardDetailsViewModel.FieldModel::field).toList();
        editors = FieldEditors.createAll(fields, type -> model.form().choicesOf(type));
        int row = 0;
        int common = network.higherself.console.card.Card.commonFields().size();
        for (int i = 0; i < model.fields().size(); i++) {
            if (i == common) {
                Label section = new Label(Labels.humanize(model.form().kindLabel()) + " details");
                section.getStyleClass().add(STYLE_SECTION);
                section.setMaxWidth(Double.MAX_VALUE);
                grid.add(section, 0, row++, 2, 1);
            }
            CardDetailsViewModel.FieldModel fm = model.fields().get(i);
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
        notes.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", unrouted()), model.formProblems()));
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
        return model.formProblems().stream().filter(p -> p.field() == null).map(FieldProblem::sentence).toList();
    }

    private void bind(CardDetailsViewModel.FieldModel fm, FieldEditor editor) {
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
    private BooleanBinding problemShown(CardDetailsViewModel.FieldModel fm, FieldEditor editor) {
        return fm.problemExpression().isNotNull().and(
                editor.editedProperty().or(model.saveAttemptedProperty()).or(fm.formProblemProperty().isNotNull()));
    }

    private Node withProblem(CardDetailsViewModel.FieldModel fm, FieldEditor editor) {
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

    private Node messageBanner() {
        HBox banner = iconLine(MaterialDesignA.ALERT_CIRCLE_OUTLINE, 10, MESSAGE_ID, model.messageProperty(), STYLE_MESSAGE);
        BorderPane.setMargin(banner, new Insets(10, 0, 0, 0));
        return banner;
    }

    private Node historyPane() {
        Label title = new Label("History");
        title.getStyleClass().add(STYLE_HISTORY_TITLE);
        VBox entries = new VBox();
        entries.setId(HISTORY_ID);
        entries.getStyleClass().add(STYLE_TIMELINE);
        Runnable fill = () -> {
            entries.getChildren().clear();
            for (CardDetailsViewModel.TimelineEntry e : model.history()) {
                entries.getChildren().add(timelineEntry(e));
            }
            if (model.history().isEmpty()) {
                Label none = new Label("Nothing has happened to this card yet.");
                none.getStyleClass().add(STYLE_HISTORY_META);
                entries.getChildren().add(none);
            }
        };
        model.history().addListener((ListChangeListener<CardDetailsViewModel.TimelineEntry>) c -> fill.run());
        fill.run();
        // a card's history is tens of entries, not thousands: a plain column wraps its text without surprises
        ScrollPane scroll = new ScrollPane(entries);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(8, checklistPane(), title, scroll);
        box.getStyleClass().add(STYLE_HISTORY);
        box.setPrefWidth(390);
        box.setMinWidth(360); // the form gives way first: a checklist's titles wrap badly in less
        return box;
    }

    /**
     * The card's checklist above its history: a box per task, ticked at once as the signed-in person. The boxes are
     * made again from what is stored after every tick, so a refused one goes back by itself.
     */
    private Node checklistPane() {
        CardDetailsViewModel.ChecklistSection section = model.checklist();
        FontIcon icon = new FontIcon(MaterialDesignF.FORMAT_LIST_CHECKS);
        icon.getStyleClass().add(STYLE_HISTORY_ICON);
        Label title = new Label();
        title.setId(CHECKLIST_TITLE_ID);
        title.getStyleClass().add(STYLE_CHECKLIST_TITLE);
        title.textProperty().bind(section.titleProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        Label progress = new Label();
        progress.setId(CHECKLIST_PROGRESS_ID);
        progress.getStyleClass().add(STYLE_CHECKLIST_PROGRESS);
        progress.textProperty().bind(section.progressProperty());
        progress.setMinWidth(Region.USE_PREF_SIZE);
        section.completeProperty().addListener((obs, old, now) -> progress.pseudoClassStateChanged(COMPLETE, now));
        progress.pseudoClassStateChanged(COMPLETE, section.completeProperty().get());
        HBox heading = new HBox(8, icon, title, progress);
        heading.setAlignment(Pos.CENTER_LEFT);
        Label madeBy = wrapping(new Label());
        madeBy.getStyleClass().add(STYLE_CHECKLIST_META);
        madeBy.textProperty().bind(section.madeByProperty());

        VBox tasks = new VBox(2);
        Runnable fill = () -> {
            tasks.getChildren().clear();
            for (CardDetailsViewModel.ChecklistSection.TaskRow t : section.tasks()) {
                tasks.getChildren().add(taskRow(t, section));
            }
        };
        section.tasks().addListener((ListChangeListener<CardDetailsViewModel.ChecklistSection.TaskRow>) c -> fill.run());
        fill.run();

        HBox notice = iconLine(MaterialDesignL.LOCK_OUTLINE, 8, CHECKLIST_NOTICE_ID, section.noticeProperty(),
                STYLE_CHECKLIST_NOTICE);

        VBox box = new VBox(6, heading, madeBy, tasks, notice);
        box.setId(CHECKLIST_ID);
        box.getStyleClass().add(STYLE_CHECKLIST);
        box.visibleProperty().bind(section.shownProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /**
     * A task: its box, its title beside it (wrapping, and a click on it ticks too) and a muted line under the title:
     * who ticked it when, or whether it is required. A box beside wrapped text would sit in the middle of it; here
     * it stays level with the first line.
     */
    private Node taskRow(CardDetailsViewModel.ChecklistSection.TaskRow t, CardDetailsViewModel.ChecklistSection section) {
        CheckBox box = new CheckBox();
        box.setId(TASK_ID_PREFIX + t.kind());
        box.setSelected(t.done());
        box.setAccessibleText(t.title());
        box.disableProperty().bind(section.tickableProperty().not());
        box.setOnAction(e -> model.tick(t, box.isSelected()));
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

    /** An icon and a wrapping text bound to {@code text}, shown only while there is some (a message, a notice). */
    private static HBox iconLine(org.kordamp.ikonli.Ikon icon, double gap, String textId,
                                 javafx.beans.value.ObservableStringValue text, String styleClass) {
        Label label = wrapping(new Label());
        label.setId(textId);
        label.textProperty().bind(text);
        HBox.setHgrow(label, Priority.ALWAYS);
        HBox line = new HBox(gap, new FontIcon(icon), label);
        line.setAlignment(Pos.TOP_LEFT);
        line.getStyleClass().add(styleClass);
        line.visibleProperty().bind(Bindings.isNotEmpty(text));
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static Node timelineEntry(CardDetailsViewModel.TimelineEntry e) {
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

    private static Ikon icon(CardDetailsViewModel.TimelineEntry e) {
        return switch (e.action()) {
            case CREATED -> MaterialDesignP.PLUS_CIRCLE_OUTLINE;
            case MOVED -> MaterialDesignA.ARROW_RIGHT_CIRCLE_OUTLINE;
            case EDITED -> MaterialDesignP.PENCIL_OUTLINE;
            case TASKS_CREATED -> MaterialDesignF.FORMAT_LIST_CHECKS;
            case TASK_DONE -> MaterialDesignC.CHECKBOX_MARKED_OUTLINE;
            case TASK_REOPENED -> MaterialDesignC.CHECKBOX_BLANK_OUTLINE;
            default -> MaterialDesignH.HISTORY;
        };
    }
}
