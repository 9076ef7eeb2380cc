package network.higherself.console.ui.card;

import javafx.beans.binding.BooleanBinding;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import network.higherself.console.card.CardField;
import network.higherself.console.card.CardKinds;
import network.higherself.console.card.EventInput;
import network.higherself.console.card.FieldType;
import network.higherself.console.cardform.Choice;
import network.higherself.console.cardform.FormValues;
import network.higherself.console.move.CardChange;
import network.higherself.console.move.MoveRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Asks the person for what an event needs before the board fires it (a quote, a reason, a note), with the same
 * editors and checks as the card form. The answer is a {@link CardChange} and a note, ready for
 * {@code MoveRequest.byEvent(id, event, actor).with(answer.change()).withNote(answer.note())}; the enforcement point
 * then checks the guard with the new values, in the same transaction as the move.
 *
 * <pre>{@code
 * List<EventInput> inputs = card kind's inputsFor(event)   // e.g. CardKinds.newCard(workflowId, "").inputsFor(event)
 * if (!inputs.isEmpty()) {
 *     EventInputForm.ask(owner, workflowId, "Consultation completed", inputs, Map.of(), type -> List.of())
 *             .showAndWait()
 *             .ifPresent(a -> move(a.request(cardId, event, actor)));
 * }
 * }</pre>
 */
public final class EventInputForm {

    public static final String DIALOG_ID = "event-input-form";
    public static final String OK_ID = "event-input-ok";

    /** What the person gave: the field values as a change, and the note (null when none was asked). */
    public record Answer(CardChange change, String note, Map<String, Object> values) {

        /** The move that fires {@code event} on card {@code cardId} with this answer. */
        public MoveRequest request(long cardId, String event, network.higherself.console.staff.Actor actor) {
            MoveRequest r = MoveRequest.byEvent(cardId, event, actor).with(change);
            return note == null ? r : r.withNote(note);
        }
    }

    /** The id of the sentence that says, inside the form, why the move was refused. */
    public static final String REFUSAL_ID = "event-input-refusal";

    private final Dialog<Answer> dialog = new Dialog<>();
    private final Map<String, FieldEditor> editors = new LinkedHashMap<>();
    /** Why the last try was refused, shown at the top of the form until the person changes something. */
    private final Label refusal = new Label();
    /** A try is on its way: Continue waits for its answer. */
    private final javafx.beans.property.BooleanProperty trying = new javafx.beans.property.SimpleBooleanProperty();

    private EventInputForm(Window owner, String workflowId, String heading, List<EventInput> inputs,
                           Map<String, Object> current, Function<Class<?>, List<Choice>> choices) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("An event that needs no input needs no form");
        }
        List<CardField<?>> kindFields = CardKinds.fields(workflowId);
        GridPane grid = CardDetailsView.formGrid(280);
        grid.getStyleClass().add("event-input-form");

        BooleanBinding anyProblem = null;
        int row = 0;
        for (EventInput input : inputs) {
            CardField<?> field = input.isNote()
                    ? CardField.input(EventInput.NOTE, input.label(), FieldType.LONG_TEXT, input.required())
                    : kindFields.stream().filter(f -> f.key().equals(input.fieldKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("The " + workflowId + " card has no field '"
                            + input.fieldKey() + "'")).relabelled(input.label(), input.required());
            FieldEditor editor = FieldEditors.create(field, choices);
            editor.setValue(current.get(field.key()));
            editors.put(field.key(), editor);

            Label label = new Label(field.label() + (field.required() ? " *" : ""));
            label.getStyleClass().add(CardDetailsView.STYLE_FIELD_LABEL);
            label.setLabelFor(editor.control());
            GridPane.setValignment(label, VPos.TOP);
            Label problem = new Label();
            problem.setId(FieldEditors.controlId(field.key()) + "-problem");
            problem.getStyleClass().add(CardDetailsView.STYLE_FIELD_PROBLEM);
            problem.setWrapText(true);
            problem.textProperty().bind(editor.problemProperty());
            BooleanBinding shown = editor.problemProperty().isNotNull().and(editor.editedProperty());
            problem.visibleProperty().bind(shown);
            problem.managedProperty().bind(shown);
            grid.add(label, 0, row);
            grid.add(new VBox(4, editor.node(), problem), 1, row++);
            BooleanBinding bad = editor.problemProperty().isNotNull();
            anyProblem = anyProblem == null ? bad : anyProblem.or(bad);
            editor.valueProperty().addListener((obs, old, now) -> refusal.setText("")); // its cause may be fixed
        }
        refusal.setId(REFUSAL_ID);
        refusal.getStyleClass().add(CardDetailsView.STYLE_FIELD_PROBLEM);
        refusal.setWrapText(true);
        refusal.setMinHeight(Region.USE_PREF_SIZE);
        refusal.visibleProperty().bind(refusal.textProperty().isNotEmpty());
        refusal.managedProperty().bind(refusal.visibleProperty());

        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(heading);
        DialogPane pane = dialog.getDialogPane();
        pane.setId(DIALOG_ID);
        pane.getStyleClass().add(CardDetailsView.STYLE_DIALOG);
        pane.getStylesheets().add(CardDetailsView.class.getResource("card.css").toExternalForm());
        Label title = new Label(heading);
        title.getStyleClass().addAll(CardDetailsView.STYLE_HEADING, atlantafx.base.theme.Styles.TITLE_4);
        title.setWrapText(true); // a long card title: the heading goes on two lines rather than end in "…"
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label sub = new Label("This move needs a little more: fill it in, then continue.");
        sub.getStyleClass().add(CardDetailsView.STYLE_SUBHEADING);
        VBox header = new VBox(2, title, sub);
        header.getStyleClass().add(CardDetailsView.STYLE_HEADER);
        pane.setHeader(header);
        pane.setContent(new VBox(10, refusal, grid));
        pane.setPrefWidth(560);
        ButtonType ok = new ButtonType("Continue", ButtonBar.ButtonData.OK_DONE);
        pane.getButtonTypes().setAll(ok, ButtonType.CANCEL);
        Button okButton = (Button) pane.lookupButton(ok);
        okButton.setId(OK_ID);
        okButton.disableProperty().bind(Objects.requireNonNull(anyProblem).or(trying));
        pane.lookupButton(ButtonType.CANCEL).disableProperty().bind(trying); // the move on its way is not stopped
        dialog.setResultConverter(b -> b == ok ? answer() : null);
        network.higherself.console.ui.common.DialogFit.toOwner(dialog); // no bigger than its window
        dialog.setOnShown(e -> {
            var first = editors.values().iterator().next().control();
            if (first != null) {
                first.requestFocus();
            }
        });
    }

    /**
     * The form for {@code inputs} of a card of {@code workflowId}: {@code current} gives the fields' present values
     * (may be empty), {@code choices} what REFERENCE inputs can point at (no event asks for one today).
     */
    public static EventInputForm ask(Window owner, String workflowId, String heading, List<EventInput> inputs,
                                     Map<String, Object> current, Function<Class<?>, List<Choice>> choices) {
        return new EventInputForm(owner, workflowId, heading, inputs, current, choices);
    }

    public Dialog<Answer> dialog() {
        return dialog;
    }

    /** The editors, by field key ({@link EventInput#NOTE} for the note). */
    public Map<String, FieldEditor> editors() {
        return editors;
    }

    /** Shows the form and waits; empty when the person cancels. */
    public Optional<Answer> showAndWait() {
        return dialog.showAndWait();
    }

    /** Shows the form; {@code onAnswer} runs if the person continues. */
    public void show(Consumer<Answer> onAnswer) {
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                onAnswer.accept(dialog.getResult());
            }
        });
        dialog.show();
    }

    /**
     * Shows the form and tries the move the person asks for before it closes: Continue hands the answer to
     * {@code attempt}, which tells its outcome to the consumer it is given: null when the move went through (the form
     * closes), or the sentence that says why it was refused — the form then stays open with everything that was
     * typed, says why at its top, and the person can put it right and continue again, or cancel. The sentence goes
     * as soon as a value is changed. {@code canceled} runs when the person closes the form without a move made.
     */
    public void showTrying(java.util.function.BiConsumer<Answer, Consumer<String>> attempt, Runnable canceled) {
        Button ok = (Button) dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0));
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // the form stays until the move is made
            Answer answer = answer();
            refusal.setText("");
            trying.set(true);
            attempt.accept(answer, refused -> {
                trying.set(false);
                if (refused == null) {
                    dialog.setResult(answer);
                    dialog.close();
                } else {
                    refusal.setText(refused);
                    dialog.getDialogPane().getScene().getWindow().sizeToScene();
                }
            });
        });
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == null) {
                canceled.run();
            }
        });
        dialog.show();
    }

    private Answer answer() {
        Map<CardField<?>, Object> fields = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        String note = null;
        for (FieldEditor e : editors.values()) {
            values.put(e.field().key(), e.getValue());
            if (e.field().key().equals(EventInput.NOTE)) {
                note = (String) e.getValue();
            } else {
                fields.put(e.field(), e.getValue());
            }
        }
        return new Answer(FormValues.change(fields), note, values);
    }

}
