package network.higherself.console.ui.shell;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.StaffQueries;
import network.higherself.console.ui.board.CardOpener;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.workflow.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@FxTest
class MainWindowTest {

    @TempDir
    Path dir;

    private TestStore store;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private final CountDownLatch ready = new CountDownLatch(1);
    private MainViewModel model;
    private final java.util.concurrent.atomic.AtomicInteger helpShown = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger aboutShown = new java.util.concurrent.atomic.AtomicInteger();

    private long soundBath;

    @Start
    void start(Stage stage) {
        store = new TestStore(dir);
        store.staff("amara", Role.ADMINISTRATOR);
        store.staff("theo", Role.FRONT_DESK);
        soundBath = ((network.higherself.console.move.Outcome.Done) store.service.create("WF-WELL-BOOK", "Sound bath",
                Actor.staff("theo", Role.FRONT_DESK), null)).cardId();
        model = new MainViewModel(store.workflows, store.service, store.limits, store.roleRights, new CardQueries(store.db.dataSource()),
                new StaffQueries(store.db.dataSource()), executor, store.clock, store.db.folder(), "");
        MainWindow window = new MainWindow(model, new CardOpener() {
            @Override
            public void open(Window owner, long cardId, Runnable then) {
            }

            @Override
            public void create(Window owner, Workflow workflow, Runnable then) { // as the new card's dialog does once it saved
                store.service.create(workflow.id(), "Forest walk", Actor.staff("amara", Role.ADMINISTRATOR), null);
                then.run();
            }
        }, new network.higherself.console.ui.access.AccessViewModel(store.service, store.workflows, new network.higherself.console.store.PermissionQueries(store.db.dataSource()), executor, model::actor),
                new WindowSettings(dir.resolve("window.properties")));
        window.onShowKeyboardHelp(helpShown::incrementAndGet);
        window.onShowAbout(aboutShown::incrementAndGet);
        window.show(stage, () -> {
            model.signInAs("amara");
            ready.countDown();
        });
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    @Test
    void theEightBoardsAreListedWithTheirCardCounts(FxRobot robot) throws InterruptedException {
        assertThat(ready.await(20, TimeUnit.SECONDS)).isTrue();
        ListView<Workflow> list = robot.lookup("#" + MainWindow.SIDEBAR_ID).queryListView();
        assertThat(list.getItems()).extracting(Workflow::board).containsExactly("Gallery exhibits", "Wellness bookings",
                "Consulting projects", "Marketing campaigns", "Content", "Interface publishing", "Agent communications",
                "Staff permissions");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(countShownFor(robot, "Wellness bookings")).isEqualTo("1");
        assertThat(countShownFor(robot, "Gallery exhibits")).isEqualTo("0");
        assertThat(countShownFor(robot, "Staff permissions")).isEqualTo("0");
    }

    @Test
    void theCountsInTheSidebarAndTheStatusBarChangeWhenACardIsCreated(FxRobot robot) throws Exception {
        assertThat(ready.await(20, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(countShownFor(robot, "Wellness bookings")).isEqualTo("1");
        robot.clickOn("Wellness bookings");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Sound bath");
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.N).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "2".equals(countShownFor(robot, "Wellness bookings")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.statusProperty().get().contains(" 2 cards"));
        assertThat(countShownFor(robot, "Wellness bookings")).isEqualTo("2");
    }

    @Test
    void theStatusBarSaysHowSyncStandsOnlyOnceSyncIsOn(FxRobot robot) throws Exception {
        assertThat(ready.await(20, TimeUnit.SECONDS)).isTrue();
        javafx.scene.control.Button sync = robot.lookup("#sync-status").queryButton();
        assertThat(sync.isVisible()).isFalse(); // sync is off
        java.time.Instant at = java.time.LocalDateTime.of(2026, 12, 2, 14, 2).atZone(model.clockZone()).toInstant();
        javafx.application.Platform.runLater(() -> model.syncRan(new network.higherself.console.sync.SyncLoop.State(
                network.higherself.console.sync.SyncLoop.State.Kind.ONLINE, "Synced", 0, 0, at, false)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sync.isVisible()).isTrue();
        assertThat(sync.getText()).isEqualTo("Synced 14:02");
        saveStatusBar(sync, "status-sync-online.png");
        javafx.application.Platform.runLater(() -> model.syncRan(new network.higherself.console.sync.SyncLoop.State(
                network.higherself.console.sync.SyncLoop.State.Kind.OFFLINE, "The server cannot be reached", 3, 1, at, false)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sync.getText()).isEqualTo("Offline since 14:02: changes are kept here \u00b7 3 waiting to be sent \u00b7 1 conflict");
        assertThat(model.syncTroubleProperty().get()).isTrue();
        saveStatusBar(sync, "status-sync-offline.png");
    }

    @Test
    void aCardWithAnOpenSyncConflictSaysSoOnItsFaceUntilTheConflictIsGone(FxRobot robot) throws Exception {
        assertThat(ready.await(20, TimeUnit.SECONDS)).isTrue();
        javafx.application.Platform.runLater(() -> model.selectedProperty().set(store.workflows.get("WF-WELL-BOOK")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".card-title").tryQuery().isPresent());
        java.time.Instant at = java.time.Instant.parse("2026-12-02T14:02:00Z");
        String note = "Sync: a change of theo lost to amara at desk_a (see the status bar's conflicts)";
        javafx.application.Platform.runLater(() -> model.syncRan(new network.higherself.console.sync.SyncLoop.State(
                network.higherself.console.sync.SyncLoop.State.Kind.ONLINE, "Synced", 0, 1, at, false,
                java.util.Map.of(soundBath, note))));
        // the notes a person can see: a recycled cell may hold a hidden one, or one no longer on the board
        // read on the JavaFX thread, between pulses (read from the test's thread, a cell being rebuilt showed a label
        // not yet given its text)
        java.util.function.Supplier<java.util.List<String>> shown = () -> {
            try {
                return WaitForAsyncUtils.asyncFx(() -> robot.lookup(".card-sync-note").queryAllAs(Label.class).stream()
                        .filter(MainWindowTest::onScreen).map(Label::getText).toList()).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown.get().equals(java.util.List.of(note)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the card does not show its sync note alone; shown: " + shown.get(), e);
        }
        javafx.application.Platform.runLater(() -> model.syncRan(new network.higherself.console.sync.SyncLoop.State(
                network.higherself.console.sync.SyncLoop.State.Kind.ONLINE, "Synced", 0, 0, at, false)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown.get().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, executor::isIdle); // the board's reading done before it closes
    }

    /** Whether a person can see the node: it and every parent visible, on a window that shows. */
    private static boolean onScreen(javafx.scene.Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The status bar the button sits in, as a PNG under target/screenshots (looked at; copied to assets). */
    private static void saveStatusBar(javafx.scene.Node inBar, String name) throws Exception {
        java.util.concurrent.CompletableFuture<byte[]> png = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            javafx.scene.Node bar = inBar;
            while (!(bar instanceof org.controlsfx.control.StatusBar) && bar.getParent() != null) {
                bar = bar.getParent();
            }
            png.complete(network.higherself.console.ui.common.Png.encode(bar.snapshot(null, null)));
        });
        Path out = Path.of("target", "screenshots", name);
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.write(out, png.get(10, TimeUnit.SECONDS));
    }

    @Test
    void f1OrAQuestionMarkOpenTheKeyboardHelpButAQuestionMarkTypedInTheSearchIsText(FxRobot robot) throws Exception {
        assertThat(ready.await(20, TimeUnit.SECONDS)).isTrue();
        robot.clickOn("#" + MainWindow.SIDEBAR_ID);
        robot.type(javafx.scene.input.KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(helpShown).hasValue(1);
        robot.write("?");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(helpShown).hasValue(2);

        javafx.scene.control.TextField search = robot.lookup("#" + network.higherself.console.ui.board.BoardView.SEARCH_ID).query();
        robot.clickOn(search).write("bath?");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(search.getText()).isEqualTo("bath?");
        assertThat(helpShown).as("typed, not a shortcut").hasValue(2);

        robot.clickOn("#keyboard-help-button");
        robot.clickOn("#about-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(helpShown).hasValue(3);
        assertThat(aboutShown).hasValue(1);
    }

    /** The count the sidebar shows beside a board's name. */
    private static String countShownFor(FxRobot robot, String board) {
        javafx.scene.Node name = robot.lookup(".sidebar-name").match((Label l) -> l.getText().equals(board)).query();
        return ((Label) name.getParent().lookup(".sidebar-count")).getText();
    }

    @Test
    void theFrontDeskSeesOnlyWhatTheFrontDeskMaySee(FxRobot robot) throws Exception {
        assertThat(ready.await(20, TimeUnit.SECONDS)).isTrue();
        robot.interact(() -> model.signInAs("theo"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + MainWindow.SIDEBAR_ID)
                .queryListView().getItems().size() == 3);

        ListView<Workflow> list = robot.lookup("#" + MainWindow.SIDEBAR_ID).queryListView();
        assertThat(list.getItems()).extracting(Workflow::board)
                .containsExactly("Wellness bookings", "Agent communications", "Staff permissions");
        assertThat(robot.lookup("#review-requests").query().isVisible()).as("front desk does not review requests").isFalse();
        assertThat(robot.lookup("#ask-access").query().isVisible()).isTrue();

        robot.interact(() -> model.signInAs("amara")); // the administrator
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 8);
        assertThat(robot.lookup("#review-requests").query().isVisible()).isTrue();
    }

    @Test
    void theReviewBadgeCountsTheWaitingRequestsAsTheyAreMadeAndDecided(FxRobot robot) throws Exception {
        assertThat(ready.await(20, TimeUnit.SECONDS)).isTrue();
        Label badge = robot.lookup("#review-count").queryAs(Label.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(badge.isVisible()).as("nothing waits: no badge").isFalse();

        // a request made in the window, with the pickers: the badge says 1
        robot.clickOn("#ask-access");
        network.higherself.console.ui.access.Pickers.pick(robot, "access-role", "Manager");
        robot.clickOn("#access-why").write("Standing in for Jonas in December.");
        robot.clickOn("Send request");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> badge.isVisible() && "1".equals(badge.getText()));
        robot.clickOn("Close");

        // one made elsewhere (another desk, the command line) shows at the next count
        long theos = ((network.higherself.console.move.Outcome.Done) store.service.create("WF-PERM-MGT", "Access for theo",
                Actor.staff("theo", Role.FRONT_DESK), network.higherself.console.move.FieldValues.NONE
                        .withValue(network.higherself.console.card.PermissionRequest.STAFF_MEMBER,
                                store.db.sessionFactory().fromSession(x -> x.createNativeQuery(
                                        "SELECT id FROM staff_member WHERE username = 'theo'", Long.class).getSingleResult()))
                        .with(network.higherself.console.card.PermissionRequest.REQUESTED_SCOPES, "view WF-CONSULT")
                        .with(network.higherself.console.card.PermissionRequest.JUSTIFICATION, "Curious."))).cardId();
        assertThat(store.service.move(network.higherself.console.move.MoveRequest.byEvent(theos, "request_logged",
                Actor.staff("theo", Role.FRONT_DESK))).isDone()).isTrue();
        robot.interact(model::refreshCounts);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "2".equals(badge.getText()));

        // a decision in the queue: one fewer
        robot.clickOn("#review-requests");
        javafx.scene.control.ListView<?> queue = robot.lookup("#review-list").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().size() == 2);
        robot.clickOn("#review-question").write("Which projects?");
        robot.clickOn("#review-ask");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "1".equals(badge.getText()) && queue.getItems().size() == 1);
        robot.clickOn("#review-question").write("For how long?");
        robot.clickOn("#review-ask");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !badge.isVisible());
    }

    @Test
    void choosingABoardShowsAColumnPerState(FxRobot robot) throws InterruptedException {
        assertThat(ready.await(20, TimeUnit.SECONDS)).isTrue();
        robot.clickOn("Wellness bookings");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".board-title").queryAs(Label.class).getText()).isEqualTo("Wellness bookings");
        assertThat(robot.lookup(".column-name").queryAllAs(Label.class)).extracting(Label::getText)
                .startsWith("Inquiry", "Consultation", "Quote provided").hasSize(12);
        assertThat(robot.lookup(".column-agent").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Nyra (Lead Capture Agent)", "Solari (Booking Agent)", "Ruvo (Task Management Agent)");
    }
}
