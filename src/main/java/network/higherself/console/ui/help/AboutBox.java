package network.higherself.console.ui.help;

import javafx.fxml.FXML;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Window;
import network.higherself.console.ui.common.Fxml;

/** The About box (AboutBox.fxml), bound to its {@link AboutViewModel}. */
public final class AboutBox {

    private final AboutViewModel model;

    @FXML
    private Label version;
    @FXML
    private Label dataFolder;
    @FXML
    private Label log;
    @FXML
    private Label databaseSize;
    @FXML
    private Label sync;

    private AboutBox(AboutViewModel model) {
        this.model = model;
    }

    /** Shows the box over {@code owner}, without blocking; the model reads the database's size meanwhile. */
    public static Dialog<Void> show(Window owner, AboutViewModel model) {
        AboutBox controller = new AboutBox(model);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("About Higher Self Console");
        dialog.setDialogPane(Fxml.load("AboutBox.fxml", controller));
        dialog.show();
        return dialog;
    }

    @FXML
    private void initialize() {
        version.setText(model.version());
        dataFolder.setText(model.dataFolder());
        log.setText(model.log());
        databaseSize.textProperty().bind(model.databaseSizeProperty());
        sync.setText(model.sync());
    }
}
