package network.higherself.console.ui.staff;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import network.higherself.console.demo.DemoData.DemoAccount;
import network.higherself.console.signin.SignInService;
import network.higherself.console.staff.SignIn;
import network.higherself.console.ui.common.BackgroundExecutor;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The sign-in screen's state and commands: user name, password, the refusal sentence, the demo accounts (only
 * in a demo database) and whether a sign-in is running. Signing in runs on the background executor; the result
 * comes back on the JavaFX thread, to {@link #onSignedIn} or as the message.
 */
public final class SignInViewModel {

    /** The sign-in service; while the database is still being opened, what waits for it. */
    private final Callable<SignInService> service;
    private final BackgroundExecutor executor;
    private final Callable<List<DemoAccount>> demoAccountsSource;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<DemoAccount> demoAccounts = FXCollections.observableArrayList();
    private final BooleanBinding canSignIn;
    private Consumer<SignIn.SignedIn> onSignedIn = s -> {
    };

    /**
     * @param demoAccounts the demo accounts to list, e.g. {@code () -> DemoData.demoAccounts(database)} (empty
     *                     for a real database); read in the background by {@link #loadDemoAccounts()}
     */
    public SignInViewModel(SignInService service, BackgroundExecutor executor, Callable<List<DemoAccount>> demoAccounts) {
        this(waitFor(java.util.concurrent.CompletableFuture.completedFuture(Objects.requireNonNull(service))), executor,
                demoAccounts);
    }

    /**
     * The sign-in screen shown before the database is open: the form takes typing at once; a sign-in pressed before
     * {@code service} is there (the database opened, Hibernate booted) waits for it in the background, then runs.
     */
    public SignInViewModel(java.util.concurrent.Future<SignInService> service, BackgroundExecutor executor,
                           Callable<List<DemoAccount>> demoAccounts) {
        this(waitFor(service), executor, demoAccounts);
    }

    private static Callable<SignInService> waitFor(java.util.concurrent.Future<SignInService> service) {
        Objects.requireNonNull(service);
        return () -> {
            try {
                return service.get();
            } catch (java.util.concurrent.ExecutionException e) { // the database could not be opened: its own sentence
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        };
    }

    private SignInViewModel(Callable<SignInService> service, BackgroundExecutor executor,
                            Callable<List<DemoAccount>> demoAccounts) {
        this.service = service;
        this.executor = Objects.requireNonNull(executor);
        this.demoAccountsSource = Objects.requireNonNull(demoAccounts);
        this.canSignIn = Bindings.createBooleanBinding(
                () -> !busy.get() && !username.get().isBlank() && !password.get().isEmpty(), busy, username, password);
    }

    /** Who signed in, on the JavaFX thread (replaces any earlier callback). */
    public void onSignedIn(Consumer<SignIn.SignedIn> callback) {
        this.onSignedIn = Objects.requireNonNull(callback);
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** Why the last sign-in was refused (empty when there is nothing to say). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** A line above the form, e.g. "The console locked after 10 minutes without use." (empty: none). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void setNotice(String text) {
        notice.set(text == null ? "" : text);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }

    /** The demo accounts whose demo password still works; empty in a real database. */
    public ObservableList<DemoAccount> demoAccounts() {
        return demoAccounts;
    }

    /** Reads the demo accounts in the background (about a second: it checks their stored hashes). */
    public void loadDemoAccounts() {
        executor.run(demoAccountsSource, demoAccounts::setAll,
                e -> message.set("The demo accounts could not be read: " + e.getMessage()));
    }

    /** A demo account was chosen: its user name goes in the form, the password is for the person to type. */
    public void choose(DemoAccount account) {
        username.set(account.username());
        password.set("");
        message.set("");
    }

    /** Signs in with the form's user name and password, in the background. The password field is cleared. */
    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        String name = username.get();
        char[] secret = password.get().toCharArray();
        password.set("");
        message.set("");
        busy.set(true);
        executor.run(() -> {
            try {
                return service.call().signIn(name, secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, result -> {
            busy.set(false);
            if (result instanceof SignIn.SignedIn in) {
                notice.set("");
                onSignedIn.accept(in);
            } else {
                message.set(((SignIn.Refused) result).message());
            }
        }, e -> {
            busy.set(false);
            message.set("The sign-in could not be checked: " + e.getMessage());
        });
    }

    /** Empties the form for the next person (after a sign-out or the idle lock); the demo accounts stay. */
    public void clear() {
        username.set("");
        password.set("");
        message.set("");
    }
}
