package network.higherself.console.ui.transfer;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import network.higherself.console.ui.common.Fxml;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The window of one export or import (TransferDialog.fxml), bound to its {@link TransferViewModel}: its progress and
 * a Cancel that stops it, then its outcome and the bad rows; for the audit trail, the days first.
 */
public final class TransferDialog {

    private final TransferViewModel model;
    private final Function<String, Optional<Path>> askRejects;
    private final Function<String, Optional<Path>> askAuditFile;
    private Stage stage;

    @FXML
    private Label heading;
    @FXML
    private HBox range;
    @FXML
    private DatePicker from;
    @FXML
    private DatePicker to;
    @FXML
    private Button start;
    @FXML
    private ProgressBar bar;
    @FXML
    private Label message;
    @FXML
    private ListView<String> problems;
    @FXML
    private Button goodRows;
    @FXML
    private Button cancel;
    @FXML
    private Button close;

    private TransferDialog(TransferViewModel model, Function<String, Optional<Path>> askRejects,
                           Function<String, Optional<Path>> askAuditFile) {
        this.model = model;
        this.askRejects = askRejects;
        this.askAuditFile = askAuditFile;
    }

    /**
     * Shows the window over {@code owner}. The caller starts the work ({@link TransferViewModel#start}), except for
     * the audit trail, whose days are chosen here first.
     *
     * @param files asks for the file to write the bad rows to, and for the audit trail's file
     */
    public static Stage show(Window owner, TransferViewModel model, FilePicker files) {
        Stage stage = new Stage();
        TransferDialog controller = new TransferDialog(model,
                title -> files.save(stage, title, "rows-to-fix.csv"), title -> files.save(stage, title, "audit-trail.csv"));
        controller.stage = stage;
        Parent root = Fxml.load("TransferDialog.fxml", controller);
        stage.initOwner(owner);
        stage.setTitle(model.kind().label());
        stage.setScene(new Scene(root));
        // closing the window while it works stops the work: nothing of it is kept
        stage.setOnCloseRequest(e -> {
            if (model.runningProperty().get()) {
                model.cancel();
            }
        });
        stage.show();
        return stage;
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(model.headingProperty());
        boolean audit = model.kind() == TransferViewModel.Kind.EXPORT_AUDIT;
        range.setVisible(audit);
        range.setManaged(audit);
        from.valueProperty().bindBidirectional(model.fromProperty());
        to.valueProperty().bindBidirectional(model.toProperty());
        range.disableProperty().bind(model.runningProperty());
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.runningProperty().or(model.progressProperty().greaterThan(0)));
        message.textProperty().bind(model.messageProperty());
        problems.setItems(model.problems());
        problems.setCellFactory(list -> new javafx.scene.control.ListCell<>() { // a long reason wraps, never cut off
            {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
                setMaxWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        problems.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        goodRows.visibleProperty().bind(model.goodRowsOfferedProperty());
        goodRows.managedProperty().bind(goodRows.visibleProperty());
        cancel.disableProperty().bind(model.runningProperty().not());
        close.disableProperty().bind(model.runningProperty());
    }

    @FXML
    private void start() {
        askAuditFile.apply("Export the audit trail to").ifPresent(model::start);
    }

    @FXML
    private void importGoodRows() {
        askRejects.apply("Write the bad rows, to fix, to").ifPresent(model::importGoodRows);
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void close() {
        stage.close();
    }
}
