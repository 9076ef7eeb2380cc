package network.higherself.console.ui.help;

import javafx.fxml.FXML;
import javafx.geometry.HPos;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import network.higherself.console.ui.common.Fxml;

import java.util.List;

/**
 * The keyboard help sheet (F1 or ?): its frame is KeyboardHelp.fxml; its rows are made from {@link Shortcuts}, the one
 * list of the console's shortcuts, a section per place.
 */
public final class KeyboardHelp {

    static final String KEY_STYLE = "key-cap";

    private final List<Shortcuts.Section> sections;

    @FXML
    private VBox content;

    private KeyboardHelp(List<Shortcuts.Section> sections) {
        this.sections = sections;
    }

    /** Shows the sheet over {@code owner}, without blocking. */
    public static Dialog<Void> show(Window owner) {
        KeyboardHelp controller = new KeyboardHelp(Shortcuts.ALL);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Keyboard help");
        dialog.setDialogPane(Fxml.load("KeyboardHelp.fxml", controller));
        network.higherself.console.ui.common.DialogFit.toOwner(dialog); // no bigger than its window
        dialog.show();
        return dialog;
    }

    @FXML
    private void initialize() {
        for (Shortcuts.Section section : sections) {
            Label title = new Label(section.title());
            title.getStyleClass().add("help-section");
            GridPane rows = new GridPane();
            rows.getStyleClass().add("help-rows");
            ColumnConstraints keys = new ColumnConstraints(210);
            keys.setHalignment(HPos.LEFT);
            ColumnConstraints what = new ColumnConstraints();
            what.setHgrow(Priority.ALWAYS);
            rows.getColumnConstraints().addAll(keys, what);
            int row = 0;
            for (Shortcuts.Shortcut s : section.shortcuts()) {
                FlowPane caps = new FlowPane(4, 4);
                for (int i = 0; i < s.keys().size(); i++) {
                    if (i > 0) {
                        caps.getChildren().add(new Label("or"));
                    }
                    Label cap = new Label(s.keys().get(i));
                    cap.getStyleClass().add(KEY_STYLE);
                    caps.getChildren().add(cap);
                }
                Label text = new Label(s.what());
                text.setWrapText(true);
                text.getStyleClass().add("help-what");
                rows.addRow(row++, caps, text);
            }
            content.getChildren().addAll(title, rows);
        }
    }
}
