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

import network.higherself.console.store.BackupRequests;
import network.higherself.console.store.Backups;
import network.higherself.console.store.Database;
import network.higherself.console.store.StoreException;
import network.higherself.console.ui.backup.BackupViewModel;
import network.higherself.console.ui.common.Notifier;

import java.util.concurrent.CountDownLatch;

/** Starts JavaFX, wires the window with plain constructors, and waits until the person closes it. */
final class DesktopStart {

    private DesktopStart() {
    }

    /** {@code log} is the log file, or null when there is none (an error's details then go to a file of their own). */
    static int run(Services services, String notice, java.time.Duration idleLimit, java.nio.file.Path log) {
        return run(services, notice, idleLimit, log, false);
    }

    /**
     * Runs JavaFX's start with {@code first}, or runs it on the JavaFX thread when JavaFX is already started (by the
     * passphrase dialog of an encrypted folder). The window's closing, not its last dialog's, ends JavaFX.
     */
    static void onFxThread(Runnable first) {
        Platform.setImplicitExit(false);
        try {
            Platform.startup(first);
        } catch (IllegalStateException alreadyStarted) {
            Platform.runLater(first);
        }
    }

    /** The console's icon, in the sizes drawn (assets/icon), on a window's title bar and in the task switcher. */
    static void setIcons(Stage stage) {
        for (int size : new int[]{16, 24, 32, 48, 64, 128, 256}) {
            java.io.InputStream png = DesktopStart.class.getResourceAsStream("/network/higherself/console/icon/console-"
                    + size + ".png");
            if (png != null) {
                stage.getIcons().add(new javafx.scene.image.Image(png));
            }
        }
    }

    /**
     * {@code exitAfterFirstFrame}: closes the window once its first frame is drawn (CI starts the packaged console
     * so, to see that it starts); the status is then 0.
     */
    static int run(Services services, String notice, java.time.Duration idleLimit, java.nio.file.Path log,
                   boolean exitAfterFirstFrame) {
        SignInService signIn = new SignInService(services.database().sessionFactory(), services.clock());
        boolean firstStart = signIn.needsFirstAdministrator();
        CountDownLatch closed = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<MainViewModel> shownModel = new java.util.concurrent.atomic.AtomicReference<>();
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        network.higherself.console.sync.SyncRunner syncRunner = new network.higherself.console.sync.SyncRunner(services.sync(),
                services.clock(), state -> Platform.runLater(() -> {
                    MainViewModel m = shownModel.get();
                    if (m != null) {
                        m.syncRan(state);
                    }
                }));
        // the last resort: an error no code caught, on any thread, is logged and shown in words; the console goes on
        WindowErrors errors = new WindowErrors(ConsoleVersion.version(), e -> log != null
                ? "The details are written in the console's log, " + log + "."
                : UnexpectedError.detailsWrittenTo(e, "window"));
        Thread.setDefaultUncaughtExceptionHandler(errors);
        try {
            onFxThread(() -> {
                Thread.currentThread().setUncaughtExceptionHandler(errors);
                Theme.applyLight();
                MainViewModel model = new MainViewModel(services.workflows(), services.cards(), services.limits(), services.roleRights(), services.queries(),
                        new StaffQueries(services.database().dataSource()), executor, services.clock(),
                        services.database().folder(), notice);
                shownModel.set(model);
                model.onChangeHere(syncRunner::wake);
                Stage stage = new Stage();
                setIcons(stage);
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
                window.onShowSyncSettings(() -> network.higherself.console.ui.sync.SyncSettingsView.show(stage,
                        new network.higherself.console.ui.sync.SyncSettingsViewModel(services.sync(), executor, model::actor,
                                // the loop is (re)started and stopped off the JavaFX thread: stopping waits for its round
                                address -> executor.run(() -> {
                                    syncRunner.start(address);
                                    return null;
                                }, done -> { }, e -> errors.uncaughtException(Thread.currentThread(), e)), () -> executor.run(() -> {
                                    syncRunner.stop();
                                    return null;
                                }, done -> model.syncOff(), e -> errors.uncaughtException(Thread.currentThread(), e)))));
                window.onShowAbout(() -> {
                    AboutViewModel about = new AboutViewModel(ConsoleVersion.version(), services.database().folder().path(),
                            log, network.higherself.console.store.Database.databaseFile(services.database().folder()),
                            services.sync().settings().map(network.higherself.console.sync.Sync.Settings::where)
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
                BackupViewModel backups = backups(services, executor);
                window.onBackUp(() -> chooseAndBackUp(stage, backups), backups.runningProperty());
                Notifier notifier = new Notifier(window.root());
                backups.messageProperty().addListener((o, was, m) -> {
                    if (m != null && m.failed()) {
                        notifier.refused("Backup", m.text());
                    } else if (m != null) {
                        notifier.info("Backup", m.text());
                    }
                });
                new ConsoleShell(stage, window, model, signIn, executor, () -> DemoData.demoAccounts(services.database()),
                        idleLimit, services.clock()).start(firstStart, () -> {
                });
                backups.daily(); // the first start of the day keeps a copy (the newest seven are kept)
                if (exitAfterFirstFrame) {
                    exitAfterFirstFrame(stage, services.clock(), () -> {
                        Platform.exit();
                        closed.countDown();
                    });
                }
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
        syncRunner.startIfConnected(System.getenv(SyncCommand.SERVER_PASSWORD));
        scheduler.runOnlyWhile(syncRunner::agentsMayRun);
        scheduler.start();
        // `backup` on the command line while this window has the folder: this console takes the copy
        BackupRequests requests = BackupRequests.serve(services.database(), services.clock());
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            syncRunner.close();
            scheduler.stop();
            requests.close();
            executor.close();
        }
        return 0;
    }

    private static BackupViewModel backups(Services services, FxBackgroundExecutor executor) {
        Database db = services.database();
        return new BackupViewModel(executor,
                target -> BackupRequests.written(Backups.backUp(db, target, services.clock())),
                () -> Backups.daily(db, services.clock()).map(BackupRequests::written),
                e -> e instanceof StoreException ? e.getMessage() : "The backup failed unexpectedly (" + e
                        + "); the console's log has the details.",
                Backups.defaultTarget(db.folder(), services.clock()));
    }

    /** Asks where to write the copy (backups/ and a new name, proposed), then takes it in the background. */
    private static void chooseAndBackUp(Stage stage, BackupViewModel backups) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Back up the console's data");
        java.nio.file.Path suggested = backups.suggestedTarget();
        if (java.nio.file.Files.isDirectory(suggested.getParent())) {
            chooser.setInitialDirectory(suggested.getParent().toFile());
        }
        chooser.setInitialFileName(suggested.getFileName().toString());
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Console database copies", "*.mv.db"));
        java.io.File file = chooser.showSaveDialog(stage);
        if (file != null) {
            backups.backUp(file.toPath());
        }
    }

    /** Closes the window after its first frame is drawn, saying how long after the process's start that was. */
    private static void exitAfterFirstFrame(Stage stage, java.time.Clock clock, Runnable close) {
        new javafx.animation.AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 2) { // the pulse after the first: the first frame has been drawn
                    stop();
                    java.time.Instant shown = clock.instant();
                    long ms = java.time.Duration.between(ProcessHandle.current().info().startInstant().orElse(shown), shown)
                            .toMillis();
                    System.out.println("First frame shown " + ms + " ms after the process started ("
                            + stage.getScene().getRoot().getClass().getSimpleName() + ", " + (int) stage.getWidth() + "x"
                            + (int) stage.getHeight() + "); closing as asked (--exit-after-first-frame).");
                    close.run(); // as closing the window does, without hiding it inside a pulse (glass refuses that)
                }
            }
        }.start();
    }

    /** Shows a start-up error in a dialog where a desktop is available; the caller has already printed it. */
    static void showStartupError(String header, String text) {
        CountDownLatch shown = new CountDownLatch(1);
        try {
            onFxThread(() -> {
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
