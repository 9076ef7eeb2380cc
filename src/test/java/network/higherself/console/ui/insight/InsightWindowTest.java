package network.higherself.console.ui.insight;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import network.higherself.console.insight.FlowHistory;
import network.higherself.console.insight.StateChange;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.CardSummary;
import network.higherself.console.ui.board.BoardView;
import network.higherself.console.ui.board.BoardViewModel;
import network.higherself.console.ui.board.CardOpener;
import network.higherself.console.ui.common.FxBackgroundExecutor;
import network.higherself.console.ui.common.FxTest;
import network.higherself.console.ui.common.Theme;
import network.higherself.console.workflow.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static network.higherself.console.insight.FlowHistory.HISTORY;
import static network.higherself.console.insight.FlowHistory.WORKFLOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The insight window as a person uses it: the workflow drawn, the charts, the slowest cards, opened from a board. */
@FxTest
class InsightWindowTest {

    private static final Clock CLOCK = Clock.fixed(FlowHistory.at("03-20 12:00"), ZoneOffset.UTC);

    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private final List<Long> opened = new ArrayList<>();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.applyLight();
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        // an owned window stays in front of the next test's stage: close every one
        WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w != stage).toList()
                .forEach(Window::hide)).get(10, TimeUnit.SECONDS);
        executor.close();
    }

    private final InsightSource source = new InsightSource() {
        @Override
        public List<StateChange> history(String workflowId) {
            return HISTORY;
        }

        @Override
        public Map<String, Long> cardsByState(String workflowId) {
            return Map.of("todo", 2L, "review", 1L, "done", 3L, "dropped", 2L);
        }

        @Override
        public Map<Long, String> titles(Collection<Long> cardIds) {
            Map<Long, String> titles = new LinkedHashMap<>();
            cardIds.forEach(id -> titles.put(id, "Task " + id));
            return titles;
        }
    };

    private final CardOpener opener = new CardOpener() {
        @Override
        public void open(Window owner, long cardId, Runnable then) {
            opened.add(cardId);
        }

        @Override
        public void create(Window owner, Workflow workflow, Runnable then) {
        }
    };

    private InsightWindows.Opened open(FxRobot robot, DiagramViewModel.SelectedCard card) throws Exception {
        InsightWindows windows = new InsightWindows(source, executor, CLOCK, opener);
        InsightWindows.Opened[] window = new InsightWindows.Opened[1];
        robot.interact(() -> window[0] = windows.show(stage, WORKFLOW, card));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window[0].model().diagram().diagramProperty().get() != null
                && window[0].model().flow().flowProperty().get() != null);
        robot.interact(() -> {
            window[0].model().period().firstProperty().set(LocalDate.of(2026, 3, 2));
            window[0].model().period().lastProperty().set(LocalDate.of(2026, 3, 8));
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window[0].model().flow().flowProperty().get().days().size() == 7
                && window[0].model().cycleTimes().slowest().size() == 6
                && window[0].model().throughput().throughputProperty().get().weeks().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        return window[0];
    }

    @Test
    void theWorkflowIsDrawnWithTheSelectedCardsStateAndEachTextInsideItsBox(FxRobot robot) throws Exception {
        InsightWindows.Opened window = open(robot, new DiagramViewModel.SelectedCard(3, "Task 3", "review"));
        Node root = window.stage().getScene().getRoot();

        assertThat(robot.from(root).lookup(".diagram-state").queryAll()).hasSize(5);
        assertThat(robot.from(root).lookup(".diagram-transition").queryAll()).hasSize(5);
        assertThat(robot.from(root).lookup("#diagram-state-review").query().getStyleClass()).contains("current");
        assertThat(robot.from(root).lookup(".diagram-transition.next").queryAll()).hasSize(2);
        assertThat(robot.from(root).lookup("#diagram-state-done").query().getStyleClass()).contains("final");
        assertThat(robot.from(root).lookup("#diagram-caption").queryAs(Label.class).getText())
                .isEqualTo("\u201cTask 3\u201d is in Review; its 2 possible next events stand out.");
        // drawn with the window's own font, every text stays inside its box
        for (Node state : robot.from(root).lookup(".diagram-state").queryAll()) {
            javafx.scene.Group g = (javafx.scene.Group) state;
            Bounds box = ((Rectangle) g.getChildren().get(0)).getBoundsInLocal();
            for (Node child : g.getChildren()) {
                if (child instanceof Text t) {
                    Bounds b = t.getBoundsInLocal();
                    assertThat(b.getMinX()).as(t.getText()).isGreaterThanOrEqualTo(box.getMinX());
                    assertThat(b.getMaxX()).as(t.getText()).isLessThanOrEqualTo(box.getMaxX());
                    assertThat(b.getMinY()).as(t.getText()).isGreaterThanOrEqualTo(box.getMinY());
                    assertThat(b.getMaxY()).as(t.getText()).isLessThanOrEqualTo(box.getMaxY());
                }
            }
        }

        Node pane = robot.from(root).lookup(".diagram").query();
        robot.clickOn("#diagram-actual-size");
        assertThat(pane.getScaleX()).isEqualTo(1.0);
        robot.clickOn("#diagram-zoom-out");
        assertThat(pane.getScaleX()).isLessThan(1.0);
        robot.clickOn("#diagram-zoom-in").clickOn("#diagram-zoom-in");
        assertThat(pane.getScaleX()).isGreaterThan(1.0);
    }

    @Test
    void theFlowStacksTheFinalStatesAtTheBottomAndListsTheStatesInOrder(FxRobot robot) throws Exception {
        InsightWindows.Opened window = open(robot, null);
        robot.interact(() -> window.controller().tabs().getSelectionModel().select(1));
        Node root = window.stage().getScene().getRoot();

        @SuppressWarnings("unchecked")
        StackedAreaChart<Number, Number> chart = robot.from(root).lookup("#flow-chart").queryAs(StackedAreaChart.class);
        assertThat(chart.getData()).extracting(s -> s.getName()).containsExactly("Dropped", "Done", "Review", "Doing", "Todo");
        assertThat(chart.getData().get(4).getData()).extracting(d -> d.getYValue().longValue())
                .containsExactly(2L, 1L, 0L, 2L, 3L, 2L, 2L);
        FlowPane legend = robot.from(root).lookup("#flow-legend").queryAs(FlowPane.class);
        assertThat(legend.getChildren()).extracting(n -> ((Label) ((javafx.scene.layout.HBox) n).getChildren().get(1)).getText())
                .containsExactly("Todo", "Doing", "Review", "Done (final)", "Dropped (final)");
        assertThat(robot.from(root).lookup("#flow-summary").queryAs(Label.class).getText()).startsWith("On 8 Mar: 8 tasks");
    }

    @Test
    void theSlowestCardsOpenOnADoubleClickOrWithTheButton(FxRobot robot) throws Exception {
        InsightWindows.Opened window = open(robot, null);
        robot.interact(() -> window.controller().tabs().getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        Node root = window.stage().getScene().getRoot();

        @SuppressWarnings("unchecked")
        TableView<CycleTimeViewModel.Row> table = robot.from(root).lookup("#slowest-cards").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(CycleTimeViewModel.Row::title)
                .containsExactly("Task 1", "Task 3", "Task 2", "Task 4", "Task 8", "Task 5");
        Button open = robot.from(root).lookup("#open-slow-card").queryButton();
        assertThat(open.isDisabled()).isTrue();
        robot.doubleClickOn(row(robot, table, 1));
        assertThat(opened).containsExactly(3L);
        robot.clickOn(row(robot, table, 0)).clickOn(open);
        assertThat(opened).containsExactly(3L, 1L);
        @SuppressWarnings("unchecked")
        BarChart<Number, String> chart = robot.from(root).lookup("#cycle-chart").queryAs(BarChart.class);
        assertThat(chart.getData()).hasSize(2);
        assertThat(chart.getData().get(0).getData()).extracting(d -> d.getYValue()).containsExactly("Todo", "Doing", "Review");
    }

    /** The table's row showing item {@code index} (a table keeps spare row cells that show none). */
    private static Node row(FxRobot robot, TableView<?> table, int index) {
        return robot.from(table).lookup(".table-row-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.TableRow<?>) n).getIndex() == index && n.isVisible())
                .findFirst().orElseThrow();
    }

    @Test
    void throughputHasABarPerWeekAndFinalState(FxRobot robot) throws Exception {
        InsightWindows.Opened window = open(robot, null);
        robot.interact(() -> window.controller().tabs().getSelectionModel().select(3));
        Node root = window.stage().getScene().getRoot();

        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = robot.from(root).lookup("#throughput-chart").queryAs(BarChart.class);
        assertThat(chart.getData()).extracting(s -> s.getName()).containsExactly("Done", "Dropped");
        assertThat(chart.getData()).extracting(s -> s.getData().get(0).getYValue().longValue()).containsExactly(3L, 1L);
        assertThat(chart.getData().get(0).getData().get(0).getXValue()).isEqualTo("2 Mar");
    }

    @Test
    void signingOutClosesTheWindows(FxRobot robot) throws Exception {
        InsightWindows windows = new InsightWindows(source, executor, CLOCK, opener);
        InsightWindows.Opened[] window = new InsightWindows.Opened[1];
        robot.interact(() -> window[0] = windows.show(stage, WORKFLOW, null));
        assertThat(window[0].stage().isShowing()).isTrue();
        robot.interact(windows::closeAll);
        assertThat(window[0].stage().isShowing()).isFalse();
    }

    @Test
    void theBoardsButtonOpensTheWindowForTheCardLastSelected(FxRobot robot, @TempDir Path dir) throws Exception {
        try (TestStore store = new TestStore(dir, Clock.systemDefaultZone())) {
            Actor lucia = Actor.staff("lucia", Role.GALLERY_STAFF);
            long id = ((Outcome.Done) store.service.create("WF-GALLERY-EXH", "Light & Shadow", lucia, null)).cardId();
            Workflow gallery = store.workflows.get("WF-GALLERY-EXH");
            BoardViewModel model = new BoardViewModel(gallery, store.service, store.limits, new CardQueries(store.db.dataSource()), executor,
                    () -> lucia, store.clock);
            BoardView[] view = new BoardView[1];
            List<CardSummary> asked = new ArrayList<>();
            robot.interact(() -> {
                view[0] = new BoardView(model, opener);
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(1500);
                stage.setHeight(700);
                stage.getScene().setRoot(view[0]);
                view[0].load(() -> {
                });
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#cards-concept").tryQuery().isPresent()
                    && !robot.lookup("#cards-concept").queryListView().getItems().isEmpty());
            javafx.scene.control.ListView<CardSummary> concept = robot.lookup("#cards-concept").queryListView();
            Button insights = robot.lookup("#board-insights").queryButton();
            assertThat(insights.isDisabled()).as("nothing to open until the window says what").isTrue();

            robot.interact(() -> view[0].onShowInsights(asked::add));
            robot.clickOn(insights);
            assertThat(asked).hasSize(1).containsNull();
            robot.interact(() -> concept.getSelectionModel().select(0));
            robot.clickOn(insights);
            assertThat(asked).hasSize(2);
            assertThat(asked.get(1).id()).isEqualTo(id);
            assertThat(asked.get(1).state()).isEqualTo("concept");
        }
    }
}
