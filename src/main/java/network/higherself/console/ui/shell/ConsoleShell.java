package network.higherself.console.ui.shell;

import javafx.scene.Parent;
import javafx.stage.Stage;
import network.higherself.console.demo.DemoData;
import network.higherself.console.signin.SignInService;
import network.higherself.console.staff.SignIn;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.ui.staff.FirstAdministratorView;
import network.higherself.console.ui.staff.FirstAdministratorViewModel;
import network.higherself.console.ui.staff.IdleLock;
import network.higherself.console.ui.staff.SignInView;
import network.higherself.console.ui.staff.SignInViewModel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The console as people meet it: the sign-in screen first (or, in a new data folder without accounts, the
 * creation of the administrator's account), then the main window for the person signed in; signing out, or
 * being idle for longer than the limit, brings the sign-in screen back over it.
 */
public final class ConsoleShell {

    private final Stage stage;
    private final MainWindow window;
    private final MainViewModel model;
    private final SignInService signIn;
    private final BackgroundExecutor executor;
    private final Callable<List<DemoData.DemoAccount>> demoAccounts;
    private final Duration idleLimit;
    private final java.time.Clock clock;
    private IdleLock.Installed idle;

    public ConsoleShell(Stage stage, MainWindow window, MainViewModel model, SignInService signIn, BackgroundExecutor executor,
                        Callable<List<DemoData.DemoAccount>> demoAccounts, Duration idleLimit, java.time.Clock clock) {
        this.clock = clock;
        this.stage = stage;
        this.window = window;
        this.model = model;
        this.signIn = signIn;
        this.executor = executor;
        this.demoAccounts = demoAccounts;
        this.idleLimit = idleLimit;
    }

    /**
     * Shows the window with the sign-in screen (or the first administrator's form when {@code firstStart});
     * {@code ready} runs once the boards behind it are read.
     */
    public void start(boolean firstStart, Runnable ready) {
        window.show(stage, ready);
        window.onSignOut(this::lock);
        idle = IdleLock.install(stage.getScene(), clock, idleLimit, Duration.ofSeconds(1), this::lock);
        if (firstStart) { // (in place of the sign-in screen shown at start, if any)
            FirstAdministratorView first = new FirstAdministratorView(new FirstAdministratorViewModel(signIn, executor));
            first.onSignedIn(this::signedIn);
            stage.getScene().setRoot(first);
        } else if (stage.getScene().getRoot() instanceof SignInView shown) { // shown at start: what is typed stays
            shown.onSignedIn(this::signedIn);
        } else {
            lock();
        }
    }

    /**
     * Shows the sign-in screen at once, before the database is open and before the shell exists: {@code signIn}'s
     * service may still be on its way (see {@link SignInViewModel#SignInViewModel(java.util.concurrent.Future,
     * BackgroundExecutor, Callable)}). {@link #start} then takes this screen over as it is. The window is placed and
     * themed as it was last time.
     */
    public static SignInView showSignIn(Stage stage, WindowSettings settings, SignInViewModel signIn) {
        MainWindow.applyTheme(settings.flag("dark"));
        SignInView view = new SignInView(signIn);
        MainWindow.place(stage, settings, view);
        signIn.loadDemoAccounts();
        stage.show();
        view.focusFirstEmptyField();
        return view;
    }

    /** Covers the window with the sign-in screen; nobody is signed in until someone signs in again. */
    public void lock() {
        if (stage.getScene().getRoot() instanceof SignInView) {
            return;
        }
        model.signOut();
        SignInViewModel vm = new SignInViewModel(signIn, executor, demoAccounts);
        SignInView view = new SignInView(vm);
        view.onSignedIn(this::signedIn);
        vm.loadDemoAccounts();
        stage.getScene().setRoot(view);
        view.focusFirstEmptyField();
    }

    private void signedIn(SignIn.SignedIn who) {
        model.signInAs(who.actor().name());
        Parent main = window.root();
        stage.getScene().setRoot(main);
        idle.rearm();
    }
}
