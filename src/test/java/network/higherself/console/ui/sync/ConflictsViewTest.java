package network.higherself.console.ui.sync;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import network.higherself.console.card.Card;
import network.higherself.console.move.Change;
import network.higherself.console.move.MoveCheck;
import network.higherself.console.sync.Sync;
import network.higherself.console.sync.TestServer;
import network.higherself.console.sync.TwoDesktops;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.common.ImmediateExecutor;
import network.higherself.console.ui.common.Png;
import network.higherself.console.ui.common.Theme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change that lost to another desktop's, as its person sees it: what they did, what happened instead and by whom;
 * "Apply again" refused with the pipeline's sentence where the change is not legal from the card's new state, and
 * "Let it go" closing it.
 */
@FxTest
class ConflictsViewTest {

    @TempDir
    static Path dir;
    private static TestServer server;
    private static TwoDesktops desks;
    private static String title;
    private Stage stage;

    @BeforeAll
    static void aConflictOnB() throws Exception {
        server = TestServer.start(dir.resolve("server"));
        desks = TwoDesktops.connect(server, dir.resolve("templates"), dir.resolve("desks"));
        Card onA = null;
        for (Card c : desks.a.database().sessionFactory().fromSession(s ->
                s.createSelectionQuery("from Card c order by c.id", Card.class).getResultList())) {
            if (c.workflowId().equals("WF-GALLERY-EXH")
                    && desks.a.cards().check(c.getId(), TwoDesktops.AMARA).stream().anyMatch(MoveCheck::isOpen)) {
                onA = c;
                break;
            }
        }
        Card card = onA;
        String event = desks.a.cards().check(card.getId(), TwoDesktops.AMARA).stream().filter(MoveCheck::isOpen)
                .findFirst().orElseThrow().transition().event();
        long idOnB = desks.b.database().sessionFactory().fromSession(s -> s.createSelectionQuery(
                "select c.id from Card c where c.uid = :u", Long.class).setParameter("u", card.getUid()).getSingleResult());
        desks.a.cards().apply(TwoDesktops.AMARA, new Change.Move(card.getId(), event, null, card.getVersion(), null, null));
        desks.b.cards().apply(TwoDesktops.JONAS, new Change.Move(idOnB, event, null, card.getVersion(), null, null));
        desks.a.sync().now(desks.serverA);
        desks.b.sync().now(desks.serverB);
        title = card.getTitle();
    }

    @AfterAll
    static void stop() throws Exception {
        desks.close();
        server.close();
    }

    @Start
    void start(Stage stage) {
        Theme.applyLight();
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 900, 700));
        stage.show();
    }

    @Test
    void thePersonSeesWhatTheyDidAndWhatHappenedInsteadAndCanLetItGo(FxRobot robot) throws Exception {
        ConflictsViewModel model = new ConflictsViewModel(desks.b.sync(), new ImmediateExecutor(), () -> TwoDesktops.JONAS);
        Platform.runLater(() -> ConflictsView.show(stage, model, () -> {
        }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sync-conflicts").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        ListView<Sync.Conflict> list = robot.lookup("#conflict-list").queryListView();
        assertThat(list.getItems()).singleElement().satisfies(c -> {
            assertThat(c.what()).startsWith("You moved '" + title + "' from Concept to ");
            assertThat(c.instead()).contains("first, by amara at desk_a");
        });
        String shown = robot.from(list).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                .reduce("", (x, y) -> x + "\n" + y);
        assertThat(shown).contains("You moved '" + title + "'").contains("Instead: moved it from Concept to ");
        save(robot.lookup("#sync-conflicts").queryAs(DialogPane.class), "sync-conflict.png");

        robot.clickOn("#conflict-apply-again");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#conflict-message").queryAs(Label.class).getText()).startsWith("Not applied: ");
        assertThat(list.getItems()).hasSize(1);

        robot.clickOn("#conflict-let-go");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).isEmpty();
        assertThat(robot.lookup("#conflict-message").queryAs(Label.class).getText()).startsWith("Let go: You moved");
        assertThat(robot.lookup("#conflict-apply-again").queryAs(Button.class).isDisabled()).isTrue();
    }

    private static void save(DialogPane pane, String name) throws Exception {
        CompletableFuture<byte[]> png = new CompletableFuture<>();
        Platform.runLater(() -> png.complete(Png.encode(pane.getScene().snapshot(null))));
        Path out = Path.of("target", "screenshots", name);
        Files.createDirectories(out.getParent());
        Files.write(out, png.get(10, TimeUnit.SECONDS));
    }
}
