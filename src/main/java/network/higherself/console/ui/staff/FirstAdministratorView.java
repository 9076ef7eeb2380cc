package network.higherself.console.ui.staff;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import network.higherself.console.staff.Passwords;
import network.higherself.console.staff.SignIn;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.function.Consumer;

/**
 * The first start of a new data folder, which has no accounts and no default password: the administrator
 * creates their own account (user name, display name, password twice) and is signed in with it. Optionally
 * offers to explore the demo data instead ({@link #onExploreDemo}).
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
    private final TextField username = new TextField();
    private final Hyperlink demo = new Hyperlink("Explore the console with demo data instead");

    public FirstAdministratorView(FirstAdministratorViewModel model) {
        this.model = model;
        getStyleClass().add(SignInView.STYLE_SCREEN);
        getStylesheets().add(FirstAdministratorView.class.getResource("staff.css").toExternalForm());
        getChildren().add(Screens.scrolling(card()));
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                Platform.runLater(username::requestFocus);
            }
        });
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

    private Region card() {
        FontIcon icon = new FontIcon(MaterialDesignS.SHIELD_ACCOUNT);
        icon.getStyleClass().add("sign-in-brand-icon");
        Label brand = new Label("Higher Self Console", icon);
        brand.getStyleClass().add("sign-in-brand");
        Label heading = new Label("Create the first account");
        heading.getStyleClass().add("sign-in-heading");
        heading.setWrapText(true);
        Label text = new Label("This data folder has no accounts yet, and the console has no default password. "
                + "The first account is the administrator's, who creates everyone else's.");
        text.getStyleClass().add("sign-in-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);

        username.setId(USERNAME_ID);
        username.setPromptText("e.g. amara");
        username.textProperty().bindBidirectional(model.usernameProperty());
        TextField displayName = new TextField();
        displayName.setId(DISPLAY_NAME_ID);
        displayName.setPromptText("e.g. Amara Osei");
        displayName.textProperty().bindBidirectional(model.displayNameProperty());
        PasswordField password = new PasswordField();
        password.setId(PASSWORD_ID);
        password.textProperty().bindBidirectional(model.passwordProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId(REPEAT_ID);
        repeat.textProperty().bindBidirectional(model.repeatProperty());
        Label hint = new Label("At least " + Passwords.MIN_LENGTH + " characters.");
        hint.getStyleClass().add("sign-in-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);

        Label message = new Label();
        message.setId(MESSAGE_ID);
        message.getStyleClass().add(SignInView.STYLE_MESSAGE);
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        Button create = new Button();
        create.setId(BUTTON_ID);
        create.getStyleClass().addAll("accent", "sign-in-button");
        create.textProperty().bind(Bindings.when(model.busyProperty())
                .then("Creating the account\u2026").otherwise("Create the account and sign in"));
        create.setDefaultButton(true);
        create.setMaxWidth(Double.MAX_VALUE);
        create.disableProperty().bind(model.canCreateProperty().not());
        create.setOnAction(e -> model.create());
        for (Node field : new Node[]{username, displayName, password, repeat}) {
            field.disableProperty().bind(model.busyProperty());
        }

        demo.setId(DEMO_LINK_ID);
        demo.setVisible(false);
        demo.setManaged(false);
        HBox demoRow = new HBox(demo);
        demoRow.setAlignment(Pos.CENTER);

        VBox spacer = new VBox();
        spacer.setMinHeight(6);
        VBox card = new VBox(6, brand, heading, text,
                label("User name", username), username,
                label("Display name", displayName), displayName,
                label("Password", password), password,
                label("Password again", repeat), repeat, hint,
                message, spacer, create, demoRow);
        card.getStyleClass().add(SignInView.STYLE_CARD);
        card.setPrefWidth(440);
        card.setMaxSize(440, Region.USE_PREF_SIZE);
        return card;
    }

    private static Label label(String text, Node field) {
        Label l = new Label(text);
        l.getStyleClass().add("sign-in-label");
        l.setLabelFor(field);
        return l;
    }
}
