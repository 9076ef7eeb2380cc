package network.higherself.console.ui.today;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import network.higherself.console.card.Booking;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.CardSummary;
import network.higherself.console.store.PermissionQueries;
import network.higherself.console.store.StaffQueries;
import network.higherself.console.today.Today;
import network.higherself.console.ui.access.AccessViewModel;
import network.higherself.console.ui.board.BoardView;
import network.higherself.console.ui.board.CardOpener;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.search.SearchDialog;
import network.higherself.console.ui.search.SearchViewModel;
import network.higherself.console.ui.shell.MainViewModel;
import network.higherself.console.ui.shell.MainWindow;
import network.higherself.console.ui.shell.WindowSettings;
import network.higherself.console.workflow.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Today in the window: it opens first for the front desk, a line opens its card on its board (scrolled to it and
 * selected), the choice not to open it first outlives the window, and Ctrl+Shift+F finds a card and opens it.
 */
@FxTest
class TodayWindowTest {

    static final LocalDateTime NOW = LocalDateTime.ofInstant(TestStore.T0, ZoneOffset.UTC);
    static final int BEFORE = 40; // cards before the one looked for in its column: more than a screen holds

    @TempDir
    Path dir;

    private TestStore store;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private Stage stage;
    private MainWindow window;
    private MainViewModel model;
    private long ingrid;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        store = new TestStore(dir);
        store.staff("theo", Role.FRONT_DESK);
        for (int i = 0; i < BEFORE; i++) {
            booking(String.format("Later booking %02d", i), NOW.plusDays(10));
        }
        ingrid = booking("Sound bath for Ingrid", NOW.plusDays(1));
        open(stage);
    }

    private long booking(String title, LocalDateTime serviceAt) {
        Outcome o = store.service.create(Booking.WORKFLOW, title, Actor.staff("theo", Role.FRONT_DESK),
                (c, r) -> Booking.SERVICE_AT.set((Booking) c, serviceAt));
        long id = ((Outcome.Done) o).cardId();
        store.putIn(id, "preparation");
        return id;
    }

    /** The window as DesktopStart makes it, over the same data folder's settings each time. */
    private void open(Stage on) {
        CardQueries queries = new CardQueries(store.db.dataSource());
        model = new MainViewModel(store.workflows, store.service, store.limits, store.roleRights, queries,
                new StaffQueries(store.db.dataSource()), executor, store.clock, store.db.folder(), "");
        window = new MainWindow(model, new CardOpener() {
            @Override
            public void open(Window owner, long cardId, Runnable then) {
            }

            @Override
            public void create(Window owner, Workflow workflow, Runnable then) {
            }
        }, new AccessViewModel(store.service, store.workflows, new PermissionQueries(store.db.dataSource()), executor, model::actor),
                new WindowSettings(dir.resolve("window.properties")));
        window.withToday(new TodayViewModel(Today.standard(store.workflows, queries, List::of), store.workflows,
                store.service::rightsOf, model::actor, executor, store.clock));
        window.withSearch(new SearchViewModel(store.workflows, queries, model.rightsProperty()::get, executor));
        window.show(on, () -> model.signInAs("theo"));
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, executor::isIdle);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean todayOnShow() {
        return window.root() instanceof javafx.scene.layout.BorderPane p && p.getCenter() instanceof TodayView;
    }

    /** The preparation column's list, once the board shows it with {@code card} selected. */
    private void awaitSelected(FxRobot robot, long card) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            var list = robot.lookup("#cards-preparation").tryQueryAs(ListView.class);
            if (list.isEmpty() || !(list.get().getSelectionModel().getSelectedItem() instanceof CardSummary c)) {
                return false;
            }
            return c.id() == card;
        });
        @SuppressWarnings("unchecked")
        ListView<CardSummary> list = robot.lookup("#cards-preparation").queryAs(ListView.class);
        assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(BEFORE);
        assertThat(list.isFocused()).as("the keyboard is on the card").isTrue();
        // scrolled to it: a cell shows the card (after the list's next layout pulse: scrollTo takes effect there)
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".list-cell")
                .match((javafx.scene.control.ListCell<?> cell) -> cell.getItem() instanceof CardSummary c && c.id() == card
                        && cell.isVisible()).tryQuery().isPresent());
    }

    @Test
    void aLineOpensItsCardAndTheChoiceNotToOpenTodayFirstOutlivesTheWindow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("." + TodayView.LINE).tryQuery().isPresent());
        assertThat(todayOnShow()).as("the front desk's day starts on Today").isTrue();
        assertThat(robot.lookup("." + TodayView.LINE).queryAllAs(Button.class))
                .extracting(b -> ((CardSummary) b.getUserData()).title())
                .as("the one booking whose service is tomorrow").containsExactly("Sound bath for Ingrid");
        robot.clickOn(robot.lookup("." + TodayView.LINE).queryAs(Button.class));
        awaitSelected(robot, ingrid);
        assertThat(todayOnShow()).isFalse();

        robot.clickOn("#today-button");
        settle();
        CheckBox first = robot.lookup("#today-opens-first").queryAs(CheckBox.class);
        assertThat(first.isSelected()).isTrue();
        robot.clickOn(first);
        settle();
        assertThat(first.isSelected()).isFalse();

        // the window closes and opens again (a restart): theo signs in and his board shows, not Today
        robot.interact(() -> stage.hide());
        Stage[] again = new Stage[1];
        robot.interact(() -> {
            again[0] = new Stage();
            open(again[0]);
        });
        settle();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.boardView(Booking.WORKFLOW) != null);
        assertThat(todayOnShow()).as("Today no longer opens first for theo").isFalse();
        robot.interact(window::showToday);
        settle();
        assertThat(window.todayView().model().opensFirstProperty().get()).isFalse();
        robot.interact(again[0]::hide);
    }

    @Test
    void ctrlShiftFFindsACardAndOpensItsBoardWithTheCardSelected(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("." + TodayView.LINE).tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + SearchDialog.FIELD_ID).tryQuery().isPresent());
        javafx.scene.control.TextField field = robot.lookup("#" + SearchDialog.FIELD_ID).queryAs(javafx.scene.control.TextField.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, field::isFocused);
        robot.clickOn(field).write("ingrid");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "ingrid".equals(field.getText()));
        @SuppressWarnings("unchecked")
        ListView<SearchViewModel.Hit> hits = robot.lookup("#" + SearchDialog.HITS_ID).queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> hits.getItems().size() == 1);
        assertThat(hits.getItems().get(0).toString()).isEqualTo("Sound bath for Ingrid  \u2014  Wellness bookings  \u00b7  Preparation");
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        awaitSelected(robot, ingrid);
        assertThat(robot.lookup("#" + SearchDialog.FIELD_ID).tryQuery()).as("the search closed").isEmpty();
        assertThat(window.boardView(Booking.WORKFLOW).model().searchProperty().get()).isEmpty();
    }
}
