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
        tourServices = services;
        services.demoData().seed();
        // as the console does at start: the agents make missing checklists, walk waiting messages, fire what is due
        var run = services.agents().runner().run();
        var held = services.agents().runner().holds();
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        tourExecutor = executor;
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
            window[0] = new MainWindow(model[0], noOpener(), new network.higherself.console.ui.access.AccessViewModel(services.cards(), services.workflows(), new network.higherself.console.store.PermissionQueries(services.database().dataSource()), executor, model[0]::actor),
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

        // -D...=true: those shots alone (with the access screens, taken at the same two sizes)
        boolean wholeWorkflowOnly = Boolean.getBoolean("tour.wholeWorkflowOnly");
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

    /** The tour's services and background executor (one data folder for the whole tour). */
    private static Services tourServices;
    private static FxBackgroundExecutor tourExecutor;
    /** The booking whose move the tour takes back, once. */
    private static long corrected;

    /**
     * A booking's move taken back (issue 13 point 7): made and corrected once through the card service, then its dialog
     * over the window at {@code size}, the correction with its reason at the top of its history.
     */
    private static void correction(Stage stage, FxBackgroundExecutor executor, String size, Path out) throws Exception {
        network.higherself.console.staff.Actor amara = network.higherself.console.staff.Actor.staff("amara",
                network.higherself.console.staff.Role.ADMINISTRATOR);
        if (corrected == 0) {
            corrected = tourServices.queries().firstPage("WF-WELL-BOOK", "inquiry", 1).get(0).id();
            tourServices.cards().move(network.higherself.console.move.MoveRequest.byEvent(corrected, "consultation_scheduled", amara));
            tourServices.cards().correct(corrected, null, amara, "Dropped on the wrong column: the consultation is not booked yet.");
        }
        var editor = new network.higherself.console.ui.card.CardEditor(tourServices.cardForms(),
                network.higherself.console.ui.card.ChecklistStore.of(tourServices.agents().tasks()), tourServices.workflows(),
                tourServices.clock().getZone(), executor, () -> amara);
        javafx.scene.control.Dialog<?>[] dialog = new javafx.scene.control.Dialog<?>[1];
        onFx(() -> dialog[0] = editor.openCard(stage, corrected, () -> { }));
        Thread.sleep(2500); // the card and its history read in the background
        snapOver(stage, dialog[0], out.resolve("card-correction-" + size + ".png"));
        onFx(() -> dialog[0].close());
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
        step(window::toggleSidebar, window, w);
        access(window, model, stage, "1360x860", out);
        correction(stage, tourExecutor, "1360x860", out);
        step(() -> {
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
        access(window, model, stage, "1024x700", out);
        correction(stage, tourExecutor, "1024x700", out);
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

    /**
     * The access screens over the window at its size ({@code size}, e.g. "1024x700"): priya's "Ask for access" filled in
     * with the pickers, and as sent; then the review queue as jonas (a manager) sees it, opened on the oldest request,
     * and with his own request selected (no Approve: four eyes). The window is signed in as amara again after.
     */
    @SuppressWarnings("unchecked")
    private static void access(MainWindow window, MainViewModel model, Stage stage, String size, Path out) throws Exception {
        var access = window.access();
        Workflow board = model.boards().stream().filter(b -> b.id().equals("WF-WELL-BOOK")).findFirst().orElseThrow();
        asPerson(model, "priya");
        javafx.scene.control.Dialog<?>[] form = new javafx.scene.control.Dialog<?>[1];
        onFx(() -> {
            form[0] = network.higherself.console.ui.access.AccessRequestDialog.show(stage, access,
                    model.actingAsProperty().get().id(), () -> { });
            var pane = form[0].getDialogPane();
            ((javafx.scene.control.ComboBox<Workflow>) pane.lookup("#access-board")).setValue(board);
            ((javafx.scene.control.ComboBox<network.higherself.console.ui.access.AskedRight.Kind>) pane.lookup("#access-right"))
                    .setValue(network.higherself.console.ui.access.AskedRight.Kind.MOVE);
            ((javafx.scene.control.ComboBox<String>) pane.lookup("#access-event")).setValue("payment_received");
            ((javafx.scene.control.TextArea) pane.lookup("#access-why")).setText(
                    "I cover the front desk on Saturdays and take the payments at the counter.");
        });
        Thread.sleep(700);
        snapOver(stage, form[0], out.resolve("access-request-" + size + ".png"));
        onFx(() -> ((javafx.scene.control.Button) form[0].getDialogPane().lookupButton(
                form[0].getDialogPane().getButtonTypes().get(0))).fire());
        Thread.sleep(1500); // saved in the background
        snapOver(stage, form[0], out.resolve("access-request-sent-" + size + ".png"));
        onFx(() -> form[0].close());

        asPerson(model, "jonas");
        if (size.startsWith("1360")) { // the first time: jonas asks for something too, to show his own request
            CountDownLatch asked = new CountDownLatch(1);
            Platform.runLater(() -> access.requestAccess(model.actingAsProperty().get().id(),
                    network.higherself.console.staff.Role.ADMINISTRATOR, null, "To restore backups while Amara is on leave.",
                    sent -> asked.countDown(), e -> asked.countDown()));
            await(asked);
        }
        javafx.scene.control.Dialog<?>[] queue = new javafx.scene.control.Dialog<?>[1];
        onFx(() -> queue[0] = network.higherself.console.ui.access.ReviewQueueView.show(stage, access, () -> { }));
        Thread.sleep(1500); // the queue, and what the pipeline says of each approval, read in the background
        snapOver(stage, queue[0], out.resolve("review-queue-" + size + ".png"));
        onFx(() -> {
            javafx.scene.control.ListView<network.higherself.console.store.PermissionQueries.Waiting> list =
                    (javafx.scene.control.ListView<network.higherself.console.store.PermissionQueries.Waiting>)
                            queue[0].getDialogPane().lookup("#review-list");
            list.getItems().stream().filter(r -> "jonas".equals(r.requester())).findFirst().ifPresent(mine -> {
                list.getSelectionModel().select(mine);
                list.scrollTo(mine);
            });
        });
        Thread.sleep(700);
        snapOver(stage, queue[0], out.resolve("review-queue-own-" + size + ".png"));
        onFx(() -> queue[0].close());
        asPerson(model, "amara");
    }

    private static void asPerson(MainViewModel model, String username) throws InterruptedException {
        onFx(() -> model.signInAs(username));
        Thread.sleep(1000); // the person's rights and the counts read again
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        await(done);
    }

    /** The window with {@code dialog} drawn over it where it stands (the window dimmed), as a person sees both. */
    private static void snapOver(Stage stage, javafx.scene.control.Dialog<?> dialog, Path file) throws Exception {
        write(() -> {
            javafx.scene.image.WritableImage base = stage.getScene().snapshot(null);
            javafx.scene.Scene over = dialog.getDialogPane().getScene();
            javafx.scene.image.WritableImage top = over.snapshot(null);
            int dx = (int) Math.round(over.getWindow().getX() - stage.getX() - stage.getScene().getX());
            int dy = (int) Math.round(over.getWindow().getY() - stage.getY() - stage.getScene().getY());
            int w = (int) base.getWidth();
            int h = (int) base.getHeight();
            javafx.scene.image.PixelWriter writer = base.getPixelWriter();
            javafx.scene.image.PixelReader below = base.getPixelReader();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    writer.setColor(x, y, below.getColor(x, y).interpolate(javafx.scene.paint.Color.BLACK, 0.35));
                }
            }
            javafx.scene.image.PixelReader reader = top.getPixelReader();
            for (int y = 0; y < (int) top.getHeight(); y++) {
                for (int x = 0; x < (int) top.getWidth(); x++) {
                    if (x + dx >= 0 && x + dx < w && y + dy >= 0 && y + dy < h) {
                        writer.setArgb(x + dx, y + dy, reader.getArgb(x, y));
                    }
                }
            }
            return base;
        }, file);
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
        write(() -> scene.snapshot(null), file);
    }

    /** Makes {@code image} on the JavaFX thread and writes it to {@code file} as PNG. */
    private static void write(java.util.function.Supplier<javafx.scene.image.Image> image, Path file) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Exception[] failure = new Exception[1];
        Platform.runLater(() -> {
            try {
                java.nio.file.Files.write(file, Png.encode(image.get()));
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
