package network.higherself.console.ui.board;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import network.higherself.console.card.CardField;
import network.higherself.console.card.EventInput;
import network.higherself.console.card.FieldType;
import network.higherself.console.card.FieldText;
import network.higherself.console.move.CardChange;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.Transition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Asks for what an event needs (a quote, a reason, a note) before the move is made. */
final class EventInputDialog {

    static final String ID = "event-input";

    /** The person's answer: the fields to set on the card, and the move's note. */
    record Answer(CardChange change, String note) {
    }

    private EventInputDialog() {
    }

    static Optional<Answer> ask(Window owner, BoardViewModel model, String cardTitle, Transition t, List<EventInput> inputs) {
        Dialog<Answer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Labels.humanize(t.event()));
        dialog.setHeaderText("'" + cardTitle + "' \u2192 " + Labels.humanize(t.to()));
        dialog.getDialogPane().setId(ID);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10, 0, 0, 0));
        Map<EventInput, TextInputControl> controls = new LinkedHashMap<>();
        int row = 0;
        for (EventInput in : inputs) {
            Optional<CardField> field = in.isNote() ? Optional.empty() : model.field(in.fieldKey());
            FieldType type = field.map(CardField::type).orElse(FieldType.LONG_TEXT);
            TextInputControl control = type == FieldType.LONG_TEXT ? new TextArea() : new TextField();
            if (control instanceof TextArea area) {
                area.setPrefRowCount(3);
                area.setWrapText(true);
            }
            control.setId("input-" + in.fieldKey());
            control.setPromptText(type == FieldType.MONEY ? "e.g. 120.00" : in.required() ? "required" : "");
            grid.addRow(row++, new Label(in.label()), control);
            controls.put(in, control);
        }
        Label error = new Label();
        error.getStyleClass().add("input-error");
        error.setWrapText(true);
        grid.add(error, 0, row, 2, 1);
        dialog.getDialogPane().setContent(grid);

        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            List<String> problems = new ArrayList<>();
            controls.forEach((in, control) -> {
                String text = control.getText() == null ? "" : control.getText().strip();
                if (in.required() && text.isEmpty()) {
                    problems.add(in.label() + " is required.");
                } else if (!in.isNote()) {
                    model.field(in.fieldKey()).ifPresent(f -> FieldText.parse(f.type(), text).problemText()
                            .ifPresent(p -> problems.add(in.label() + ": " + p)));
                }
            });
            if (!problems.isEmpty()) {
                error.setText(String.join(" ", problems));
                e.consume();
            }
        });
        dialog.setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            String note = null;
            List<CardChange> changes = new ArrayList<>();
            for (Map.Entry<EventInput, TextInputControl> entry : controls.entrySet()) {
                EventInput in = entry.getKey();
                String text = entry.getValue().getText() == null ? "" : entry.getValue().getText().strip();
                if (in.isNote()) {
                    note = text;
                } else {
                    CardField f = model.field(in.fieldKey()).orElseThrow();
                    Object value = FieldText.parse(f.type(), text).value();
                    changes.add((card, refs) -> f.set(card, value));
                }
            }
            return new Answer((card, refs) -> changes.forEach(c -> c.apply(card, refs)), note);
        });
        return dialog.showAndWait();
    }
}
