package network.higherself.console.tools;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import network.higherself.console.app.Services;
import network.higherself.console.demo.DemoData;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.StaffQueries;
import network.higherself.console.ui.board.CardOpener;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.Png;
import network.higherself.console.ui.shell.MainViewModel;
import network.higherself.console.ui.shell.MainWindow;
import network.higherself.console.ui.shell.WindowSettings;
import network.higherself.console.workflow.Workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Takes the README's screenshots: the console on fresh demo data, every board in turn, light and dark.
 * Run: {@code mvn -B -q -Pscreenshots test-compile exec:exec} (headless, no display needed); writes
 * {@code assets/screenshots/}.
 */
public final class ScreenshotTour {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("hsc-tour");
        Services services = Services.open(new DataFolder(data), Clock.systemDefaultZone());
        services.demoData().seed();
        // as the console does at start: the agents make missing checklists, walk waiting messages, fire what is due
        var run = services.agents().runner().run();
        var held = services.agents().runner().holds();
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        MainWindow[] window = new MainWindow[1];
        MainViewModel[] model = new MainViewModel[1];
        Stage[] stage = new Stage[1];
        CountDownLatch ready = new CountDownLatch(1);
        Platform.runLater(() -> {
            model[0] = new MainViewModel(services.workflows(), services.cards(), services.limits(), services.roleRights(), services.queries(),
                    new StaffQueries(services.database().dataSource()), executor, services.clock(),
                    services.database().folder(), "");
            window[0] = new MainWindow(model[0], noOpener(), new network.higherself.console.ui.access.AccessViewModel(services.cards(), new network.higherself.console.store.PermissionQueries(services.database().dataSource()), executor, model[0]::actor),
                new WindowSettings(data.resolve("window.properties")));
            window[0].onShowInsights((w, card) -> { }); // enabled as in the console (the insight tour shows its window)
            window[0].withToday(new network.higherself.console.ui.today.TodayViewModel(
                    network.higherself.console.today.Today.standard(services.workflows(), services.queries(),
                            services.agents().runner()::holds), services.workflows(), services.cards()::rightsOf,
                    model[0]::actor, executor, services.clock()));
            window[0].withSearch(new network.higherself.console.ui.search.SearchViewModel(services.workflows(),
                    services.queries(), model[0].rightsProperty()::get, executor));
            stage[0] = new Stage();
            stage[0].setWidth(1480);
            stage[0].setHeight(900);
            window[0].show(stage[0], () -> {
                model[0].signInAs("amara");
                model[0].agentsRan(run, held);
                ready.countDown();
            });
        });
        await(ready);

        boolean wholeWorkflowOnly = Boolean.getBoolean("tour.wholeWorkflowOnly"); // -D...=true: those shots alone
        if (wholeWorkflowOnly) {
            wholeWorkflow(window[0], model[0], stage[0], services.workflows().get("WF-CONSULT"), out);
            Platform.runLater(() -> stage[0].hide());
            executor.close();
            services.close();
            Platform.exit();
            return;
        }
        List<Workflow> boards = services.workflows().all();
        for (Workflow w : boards) {
            CountDownLatch shown = new CountDownLatch(1);
            Platform.runLater(() -> {
                model[0].selectedProperty().set(w);
                window[0].boardView(w.id()).load(shown::countDown);
            });
            await(shown);
            snap(stage[0].getScene(), out.resolve("board-" + w.id() + ".png"));
            if (w.id().equals("WF-WELL-BOOK")) {
                snap(stage[0].getScene(), out.resolve("main-window.png"));
                // further along: countdowns, Ruvo's checklists in preparation
                scroll(window[0], w.id(), 0.55);
                snap(stage[0].getScene(), out.resolve("board-WF-WELL-BOOK-agents.png"));
                // a card of preparation dragged: its checklist is open, so the next column shows locked and says why
                CountDownLatch dragging = new CountDownLatch(1);
                Platform.runLater(() -> {
                    @SuppressWarnings("unchecked")
                    var cards = (javafx.scene.control.ListView<network.higherself.console.store.CardSummary>)
                            stage[0].getScene().lookup("#cards-preparation");
                    if (!cards.getItems().isEmpty()) {
                        window[0].boardView(w.id()).model().dragStarted(cards.getItems().get(0));
                    }
                    dragging.countDown();
                });
                await(dragging);
                Thread.sleep(1500); // the pipeline's answer comes from the background executor
                snap(stage[0].getScene(), out.resolve("board-WF-WELL-BOOK-drag.png"));
                Platform.runLater(() -> window[0].boardView(w.id()).model().dragEnded());
            }
            if (w.id().equals("WF-AGT-COMM")) {
                // the gate has walked every waiting message: the outcomes are on the right
                scroll(window[0], w.id(), 1);
                snap(stage[0].getScene(), out.resolve("board-WF-AGT-COMM.png"));
            }
        }
        // Today, as a manager or the front desk sees it first (here the administrator's: every board)
        CountDownLatch today = new CountDownLatch(1);
        Platform.runLater(() -> {
            window[0].showToday();
            window[0].todayView().model().refresh(today::countDown);
        });
        await(today);
        snap(stage[0].getScene(), out.resolve("today.png"));
        // the search across boards (Ctrl+Shift+F), a few letters typed
        network.higherself.console.ui.search.SearchViewModel search = new network.higherself.console.ui.search.SearchViewModel(
                services.workflows(), services.queries(), model[0].rightsProperty()::get, executor);
        snapDialog(() -> {
            search.textProperty().set("sound");
            return network.higherself.console.ui.search.SearchDialog.show(stage[0], search, card -> { });
        }, out.resolve("search-all.png"));
        // the about box and the keyboard help, over the window (the sidebar's "About" and "Keyboard help", F1)
        network.higherself.console.ui.help.AboutViewModel about = new network.higherself.console.ui.help.AboutViewModel(
                network.higherself.console.app.ConsoleVersion.version(), data, new DataFolder(data).logFile(),
                network.higherself.console.store.Database.databaseFile(new DataFolder(data)));
        snapDialog(() -> {
            about.load(executor);
            return network.higherself.console.ui.help.AboutBox.show(stage[0], about);
        }, out.resolve("about.png"));
        snapDialog(() -> network.higherself.console.ui.help.KeyboardHelp.show(stage[0]), out.resolve("keyboard-help.png"));
        CountDownLatch dark = new CountDownLatch(1);
        Platform.runLater(() -> {
            model[0].darkProperty().set(true);
            window[0].pickBoard(services.workflows().get("WF-GALLERY-EXH")); // in place of Today
            window[0].boardView("WF-GALLERY-EXH").load(dark::countDown);
        });
        await(dark);
        snap(stage[0].getScene(), out.resolve("dark-gallery.png"));
        // last, as the window only gets smaller from here (Monocle's headless painter cannot grow a window's pixels)
        wholeWorkflow(window[0], model[0], stage[0], services.workflows().get("WF-CONSULT"), out);
        Platform.runLater(() -> stage[0].hide());
        executor.close();
        services.close();
        Platform.exit();
        System.out.println("Screenshots written to " + out.toAbsolutePath());
    }

    /**
     * The widest board (Consulting projects, 14 columns) in "fit the workflow" at 1360x860, with the sidebar and
     * without; at 1024x700 as it is, with its first columns collapsed to strips, and with compact cards. The board's
     * layout is put back as it was.
     */
    private static void wholeWorkflow(MainWindow window, MainViewModel model, Stage stage, Workflow w, Path out) throws Exception {
        var layout = model.board(w).layout();
        step(() -> {
            stage.setWidth(1360);
            stage.setHeight(860);
            model.darkProperty().set(false);
            window.pickBoard(w);
            layout.fitProperty().set(true);
        }, window, w);
        snap(stage.getScene(), out.resolve("wide-1360x860-fit.png"));
        step(window::toggleSidebar, window, w);
        snap(stage.getScene(), out.resolve("wide-1360x860-fit-no-sidebar.png"));
        step(() -> {
            window.toggleSidebar();
            layout.fitProperty().set(false);
        }, window, w);
        Workflow bookings = model.boards().stream().filter(b -> b.id().equals("WF-WELL-BOOK")).findFirst().orElseThrow();
        swimlanes(window, model, stage, bookings, out, "1360x860");
        step(() -> {
            window.pickBoard(w);
            stage.setWidth(1024);
            stage.setHeight(700);
        }, window, w);
        snap(stage.getScene(), out.resolve("wide-1024x700.png"));
        step(() -> layout.collapsed().addAll(List.of("lead_qualification", "discovery", "proposal", "negotiation", "contract")),
                window, w);
        snap(stage.getScene(), out.resolve("wide-1024x700-collapsed.png"));
        step(() -> {
            layout.collapsed().clear();
            layout.compactProperty().set(true);
        }, window, w);
        snap(stage.getScene(), out.resolve("wide-1024x700-compact.png"));
        step(() -> layout.compactProperty().set(false), window, w);
        swimlanes(window, model, stage, model.boards().stream().filter(b -> b.id().equals("WF-WELL-BOOK")).findFirst()
                .orElseThrow(), out, "1024x700");
    }

    /**
     * The bookings in swimlanes by assignee (issue 13 point 9), with the lane of the unassigned folded: at 1360 wide in
     * "fit the workflow" (and by client too), at 1024 wide with compact cards. The board's layout is put back as it was.
     */
    private static void swimlanes(MainWindow window, MainViewModel model, Stage stage, Workflow w, Path out, String size)
            throws Exception {
        var layout = model.board(w).layout();
        boolean narrow = size.startsWith("1024");
        step(() -> {
            window.pickBoard(w);
            layout.fitProperty().set(!narrow); // at 1024 wide: compact cards, the board scrolls sideways
            layout.compactProperty().set(narrow);
            layout.lanesProperty().set("assignee");
            layout.collapsedLanes().add(network.higherself.console.ui.board.BoardLayout.laneKey("assignee", null));
        }, window, w);
        snap(stage.getScene(), out.resolve("swimlanes-" + size + ".png"));
        if (size.startsWith("1360")) {
            step(() -> layout.lanesProperty().set("client"), window, w);
            snap(stage.getScene(), out.resolve("swimlanes-client-" + size + ".png"));
        }
        step(() -> {
            layout.lanesProperty().set(null);
            layout.collapsedLanes().clear();
            layout.fitProperty().set(false);
            layout.compactProperty().set(false);
        }, window, w);
    }

    /** Does {@code change} on the JavaFX thread, then waits until the board {@code w} is read again and shown. */
    private static void step(Runnable change, MainWindow window, Workflow w) throws InterruptedException {
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            change.run();
            window.boardView(w.id()).load(shown::countDown);
        });
        await(shown);
    }

    private static void scroll(MainWindow window, String workflowId, double to) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            ((javafx.scene.control.ScrollPane) window.boardView(workflowId).getCenter()).setHvalue(to);
            done.countDown();
        });
        await(done);
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the console did not get ready within a minute");
        }
        Thread.sleep(600); // let the last pulses lay out and render
    }

    /** Opens a dialog over the window, photographs it once it has painted, and closes it. */
    private static void snapDialog(java.util.function.Supplier<javafx.scene.control.Dialog<?>> open, Path file) throws Exception {
        javafx.scene.control.Dialog<?>[] dialog = new javafx.scene.control.Dialog<?>[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            dialog[0] = open.get();
            shown.countDown();
        });
        await(shown);
        Thread.sleep(700); // its layout and the database's size read in the background
        snap(dialog[0].getDialogPane().getScene(), file);
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            dialog[0].close();
            closed.countDown();
        });
        await(closed);
    }

    private static void snap(Scene scene, Path file) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Exception[] failure = new Exception[1];
        Platform.runLater(() -> {
            try {
                java.nio.file.Files.write(file, Png.encode(scene.snapshot(null)));
            } catch (Exception e) {
                failure[0] = e;
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (failure[0] != null) {
            throw failure[0];
        }
        System.out.println("  " + file);
    }

    private static CardOpener noOpener() {
        return new CardOpener() {
            @Override
            public void open(javafx.stage.Window owner, long cardId, Runnable then) {
            }

            @Override
            public void create(javafx.stage.Window owner, Workflow workflow, Runnable then) {
            }
        };
    }
}
