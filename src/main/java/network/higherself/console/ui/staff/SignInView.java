package network.higherself.console.ui.staff;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import network.higherself.console.demo.DemoData.DemoAccount;
import network.higherself.console.staff.SignIn;
import network.higherself.console.ui.common.Fxml;

import java.util.List;
import java.util.function.Consumer;

/**
 * The sign-in screen: user name, password, the refusal sentence, and — in a demo database only — the demo
 * accounts and their password, marked as demo; clicking one fills in its user name. Fills whatever it is put in
 * (a scene's root, or the centre of the main window). Laid out in SignInView.fxml; this class is its root and
 * its controller, bound to the {@link SignInViewModel}; the demo accounts' rows are made from the data here.
 *
 * <pre>{@code
 * SignInViewModel model = new SignInViewModel(signInService, executor, () -> DemoData.demoAccounts(database));
 * SignInView view = new SignInView(model);
 * view.onSignedIn(in -> showConsoleAs(in.actor()));   // on the JavaFX thread
 * model.loadDemoAccounts();
 * }</pre>
 */
public final class SignInView extends StackPane {

    public static final String STYLE_DEMO_ACCOUNT = "demo-account";
    public static final String USERNAME_ID = "sign-in-username";
    public static final String PASSWORD_ID = "sign-in-password";
    public static final String BUTTON_ID = "sign-in-button";
    public static final String MESSAGE_ID = "sign-in-message";
    public static final String NOTICE_ID = "sign-in-notice";
    public static final String DEMO_ID = "demo-accounts";

    private final SignInViewModel model;
    @FXML
    private Label notice;
    @FXML
    private Label usernameLabel;
    @FXML
    private TextField username;
    @FXML
    private Label passwordLabel;
    @FXML
    private PasswordField password;
    @FXML
    private Label message;
    @FXML
    private Button signIn;
    @FXML
    private VBox demo;
    @FXML
    private Label demoPassword;
    @FXML
    private VBox demoRows;

    public SignInView(SignInViewModel model) {
        this.model = model;
        Fxml.load("SignInView.fxml", this, this);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                Platform.runLater(this::focusFirstEmptyField);
            }
        });
    }

    @FXML
    private void initialize() {
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        usernameLabel.setLabelFor(username);
        username.textProperty().bindBidirectional(model.usernameProperty());
        passwordLabel.setLabelFor(password);
        password.textProperty().bindBidirectional(model.passwordProperty());

        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        // after a refusal the password is empty again: type it there
        model.messageProperty().addListener((o, a, now) -> {
            if (!now.isEmpty()) {
                password.requestFocus();
            }
        });

        signIn.textProperty().bind(Bindings.when(model.busyProperty()).then("Signing in\u2026").otherwise("Sign in"));
        signIn.disableProperty().bind(model.canSignInProperty().not());
        username.disableProperty().bind(model.busyProperty());
        password.disableProperty().bind(model.busyProperty());

        demo.visibleProperty().bind(Bindings.isNotEmpty(model.demoAccounts()));
        demo.managedProperty().bind(demo.visibleProperty());
        model.demoAccounts().addListener((ListChangeListener<DemoAccount>) c -> showDemoAccounts(model.demoAccounts()));
        showDemoAccounts(model.demoAccounts());
    }

    public SignInViewModel model() {
        return model;
    }

    /** Who signed in, on the JavaFX thread. */
    public void onSignedIn(Consumer<SignIn.SignedIn> callback) {
        model.onSignedIn(callback);
    }

    /** Puts the keyboard in the user name field, or in the password field when the name is there already. */
    public void focusFirstEmptyField() {
        (model.usernameProperty().get().isBlank() ? username : password).requestFocus();
    }

    @FXML
    private void toPassword() {
        password.requestFocus();
    }

    @FXML
    private void submit() {
        model.signIn();
    }

    private void showDemoAccounts(List<DemoAccount> accounts) {
        demoRows.getChildren().clear();
        // one password for all of them, as the demo makes them (shown per account should they ever differ)
        boolean shared = accounts.stream().map(DemoAccount::password).distinct().count() == 1;
        demoPassword.setText(accounts.isEmpty() ? "" : shared ? accounts.get(0).password() : "shown beside each account");
        for (DemoAccount a : accounts) {
            Label name = new Label(a.username());
            name.getStyleClass().add("demo-account-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label who = new Label(a.displayName() + " \u00b7 " + a.role().label() + (shared ? "" : " \u00b7 " + a.password()));
            who.getStyleClass().add("demo-account-role");
            who.setMinWidth(Region.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(12, name, gap, who);
            row.setAlignment(Pos.CENTER_LEFT);
            Button choose = new Button(null, row);
            choose.setId("demo-account-" + a.username());
            choose.getStyleClass().add(STYLE_DEMO_ACCOUNT);
            choose.setMaxWidth(Double.MAX_VALUE);
            row.prefWidthProperty().bind(choose.widthProperty().subtract(20));
            choose.setOnAction(e -> {
                model.choose(a);
                password.requestFocus();
            });
            demoRows.getChildren().add(choose);
        }
    }
}
