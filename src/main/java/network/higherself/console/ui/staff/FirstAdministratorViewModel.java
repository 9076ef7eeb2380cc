package network.higherself.console.ui.staff;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import network.higherself.console.signin.SignInService;
import network.higherself.console.staff.Passwords;
import network.higherself.console.staff.SignIn;
import network.higherself.console.ui.common.BackgroundExecutor;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The first start of a new data folder: the administrator's account (user name, display name, password typed
 * twice). What can be checked at once is checked on the spot; the account is created in the background, and the
 * administrator is then signed in ({@link #onSignedIn}).
 */
public final class FirstAdministratorViewModel {

    private final SignInService service;
    private final BackgroundExecutor executor;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canCreate;
    private Consumer<SignIn.SignedIn> onSignedIn = s -> {
    };

    public FirstAdministratorViewModel(SignInService service, BackgroundExecutor executor) {
        this.service = Objects.requireNonNull(service);
        this.executor = Objects.requireNonNull(executor);
        this.canCreate = Bindings.createBooleanBinding(() -> !busy.get() && !username.get().isBlank()
                && !displayName.get().isBlank() && !password.get().isEmpty() && !repeat.get().isEmpty(),
                busy, username, displayName, password, repeat);
    }

    /** The new administrator, signed in, on the JavaFX thread. */
    public void onSignedIn(Consumer<SignIn.SignedIn> callback) {
        this.onSignedIn = Objects.requireNonNull(callback);
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    /** Why the account was not created (empty when there is nothing to say). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    /** Checks the form, then creates the account in the background. */
    public void create() {
        if (!canCreate.get()) {
            return;
        }
        String name = SignInService.normalize(username.get());
        char[] secret = password.get().toCharArray();
        Optional<String> problem = SignInService.usernameProblem(name)
                .or(() -> password.get().equals(repeat.get()) ? Optional.empty()
                        : Optional.of("The two passwords differ: type the same password twice."))
                .or(() -> Passwords.weakness(secret, name));
        if (problem.isPresent()) {
            Arrays.fill(secret, '\0');
            message.set(problem.get());
            return;
        }
        String shown = displayName.get();
        message.set("");
        busy.set(true);
        executor.run(() -> {
            try {
                return service.createFirstAdministrator(name, shown, secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, result -> {
            busy.set(false);
            if (result instanceof SignIn.SignedIn in) {
                password.set("");
                repeat.set("");
                onSignedIn.accept(in);
            } else {
                message.set(((SignIn.Refused) result).message());
            }
        }, e -> {
            busy.set(false);
            message.set("The account could not be created: " + e.getMessage());
        });
    }
}
