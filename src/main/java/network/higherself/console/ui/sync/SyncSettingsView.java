package network.higherself.console.ui.sync;

import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import network.higherself.console.ui.common.Fxml;

import java.io.File;

/**
 * The sync settings, laid out in SyncSettingsView.fxml; this controller binds it to the
 * {@link SyncSettingsViewModel}. While this data folder is connected the address is shown, not edited; those who may
 * not connect or disconnect (anyone but an administrator) see those buttons disabled and a line that says why.
 */
public final class SyncSettingsView {

    public static final String ID = "sync-settings";

    private final SyncSettingsViewModel model;

    @FXML
    private Label status;
    @FXML
    private TextField host;
    @FXML
    private TextField port;
    @FXML
    private TextField database;
    @FXML
    private TextField user;
    @FXML
    private PasswordField password;
    @FXML
    private CheckBox remember;
    @FXML
    private ComboBox<SyncSettingsViewModel.Security> security;
    @FXML
    private TextField rootCertificate;
    @FXML
    private Button chooseCertificate;
    @FXML
    private TextField address;
    @FXML
    private Label roleNote;
    @FXML
    private Button test;
    @FXML
    private Button connect;
    @FXML
    private Button usePassword;
    @FXML
    private Button forget;
    @FXML
    private Button disconnect;
    @FXML
    private HBox working;
    @FXML
    private Label progress;
    @FXML
    private Label message;

    SyncSettingsView(SyncSettingsViewModel model) {
        this.model = model;
    }

    /** Opens the settings over {@code owner}. */
    public static Dialog<Void> show(Window owner, SyncSettingsViewModel model) {
        SyncSettingsView controller = new SyncSettingsView(model);
        DialogPane pane = Fxml.load("SyncSettingsView.fxml", controller);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Sync settings");
        dialog.setDialogPane(pane);
        dialog.setResizable(true);
        model.load();
        dialog.show();
        return dialog;
    }

    @FXML
    private void initialize() {
        host.textProperty().bindBidirectional(model.hostProperty());
        port.textProperty().bindBidirectional(model.portProperty());
        database.textProperty().bindBidirectional(model.databaseProperty());
        user.textProperty().bindBidirectional(model.userProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        remember.selectedProperty().bindBidirectional(model.rememberProperty());
        security.getItems().setAll(SyncSettingsViewModel.Security.values());
        security.valueProperty().bindBidirectional(model.securityProperty());
        rootCertificate.textProperty().bindBidirectional(model.rootCertificateProperty());
        address.textProperty().bind(model.addressBinding());
        status.textProperty().bind(model.statusProperty());
        progress.textProperty().bind(model.progressProperty());
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().addListener((o, was, failed) -> {
            message.getStyleClass().remove("danger");
            if (failed) {
                message.getStyleClass().add("danger");
            }
        });

        var connected = model.connectedProperty();
        var busy = model.busyProperty();
        for (javafx.scene.Node n : new javafx.scene.Node[]{host, port, database, user, security, rootCertificate, chooseCertificate}) {
            n.disableProperty().bind(connected.or(busy));
        }
        boolean admin = model.mayChange();
        roleNote.setVisible(!admin);
        roleNote.setManaged(!admin);
        show(test, connected.not());
        show(connect, connected.not());
        show(usePassword, connected);
        show(forget, connected.and(model.rememberProperty()));
        show(disconnect, connected);
        test.disableProperty().bind(busy);
        connect.disableProperty().bind(busy.or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !admin)));
        usePassword.disableProperty().bind(busy.or(model.passwordProperty().isEmpty()));
        forget.disableProperty().bind(busy.or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !admin)));
        disconnect.disableProperty().bind(busy.or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !admin)));
        working.visibleProperty().bind(busy);
        working.managedProperty().bind(busy);
    }

    private static void show(Button b, javafx.beans.value.ObservableBooleanValue when) {
        b.visibleProperty().bind(when);
        b.managedProperty().bind(when);
    }

    @FXML
    private void chooseCertificate() {
        FileChooser c = new FileChooser();
        c.setTitle("The server's root certificate");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Certificates", "*.crt", "*.pem", "*.cer"),
                new FileChooser.ExtensionFilter("Every file", "*"));
        File f = c.showOpenDialog(host.getScene().getWindow());
        if (f != null) {
            model.rootCertificateProperty().set(f.getAbsolutePath());
        }
    }

    @FXML
    private void test() {
        model.test();
    }

    @FXML
    private void connect() {
        model.connect();
    }

    @FXML
    private void usePassword() {
        model.usePassword();
    }

    @FXML
    private void forgetPassword() {
        model.forgetPassword();
    }

    @FXML
    private void disconnect() {
        Alert sure = new Alert(Alert.AlertType.CONFIRMATION, "This console stops sharing its boards with the other desktops. "
                + "Its data stays here; changes not sent yet stay waiting. Disconnect?", ButtonType.CANCEL, ButtonType.OK);
        sure.initOwner(host.getScene().getWindow());
        sure.setHeaderText("Disconnect from the sync server?");
        sure.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.disconnect());
    }
}
