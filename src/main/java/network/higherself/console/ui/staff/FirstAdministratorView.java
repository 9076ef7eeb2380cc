package network.higherself.console.ui.staff;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import network.higherself.console.staff.Passwords;
import network.higherself.console.staff.SignIn;
import network.higherself.console.ui.common.Fxml;

import java.util.function.Consumer;

/**
 * The first start of a new data folder, which has no accounts and no default password: the administrator
 * creates their own account (user name, display name, password twice) and is signed in with it. Optionally
 * offers to explore the demo data instead ({@link #onExploreDemo}). Laid out in FirstAdministratorView.fxml; this
 * class is its root and its controller, bound to the {@link FirstAdministratorViewModel}.
 */
public final class FirstAdministratorView extends StackPane {

    public static final String USERNAME_ID = "first-admin-username";
    public static final String DISPLAY_NAME_ID = "first-admin-display-name";
    public static final String PASSWORD_ID = "first-admin-password";
    public static final String REPEAT_ID = "first-admin-repeat";
    public static final String BUTTON_ID = "first-admin-create";
    public static final String MESSAGE_ID = "first-admin-message";
    public static final String DEMO_LINK_ID = "first-admin-demo";

    private final FirstAdministratorViewModel model;
    @FXML
    private Label usernameLabel;
    @FXML
    private TextField username;
    @FXML
    private Label displayNameLabel;
    @FXML
    private TextField displayName;
    @FXML
    private Label passwordLabel;
    @FXML
    private PasswordField password;
    @FXML
    private Label repeatLabel;
    @FXML
    private PasswordField repeat;
    @FXML
    private Label hint;
    @FXML
    private Label message;
    @FXML
    private Button create;
    @FXML
    private Hyperlink demo;

    public FirstAdministratorView(FirstAdministratorViewModel model) {
        this.model = model;
        Fxml.load("FirstAdministratorView.fxml", this, this);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                Platform.runLater(username::requestFocus);
            }
        });
    }

    @FXML
    private void initialize() {
        usernameLabel.setLabelFor(username);
        username.textProperty().bindBidirectional(model.usernameProperty());
        displayNameLabel.setLabelFor(displayName);
        displayName.textProperty().bindBidirectional(model.displayNameProperty());
        passwordLabel.setLabelFor(password);
        password.textProperty().bindBidirectional(model.passwordProperty());
        repeatLabel.setLabelFor(repeat);
        repeat.textProperty().bindBidirectional(model.repeatProperty());
        hint.setText("At least " + Passwords.MIN_LENGTH + " characters.");

        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        create.textProperty().bind(Bindings.when(model.busyProperty())
                .then("Creating the account\u2026").otherwise("Create the account and sign in"));
        create.disableProperty().bind(model.canCreateProperty().not());
        for (Node field : new Node[]{username, displayName, password, repeat}) {
            field.disableProperty().bind(model.busyProperty());
        }
    }

    public FirstAdministratorViewModel model() {
        return model;
    }

    /** The new administrator, signed in, on the JavaFX thread. */
    public void onSignedIn(Consumer<SignIn.SignedIn> callback) {
        model.onSignedIn(callback);
    }

    /** Shows a link that runs {@code action} (e.g. create the demo data, then show the sign-in screen). */
    public void onExploreDemo(Runnable action) {
        demo.setOnAction(e -> action.run());
        demo.setVisible(true);
        demo.setManaged(true);
    }

    @FXML
    private void submit() {
        model.create();
    }
}
