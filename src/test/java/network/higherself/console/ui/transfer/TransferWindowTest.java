package network.higherself.console.ui.transfer;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Client;
import network.higherself.console.csv.AuditExport;
import network.higherself.console.csv.CardExport;
import network.higherself.console.csv.CardImport;
import network.higherself.console.csv.CsvText;
import network.higherself.console.csv.Transfers;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.common.Png;
import network.higherself.console.workflow.Workflow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A board's cards out and in from the window: the file asked for, progress shown, cancel, the bad rows listed. */
@FxTest
class TransferWindowTest {

    @TempDir
    static Path dir;
    private static TestStore store;
    private static Workflow bookings;
    private static FxBackgroundExecutor executor;

    private Stage stage;
    private TransferWindows windows;
    private final List<Path> answers = new ArrayList<>();
    private final AtomicInteger imported = new AtomicInteger();

    @BeforeAll
    static void open() {
        store = new TestStore(dir.resolve("data"));
        store.db.sessionFactory().inTransaction(s -> s.persist(new Client("Nora Blake", null, null)));
        for (int i = 0; i < 30; i++) {
            store.service.create(Booking.WORKFLOW, "Booking " + i, Actor.system(), (c, r) -> {
            });
        }
        bookings = store.workflows.get(Booking.WORKFLOW);
        executor = new FxBackgroundExecutor();
    }

    @AfterAll
    static void close() {
        executor.close();
        store.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        network.higherself.console.ui.common.Theme.applyLight();
        stage.setScene(new Scene(new StackPane(), 900, 600));
        stage.show();
        Transfers transfers = new Transfers(new CardExport(store.db.sessionFactory(), store.service, store.workflows),
                new CardImport(store.service, store.workflows),
                new AuditExport(store.db.dataSource(), store.workflows, store.clock));
        FilePicker picker = new FilePicker() { // the file the test chose, as the person would in the chooser
            @Override
            public Optional<Path> open(Window owner, String title) {
                return Optional.of(answers.remove(0));
            }

            @Override
            public Optional<Path> save(Window owner, String title, String suggested) {
                return Optional.of(answers.remove(0));
            }
        };
        windows = new TransferWindows(transfers, store.service, executor, picker,
                () -> Actor.staff("theo", Role.FRONT_DESK), w -> imported.incrementAndGet());
    }

    private static long cards() {
        return store.db.sessionFactory().fromSession(s -> s.createSelectionQuery("select count(c) from Card c", Long.class)
                .getSingleResult());
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#transfer-message").queryAs(Label.class).getText();
    }

    private static void waitForMessage(FxRobot robot, String part) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#transfer-message").tryQuery()
                .map(n -> ((Label) n).getText()).filter(t -> t != null && t.contains(part)).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theBoardsDataMenuExportsItsCardsToTheFileChosen(FxRobot robot) throws Exception {
        Path out = dir.resolve("bookings.csv");
        answers.add(out);
        List<MenuItem> items = WaitForAsyncUtils.asyncFx(() -> windows.items(stage, bookings)).get(30, TimeUnit.SECONDS);
        assertThat(items).extracting(MenuItem::getId).contains(TransferWindows.EXPORT_ID, TransferWindows.IMPORT_ID,
                TransferWindows.AUDIT_ID);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !items.get(1).isDisable());
        MenuItem audit = items.stream().filter(i -> TransferWindows.AUDIT_ID.equals(i.getId())).findFirst().orElseThrow();
        assertThat(audit.isDisable()).as("front desk: not the audit trail").isTrue();
        assertThat(audit.getText()).contains("managers and administrators only");
        robot.interact(() -> items.get(0).fire());
        waitForMessage(robot, "written to");
        assertThat(message(robot)).isEqualTo(cards() + " cards written to " + out + ".");
        assertThat(CsvText.read(out)).hasSize((int) cards() + 1);
    }

    @Test
    void aLongImportShowsItsProgressAndCancelRollsItAllBack(FxRobot robot) throws Exception {
        StringBuilder text = new StringBuilder("Title,Client\n");
        for (int i = 0; i < 6000; i++) {
            text.append("Imported ").append(i).append(",Nora Blake\n");
        }
        Path in = dir.resolve("many.csv");
        Files.writeString(in, text);
        long before = cards();
        answers.add(in);
        Platform.runLater(() -> windows.importCards(stage, bookings));
        waitForMessage(robot, "Checking rows: ");
        assertThat(robot.lookup("#transfer-progress").queryAs(javafx.scene.control.ProgressBar.class).getProgress())
                .isBetween(0.0, 1.0);
        robot.clickOn("#transfer-cancel");
        waitForMessage(robot, "The import was cancelled: nothing was imported.");
        assertThat(cards()).isEqualTo(before);
        assertThat(imported.get()).isZero();
        assertThat(robot.lookup("#transfer-close").queryAs(javafx.scene.control.Button.class).isDisabled()).isFalse();
    }

    @Test
    void badRowsAreListedAndTheGoodOnesCanBeImportedAloneWithTheBadOnesWrittenToFix(FxRobot robot) throws Exception {
        Path in = dir.resolve("some-bad.csv");
        Files.writeString(in, "Title,Quote,Client\nGood one,10.00,Nora Blake\nBad one,ten,Nobody\nGood two,,\n");
        long before = cards();
        answers.add(in);
        Platform.runLater(() -> windows.importCards(stage, bookings));
        waitForMessage(robot, "Nothing was imported");
        @SuppressWarnings("unchecked")
        ListView<String> problems = robot.lookup("#transfer-problems").queryAs(ListView.class);
        assertThat(problems.getItems()).containsExactly(
                "Line 3, column B \u201cQuote\u201d: 'ten' is not an amount: write it like 120.00",
                "Line 3, column C \u201cClient\u201d: There is no client \u201cNobody\u201d in this console (an import makes no "
                        + "new clients): correct it to a client the console knows (a card's form lists them).");
        assertThat(cards()).isEqualTo(before);
        snapshot(robot, "transfer-bad-rows.png");

        Path rejects = dir.resolve("to-fix.csv");
        answers.add(rejects);
        robot.clickOn("#transfer-good-rows");
        waitForMessage(robot, "were imported");
        assertThat(message(robot)).startsWith("2 cards were imported; the 1 bad row was written to " + rejects);
        assertThat(cards()).isEqualTo(before + 2);
        assertThat(imported.get()).isEqualTo(1);
        assertThat(CsvText.read(rejects)).hasSize(2);
    }

    /** The window as it looks, for a person to check (target/, not asserted). */
    private static void snapshot(FxRobot robot, String name) throws Exception {
        Node root = robot.lookup("#transfer").query();
        byte[] png = WaitForAsyncUtils.asyncFx(() -> Png.encode(root.snapshot(null, null))).get(30, TimeUnit.SECONDS);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", name), png);
    }
}
