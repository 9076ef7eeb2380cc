package network.higherself.console.ui.staff;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
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
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.List;
import java.util.function.Consumer;

/**
 * The sign-in screen: user name, password, the refusal sentence, and — in a demo database only — the demo
 * accounts and their password, marked as demo; clicking one fills in its user name. Fills whatever it is put in
 * (a scene's root, or the centre of the main window).
 *
 * <pre>{@code
 * SignInViewModel model = new SignInViewModel(signInService, executor, () -> DemoData.demoAccounts(database));
 * SignInView view = new SignInView(model);
 * view.onSignedIn(in -> showConsoleAs(in.actor()));   // on the JavaFX thread
 * model.loadDemoAccounts();
 * }</pre>
 */
public final class SignInView extends StackPane {

    public static final String STYLE_SCREEN = "sign-in-screen";
    public static final String STYLE_CARD = "sign-in-card";
    public static final String STYLE_MESSAGE = "sign-in-message";
    public static final String STYLE_DEMO = "demo-accounts";
    public static final String STYLE_DEMO_ACCOUNT = "demo-account";
    public static final String USERNAME_ID = "sign-in-username";
    public static final String PASSWORD_ID = "sign-in-password";
    public static final String BUTTON_ID = "sign-in-button";
    public static final String MESSAGE_ID = "sign-in-message";
    public static final String NOTICE_ID = "sign-in-notice";
    public static final String DEMO_ID = "demo-accounts";

    private final SignInViewModel model;
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final VBox demoRows = new VBox(2);
    private final Label demoPassword = new Label();

    public SignInView(SignInViewModel model) {
        this.model = model;
        getStyleClass().add(STYLE_SCREEN);
        getStylesheets().add(SignInView.class.getResource("staff.css").toExternalForm());
        HBox cards = new HBox(24, form(), demo());
        cards.setAlignment(Pos.TOP_CENTER);
        cards.setFillHeight(false);
        cards.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        getChildren().add(Screens.scrolling(cards));
        model.demoAccounts().addListener((ListChangeListener<DemoAccount>) c -> showDemoAccounts(model.demoAccounts()));
        showDemoAccounts(model.demoAccounts());
        // after a refusal the password is empty again: type it there
        model.messageProperty().addListener((o, a, now) -> {
            if (!now.isEmpty()) {
                password.requestFocus();
            }
        });
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                Platform.runLater(this::focusFirstEmptyField);
            }
        });
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

    private Region form() {
        FontIcon icon = new FontIcon(MaterialDesignS.SHIELD_ACCOUNT);
        icon.getStyleClass().add("sign-in-brand-icon");
        Label brand = new Label("Higher Self Console", icon);
        brand.getStyleClass().add("sign-in-brand");
        Label heading = new Label("Sign in");
        heading.getStyleClass().add("sign-in-heading");

        Label notice = new Label();
        notice.setId(NOTICE_ID);
        notice.getStyleClass().add("sign-in-notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        Label userLabel = label("User name", username);
        username.setId(USERNAME_ID);
        username.setPromptText("e.g. amara");
        username.textProperty().bindBidirectional(model.usernameProperty());
        username.setOnAction(e -> password.requestFocus());
        Label passwordLabel = label("Password", password);
        password.setId(PASSWORD_ID);
        password.textProperty().bindBidirectional(model.passwordProperty());

        Label message = new Label();
        message.setId(MESSAGE_ID);
        message.getStyleClass().add(STYLE_MESSAGE);
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        Button signIn = new Button();
        signIn.setId(BUTTON_ID);
        signIn.getStyleClass().addAll("accent", "sign-in-button");
        signIn.textProperty().bind(Bindings.when(model.busyProperty()).then("Signing in\u2026").otherwise("Sign in"));
        signIn.setDefaultButton(true);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(model.canSignInProperty().not());
        signIn.setOnAction(e -> model.signIn());
        username.disableProperty().bind(model.busyProperty());
        password.disableProperty().bind(model.busyProperty());

        VBox spacer = new VBox();
        spacer.setMinHeight(6);
        VBox card = new VBox(6, brand, heading, notice, userLabel, username, passwordLabel, password, message, spacer, signIn);
        card.getStyleClass().add(STYLE_CARD);
        card.setPrefWidth(380);
        card.setMaxWidth(380);
        return card;
    }

    private Region demo() {
        Label tag = new Label("DEMO");
        tag.getStyleClass().add("demo-tag");
        Label title = new Label("Demo accounts");
        title.getStyleClass().add("demo-title");
        HBox header = new HBox(10, tag, title);
        header.setAlignment(Pos.CENTER_LEFT);
        Label text = new Label("This data folder holds demo data only. Every demo account's password is");
        text.getStyleClass().add("sign-in-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        demoPassword.getStyleClass().add("demo-password");
        Label hint = new Label("Choose an account to fill in its user name.");
        hint.getStyleClass().add("sign-in-hint");
        VBox box = new VBox(10, header, text, demoPassword, demoRows, hint);
        box.setId(DEMO_ID);
        box.getStyleClass().add(STYLE_DEMO);
        box.setPrefWidth(400);
        box.setMaxWidth(400);
        box.visibleProperty().bind(Bindings.isNotEmpty(model.demoAccounts()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
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

    private static Label label(String text, javafx.scene.Node field) {
        Label l = new Label(text);
        l.getStyleClass().add("sign-in-label");
        l.setLabelFor(field);
        return l;
    }
}
