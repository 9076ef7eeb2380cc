package network.higherself.console.app;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import network.higherself.console.demo.DemoData;
import network.higherself.console.signin.SignInService;
import network.higherself.console.store.HistoryQueries;
import network.higherself.console.store.PermissionQueries;
import network.higherself.console.store.StaffQueries;
import network.higherself.console.ui.access.AccessViewModel;
import network.higherself.console.ui.card.CardEditor;
import network.higherself.console.ui.card.ChecklistStore;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.Theme;
import network.higherself.console.ui.errors.WindowErrors;
import network.higherself.console.ui.help.AboutBox;
import network.higherself.console.ui.help.AboutViewModel;
import network.higherself.console.ui.help.KeyboardHelp;
import network.higherself.console.ui.insight.DiagramViewModel;
import network.higherself.console.ui.insight.InsightSource;
import network.higherself.console.ui.insight.InsightWindows;
import network.higherself.console.ui.shell.ConsoleShell;
import network.higherself.console.ui.shell.MainViewModel;
import network.higherself.console.ui.shell.MainWindow;
import network.higherself.console.ui.shell.WindowSettings;
import network.higherself.console.ui.search.SearchViewModel;
import network.higherself.console.ui.today.TodayViewModel;
import network.higherself.console.today.Today;
import network.higherself.console.ui.transfer.FilePicker;
import network.higherself.console.ui.transfer.TransferWindows;

import java.util.concurrent.CountDownLatch;

/** Starts JavaFX, wires the window with plain constructors, and waits until the person closes it. */
final class DesktopStart {

    private DesktopStart() {
    }

    /** {@code log} is the log file, or null when there is none (an error's details then go to a file of their own). */
    static int run(Services services, String notice, java.time.Duration idleLimit, java.nio.file.Path log) {
        SignInService signIn = new SignInService(services.database().sessionFactory(), services.clock());
        boolean firstStart = signIn.needsFirstAdministrator();
        CountDownLatch closed = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<MainViewModel> shownModel = new java.util.concurrent.atomic.AtomicReference<>();
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        // the last resort: an error no code caught, on any thread, is logged and shown in words; the console goes on
        WindowErrors errors = new WindowErrors(ConsoleVersion.version(), e -> log != null
                ? "The details are written in the console's log, " + log + "."
                : UnexpectedError.detailsWrittenTo(e, "window"));
        Thread.setDefaultUncaughtExceptionHandler(errors);
        try {
            Platform.setImplicitExit(false);
            Platform.startup(() -> {
                Thread.currentThread().setUncaughtExceptionHandler(errors);
                Theme.applyLight();
                MainViewModel model = new MainViewModel(services.workflows(), services.cards(), services.limits(), services.roleRights(), services.queries(),
                        new StaffQueries(services.database().dataSource()), executor, services.clock(),
                        services.database().folder(), notice);
                shownModel.set(model);
                Stage stage = new Stage();
                CardEditor editor = new CardEditor(services.cardForms(), ChecklistStore.of(services.agents().tasks()), services.workflows(),
                        services.clock().getZone(), executor, model::actor);
                AccessViewModel access = new AccessViewModel(services.cards(),
                        new PermissionQueries(services.database().dataSource()), executor, model::actor);
                MainWindow window = new MainWindow(model, editor, access,
                        new WindowSettings(services.database().folder().path().resolve("window.properties")));
                // a board's workflow drawn and its charts, in a window of their own; closed when the person signs out
                InsightWindows insights = new InsightWindows(InsightSource.of(
                        new HistoryQueries(services.database().dataSource()), services.queries()), executor, services.clock(), editor);
                window.onShowInsights((w, card) -> insights.show(stage, w, card == null ? null
                        : new DiagramViewModel.SelectedCard(card.id(), card.title(), card.state())));
                // Today (what needs someone today, first for the front desk and managers) and the search across boards
                window.withToday(new TodayViewModel(Today.standard(services.workflows(), services.queries(),
                        services.agents().runner()::holds), services.workflows(), services.cards()::rightsOf, model::actor,
                        executor, services.clock()));
                window.withSearch(new SearchViewModel(services.workflows(), services.queries(), model.rightsProperty()::get,
                        executor));
                // a board's cards out and in as CSV, and the audit trail out, each in a window of its own
                TransferWindows transfers = new TransferWindows(services.transfers(), services.cards(), executor,
                        FilePicker.system(), model::actor, w -> {
                            var board = window.boardView(w.id());
                            if (board != null) {
                                board.load(() -> {
                                });
                            }
                            model.refreshCounts();
                        });
                window.onDataMenu(w -> transfers.items(stage, w));
                window.onShowKeyboardHelp(() -> KeyboardHelp.show(stage));
                window.onShowSyncConflicts(() -> network.higherself.console.ui.sync.ConflictsView.show(stage,
                        new network.higherself.console.ui.sync.ConflictsViewModel(services.sync(), executor, model::actor),
                        model::refreshCounts));
                window.onShowAbout(() -> {
                    AboutViewModel about = new AboutViewModel(ConsoleVersion.version(), services.database().folder().path(),
                            log, network.higherself.console.store.Database.databaseFile(services.database().folder()),
                            services.sync().settings().map(st -> st.user() + " at " + st.url().replaceAll("\\?.*", ""))
                                    .orElse(null));
                    about.load(executor);
                    AboutBox.show(stage, about);
                });
                model.actingAsProperty().addListener((o, was, who) -> {
                    if (who == null) {
                        insights.closeAll();
                    }
                });
                stage.setOnHidden(e -> {
                    Platform.exit();
                    closed.countDown();
                });
                new ConsoleShell(stage, window, model, signIn, executor, () -> DemoData.demoAccounts(services.database()),
                        idleLimit, services.clock()).start(firstStart, () -> {
                });
            });
        } catch (RuntimeException e) {
            System.err.println("The console window cannot open: " + e.getMessage()
                    + "\nIt needs a graphical desktop (on Linux, a DISPLAY). The command line works without one: run with --help.");
            return 1;
        }
        // the agents fire what time decides (and what was missed while the console was closed) in the background
        var scheduler = services.agents().scheduler(java.time.Duration.ofSeconds(30),
                run -> {
                    var held = services.agents().runner().holds();
                    Platform.runLater(() -> {
                        MainViewModel m = shownModel.get();
                        if (m != null) {
                            m.agentsRan(run, held); // what the agents moved and what they hold back, on the board
                        }
                    });
                },
                e -> org.slf4j.LoggerFactory.getLogger(DesktopStart.class).error("The agents' run failed", e));
        // with sync on: in step with the other desktops while the window is open; the agents run on one desktop only
        network.higherself.console.sync.SyncLoop sync = services.sync().settings().map(s ->
                new network.higherself.console.sync.SyncLoop(services.sync(), new network.higherself.console.sync.ServerAddress(
                        s.url(), s.user(), System.getenv(SyncCommand.SERVER_PASSWORD)), services.clock(),
                        state -> Platform.runLater(() -> {
                            MainViewModel m = shownModel.get();
                            if (m != null) {
                                m.syncRan(state);
                            }
                        }))).orElse(null);
        if (sync != null) {
            scheduler.runOnlyWhile(sync::holdsAgentsLock);
            Platform.runLater(() -> {
                MainViewModel m = shownModel.get();
                if (m != null) {
                    m.onChangeHere(sync::wake);
                }
            });
            sync.start();
        }
        scheduler.start();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (sync != null) {
                sync.close();
            }
            scheduler.stop();
            executor.close();
        }
        return 0;
    }

    /** Shows a start-up error in a dialog where a desktop is available; the caller has already printed it. */
    static void showStartupError(String header, String text) {
        CountDownLatch shown = new CountDownLatch(1);
        try {
            Platform.startup(() -> {
                Alert alert = new Alert(Alert.AlertType.ERROR, text);
                alert.setTitle("Higher Self Console");
                alert.setHeaderText(header);
                alert.showAndWait();
                shown.countDown();
                Platform.exit();
            });
            shown.await();
        } catch (RuntimeException e) {
            // No desktop to show it on: the message is already on standard error.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
