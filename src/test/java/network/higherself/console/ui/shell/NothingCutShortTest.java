package network.higherself.console.ui.shell;

import javafx.scene.Parent;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;
import javafx.stage.Window;
import network.higherself.console.app.Services;
import network.higherself.console.store.CardSummary;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.StaffQueries;
import network.higherself.console.ui.access.AccessViewModel;
import network.higherself.console.ui.access.Pickers;
import network.higherself.console.ui.card.ChecklistStore;
import network.higherself.console.ui.card.CardEditor;
import network.higherself.console.ui.card.EventInputForm;
import network.higherself.console.ui.common.CutShort;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.search.SearchDialog;
import network.higherself.console.ui.search.SearchViewModel;
import network.higherself.console.ui.today.TodayViewModel;
import network.higherself.console.today.Today;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At 1024x700, on the demo data, as the administrator (every board, every button): no label, button or cell of the
 * main screens (each board, Today, the search across boards) nor of the main dialogs (a card's, the move form, asking
 * for access, reviewing requests, roles and rights) shows its text cut short with "…".
 */
@FxTest
class NothingCutShortTest {

    @TempDir
    Path dir;

    private Services services;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private MainWindow window;
    private MainViewModel model;
    private Stage stage;
    private CardEditor editor;
    private final CountDownLatch ready = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        this.stage = stage;
        services = Services.open(new DataFolder(dir), Clock.systemDefaultZone());
        services.demoData().seed();
        model = new MainViewModel(services.workflows(), services.cards(), services.limits(), services.roleRights(),
                services.queries(), new StaffQueries(services.database().dataSource()), executor, services.clock(),
                services.database().folder(), "");
        editor = new CardEditor(services.cardForms(), ChecklistStore.of(services.agents().tasks()), services.workflows(),
                services.clock().getZone(), executor, model::actor);
        window = new MainWindow(model, editor, new AccessViewModel(services.cards(), services.workflows(),
                new network.higherself.console.store.PermissionQueries(services.database().dataSource()), executor,
                model::actor), new WindowSettings(dir.resolve("window.properties")));
        window.withToday(new TodayViewModel(Today.standard(services.workflows(), services.queries(),
                services.agents().runner()::holds), services.workflows(), services.cards()::rightsOf, model::actor,
                executor, services.clock()));
        window.withSearch(new SearchViewModel(services.workflows(), services.queries(), model.rightsProperty()::get, executor));
        stage.setWidth(1024);
        stage.setHeight(700);
        window.show(stage, () -> {
            model.signInAs("amara");
            ready.countDown();
        });
        stage.setWidth(1024);
        stage.setHeight(700);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, executor::isIdle);
        executor.close();
        services.close();
    }

    @Test
    void noLabelOfTheMainScreensAndDialogsIsCutShortAt1024x700(FxRobot robot) throws Exception {
        assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stage.getScene().getWidth()).isEqualTo(1024.0);
        List<String> cut = new ArrayList<>();
        for (Workflow w : services.workflows().all()) {
            CountDownLatch shown = new CountDownLatch(1);
            robot.interact(() -> {
                model.selectedProperty().set(w);
                window.boardView(w.id()).load(shown::countDown);
            });
            assertThat(shown.await(30, TimeUnit.SECONDS)).isTrue();
            settle();
            cut.addAll(in(w.board(), stage.getScene().getRoot()));
        }
        CountDownLatch today = new CountDownLatch(1);
        robot.interact(() -> {
            window.showToday();
            window.todayView().model().refresh(today::countDown);
        });
        assertThat(today.await(30, TimeUnit.SECONDS)).isTrue();
        settle();
        cut.addAll(in("Today", stage.getScene().getRoot()));

        SearchViewModel search = new SearchViewModel(services.workflows(), services.queries(), model.rightsProperty()::get, executor);
        cut.addAll(inDialog(robot, "Search all boards", () -> {
            search.textProperty().set("a");
            return SearchDialog.show(stage, search, card -> { });
        }));
        CardSummary booking = services.queries().firstPage("WF-WELL-BOOK", "quote_provided", 1).get(0);
        cut.addAll(inDialog(robot, "A booking's dialog", () -> editor.openCard(stage, booking.id(), () -> { })));
        CardSummary project = services.queries().firstPage("WF-CONSULT", "negotiation", 1).get(0);
        cut.addAll(inDialog(robot, "A consulting project's dialog", () -> editor.openCard(stage, project.id(), () -> { })));
        Workflow bookings = services.workflows().get("WF-WELL-BOOK");
        cut.addAll(inDialog(robot, "The move form", () -> {
            EventInputForm form = EventInputForm.ask(stage, bookings.id(), Labels.humanize("client_declined_quote") + ": "
                            + booking.title() + " \u2192 " + bookings.stateLabel("canceled"),
                    network.higherself.console.card.CardKinds.newCard(bookings.id(), "").inputsFor("client_declined_quote"),
                    Map.of(), type -> List.of());
            form.dialog().show();
            return form.dialog();
        }));
        cut.addAll(inWindowOpenedBy(robot, "Ask for access", "#ask-access"));
        // the form with every picker shown (a move on the widest board, its longest event), then as sent
        cut.addAll(inWindowOpenedBy(robot, "Ask for access, a move picked and sent", "#ask-access", () -> {
            Pickers.pick(robot, "access-board", "Consulting projects");
            Pickers.pick(robot, "access-right", "Move cards via an event");
            Pickers.pick(robot, "access-event", "Deliverables submitted");
            List<String> picked = in("Ask for access, a move picked", robot.lookup("#access-request").query().getScene().getRoot());
            robot.clickOn("#access-why").write("Standing in for the consulting lead while she is away.");
            robot.clickOn("Send request");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#access-message").queryLabeled().getText()
                    .startsWith("Your request is sent"));
            settle();
            return picked;
        }));
        cut.addAll(inWindowOpenedBy(robot, "Review requests", "#review-requests"));
        cut.addAll(inWindowOpenedBy(robot, "Roles and rights", "#role-rights"));

        assertThat(cut).as("labels cut short at 1024x700").isEmpty();
    }

    private static List<String> in(String where, Parent root) {
        return CutShort.under(root).stream().map(c -> where + ": " + c).toList();
    }

    /** Waits for the background reads and the layout they set off. */
    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, executor::isIdle);
        Thread.sleep(300); // a page of cards handed back lays out at the next pulse
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> inDialog(FxRobot robot, String what, Supplier<Dialog<?>> open) throws Exception {
        Dialog<?>[] dialog = new Dialog<?>[1];
        robot.interact(() -> dialog[0] = open.get());
        settle();
        List<String> cut = in(what, dialog[0].getDialogPane().getScene().getRoot());
        assertThat(dialog[0].getDialogPane().getScene().getWindow().getHeight()).as(what + " fits the window's height")
                .isLessThanOrEqualTo(stage.getHeight() + 1);
        Window shown = dialog[0].getDialogPane().getScene().getWindow();
        robot.interact(() -> {
            dialog[0].setResult(null);
            dialog[0].close();
            shown.hide();
        });
        return cut;
    }

    private List<String> inWindowOpenedBy(FxRobot robot, String what, String button) throws Exception {
        return inWindowOpenedBy(robot, what, button, List::of);
    }

    /** Something done in a window before it is looked at; gives what it found cut short on the way. */
    private interface Steps {
        List<String> run() throws Exception;
    }

    private List<String> inWindowOpenedBy(FxRobot robot, String what, String button, Steps steps) throws Exception {
        List<Window> before = List.copyOf(robot.listWindows());
        robot.clickOn(button);
        settle();
        Window opened = robot.listWindows().stream().filter(w -> !before.contains(w) && w.isShowing()).findFirst()
                .orElseThrow(() -> new AssertionError(what + " did not open"));
        List<String> cut = new ArrayList<>(steps.run());
        cut.addAll(in(what, opened.getScene().getRoot()));
        robot.interact(opened::hide);
        return cut;
    }
}
