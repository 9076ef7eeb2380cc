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

    /** The data folder opened: its services, and what the person should be told once (a copy made, demo data made). */
    record Opened(Services services, String notice) {
    }

    /** What the window needs once the data is open: the services, the sign-in, and whether this is the first start. */
    private record Ready(Services services, String notice, SignInService signIn, boolean firstStart) {
    }

    /**
     * Shows the sign-in window at once and opens the data folder meanwhile ({@code open}: the database, Flyway,
     * Hibernate, the agents' wiring, the demo data on a first start), on the one background executor: the person types
     * while it opens, and a sign-in waits for it only if pressed before it is done. The boards are built behind the
     * sign-in screen once it is open. When the folder cannot be opened, {@code refused} says why (the window closes)
     * and gives the exit status.
     *
     * <p>{@code exitAfterFirstFrame}: closes the window once its first frame is drawn (CI starts the packaged console
     * so, to see that it starts; the start-up benchmark so times it); the process still waits for the folder to open
     * and closes it cleanly, and the status is 0, or {@code refused}'s when the folder could not be opened.
     * {@code log} is the log file, or null when there is none (an error's details then go to a file of their own).
     */
    static int run(network.higherself.console.store.DataFolder folder, java.time.Clock clock,
                   java.util.concurrent.Callable<Opened> open,
                   java.util.function.Function<Throwable, Integer> refused, java.time.Duration idleLimit,
                   java.nio.file.Path log, boolean exitAfterFirstFrame) {
        CountDownLatch closed = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<MainViewModel> shownModel = new java.util.concurrent.atomic.AtomicReference<>();
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        // the last resort: an error no code caught, on any thread, is logged and shown in words; the console goes on
        WindowErrors errors = new WindowErrors(ConsoleVersion.version(), e -> log != null
                ? "The details are written in the console's log, " + log + "."
                : UnexpectedError.detailsWrittenTo(e, "window"));
        Thread.setDefaultUncaughtExceptionHandler(errors);
        try {
            onFxThread(() -> Thread.currentThread().setUncaughtExceptionHandler(errors));
        } catch (RuntimeException e) {
            System.err.println("The console window cannot open: " + e.getMessage()
                    + "\nIt needs a graphical desktop (on Linux, a DISPLAY). The command line works without one: run with --help.");
            executor.close();
            return 1;
        }
        // the folder opens on the background executor, its first task: whatever the sign-in screen asks of it queues after
        java.util.concurrent.CompletableFuture<Ready> opening = new java.util.concurrent.CompletableFuture<>();
        CountDownLatch drawn = new CountDownLatch(1);
        executor.run(() -> {
            Opened opened = null;
            try {
                // the window's first frame first: on 2 cores the opening, begun at once, slowed it by as much as it took
                drawn.await(10, java.util.concurrent.TimeUnit.SECONDS);
                opened = open.call();
                SignInService signIn = new SignInService(opened.services().database().sessionFactory(),
                        opened.services().clock());
                opening.complete(new Ready(opened.services(), opened.notice(), signIn, signIn.needsFirstAdministrator()));
            } catch (Throwable e) {
                if (opened != null) {
                    opened.services().close();
                }
                opening.completeExceptionally(e);
            }
            return null;
        }, nothing -> {
        }, e -> {
        });
        Stage stage = onFx(() -> {
            Stage shown = new Stage();
            setIcons(shown);
            ConsoleShell.showSignIn(shown, new WindowSettings(folder.path().resolve("window.properties")),
                    new network.higherself.console.ui.staff.SignInViewModel(opening.thenApply(Ready::signIn), executor,
                            () -> opening.isCompletedExceptionally() ? java.util.List.of() // said once, by refused
                                    : DemoData.demoAccounts(opening.join().services().database())));
            shown.setOnHidden(e -> {
                exitFx();
                closed.countDown();
            });
            afterFirstFrame(() -> {
                drawn.countDown();
                if (exitAfterFirstFrame) {
                    firstFrameShown(shown, clock);
                    exitFx(); // as closing the window does, without hiding it inside a pulse (glass refuses that)
                    closed.countDown();
                }
            });
            return shown;
        });
        Ready ready;
        try {
            ready = opening.join();
        } catch (java.util.concurrent.CompletionException e) {
            executor.close();
            return refused.apply(e.getCause()); // its dialog over the sign-in window, then JavaFX ends
        }
        Services services = ready.services();
        try {
            if (closed.getCount() > 0) {
                // the boards behind the sign-in screen (built while the person types), then the agents and sync
                network.higherself.console.sync.SyncRunner syncRunner = new network.higherself.console.sync.SyncRunner(
                        services.sync(), services.clock(), state -> Platform.runLater(() -> {
                            MainViewModel m = shownModel.get();
                            if (m != null) {
                                m.syncRan(state);
                            }
                        }));
                Platform.runLater(() -> showConsole(stage, ready, idleLimit, log, executor, shownModel, syncRunner, errors));
                runWhileOpen(services, closed, syncRunner, shownModel);
            }
        } finally {
            executor.close(); // what the window asked for is done before the database closes
            services.close();
        }
        return 0;
    }

    /** Whether JavaFX was told to end (the window closed): no dialog can be shown any more. */
    private static volatile boolean fxEnded;

    private static void exitFx() {
        fxEnded = true;
        Platform.exit();
    }

    /** Runs {@code make} on the JavaFX thread and waits for what it makes. */
    private static <T> T onFx(java.util.function.Supplier<T> make) {
        java.util.concurrent.CompletableFuture<T> made = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                made.complete(make.get());
            } catch (RuntimeException e) {
                made.completeExceptionally(e);
            }
        });
        return made.join();
    }

    /** The console behind the sign-in screen shown at start, once the data is open: built on the JavaFX thread. */
    private static void showConsole(Stage stage, Ready ready, java.time.Duration idleLimit, java.nio.file.Path log,
                                    FxBackgroundExecutor executor,
                                    java.util.concurrent.atomic.AtomicReference<MainViewModel> shownModel,
                                    network.higherself.console.sync.SyncRunner syncRunner, WindowErrors errors) {
        Services services = ready.services();
        String notice = ready.notice();
        SignInService signIn = ready.signIn();
        boolean firstStart = ready.firstStart();
        MainViewModel model = new MainViewModel(services.workflows(), services.cards(), services.limits(), services.roleRights(), services.queries(),
                new StaffQueries(services.database().dataSource()), executor, services.clock(),
                services.database().folder(), notice);
        shownModel.set(model);
        model.onChangeHere(syncRunner::wake);
        CardEditor editor = new CardEditor(services.cardForms(), ChecklistStore.of(services.agents().tasks()), services.workflows(),
                services.clock().getZone(), executor, model::actor);
        AccessViewModel access = new AccessViewModel(services.cards(), services.workflows(),
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
    }

    /** The agents, sync and backups served to the command line, while the window is open. */
    private static void runWhileOpen(Services services, CountDownLatch closed,
                                     network.higherself.console.sync.SyncRunner syncRunner,
                                     java.util.concurrent.atomic.AtomicReference<MainViewModel> shownModel) {
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
        }
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

    /** Runs {@code then} on the JavaFX thread once the first frame has been drawn: at the pulse after the first. */
    private static void afterFirstFrame(Runnable then) {
        new javafx.animation.AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 2) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }

    /** Says how long after the process's start the window's first frame was drawn (--exit-after-first-frame). */
    private static void firstFrameShown(Stage stage, java.time.Clock clock) {
        java.time.Instant shown = clock.instant();
        long ms = java.time.Duration.between(ProcessHandle.current().info().startInstant().orElse(shown), shown).toMillis();
        System.out.println("First frame shown " + ms + " ms after the process started ("
                + stage.getScene().getRoot().getClass().getSimpleName() + ", " + (int) stage.getWidth() + "x"
                + (int) stage.getHeight() + "); closing as asked (--exit-after-first-frame).");
        System.out.flush();
    }

    /** Shows a start-up error in a dialog where a desktop is available; the caller has already printed it. */
    static void showStartupError(String header, String text) {
        if (fxEnded) {
            return; // the window was closed before the folder's problem was known: the message is on standard error
        }
        CountDownLatch shown = new CountDownLatch(1);
        try {
            onFxThread(() -> {
                Alert alert = new Alert(Alert.AlertType.ERROR, text);
                alert.setTitle("Higher Self Console");
                alert.setHeaderText(header);
                alert.showAndWait();
                shown.countDown();
                exitFx();
            });
            shown.await();
        } catch (RuntimeException e) {
            // No desktop to show it on: the message is already on standard error.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
