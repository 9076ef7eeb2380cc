package network.higherself.console.ui.insight;

import network.higherself.console.insight.CumulativeFlow;
import network.higherself.console.insight.FlowHistory;
import network.higherself.console.insight.Period;
import network.higherself.console.insight.StateChange;
import network.higherself.console.insight.TextMeasure;
import network.higherself.console.ui.common.ImmediateExecutor;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static network.higherself.console.insight.FlowHistory.HISTORY;
import static network.higherself.console.insight.FlowHistory.WORKFLOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The insight window's view models, without a window or a JavaFX toolkit: what each says and does with a known
 * history. The background work runs at once on the test's thread ({@link ImmediateExecutor}).
 */
class InsightViewModelTest {

    /** Friday 20 March 2026, noon, UTC: after the hand-written history's period. */
    private static final Clock CLOCK = Clock.fixed(FlowHistory.at("03-20 12:00"), ZoneOffset.UTC);

    private final ImmediateExecutor executor = new ImmediateExecutor();
    private final List<Long> opened = new ArrayList<>();

    /** A board's history and titles held in memory. */
    private static InsightSource source(Workflow w, List<StateChange> history) {
        return new InsightSource() {
            @Override
            public List<StateChange> history(String workflowId) {
                return workflowId.equals(w.id()) ? history : List.of();
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
    }

    private InsightViewModel model(Workflow w, InsightSource source) {
        InsightViewModel model = new InsightViewModel(w, source, executor, CLOCK, TextMeasure.helvetica(), opened::add);
        model.refresh();
        return model;
    }

    /** The week of the hand-written history: Monday 2 to Sunday 8 March. */
    private void pickFirstWeekOfMarch(InsightViewModel model) {
        model.period().firstProperty().set(LocalDate.of(2026, 3, 2));
        model.period().lastProperty().set(LocalDate.of(2026, 3, 8));
    }

    @Test
    void thePeriodStartsAsTheLastFourWeeksAndChangesOnlyToAValidOne() {
        InsightViewModel model = model(WORKFLOW, source(WORKFLOW, HISTORY));
        PeriodViewModel period = model.period();

        assertThat(period.periodProperty().get())
                .isEqualTo(new Period(LocalDate.of(2026, 2, 21), LocalDate.of(2026, 3, 20), ZoneOffset.UTC));
        period.lastProperty().set(LocalDate.of(2026, 2, 1));
        assertThat(period.problemProperty().get())
                .isEqualTo("The period ends (1 Feb 2026) before it begins (21 Feb 2026): pick the days again.");
        assertThat(period.periodProperty().get().last()).isEqualTo(LocalDate.of(2026, 3, 20));
        period.lastProperty().set(LocalDate.of(2026, 3, 21));
        assertThat(period.problemProperty().get()).startsWith("The period cannot end after today (20 Mar 2026)");
        period.lastWeeks(13);
        assertThat(period.problemProperty().get()).isEmpty();
        assertThat(period.periodProperty().get())
                .isEqualTo(new Period(LocalDate.of(2025, 12, 20), LocalDate.of(2026, 3, 20), ZoneOffset.UTC));
    }

    @Test
    void theFlowFollowsThePeriodAndSaysWhatItShows() {
        InsightViewModel model = model(WORKFLOW, source(WORKFLOW, HISTORY));
        pickFirstWeekOfMarch(model);

        CumulativeFlow flow = model.flow().flowProperty().get();
        assertThat(flow).isEqualTo(CumulativeFlow.of(WORKFLOW, HISTORY,
                new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), ZoneOffset.UTC)));
        assertThat(model.flow().summaryProperty().get()).isEqualTo("On 8 Mar: 8 tasks, 3 of them in progress. "
                + "On 2 Mar: 5 tasks, 4 of them in progress. The final states hold 4 more at the end than at the start.");
    }

    @Test
    void cycleTimesListTheSlowestCardsWithTheirTitlesAndOpenThem() {
        InsightViewModel model = model(WORKFLOW, source(WORKFLOW, HISTORY));
        pickFirstWeekOfMarch(model);

        CycleTimeViewModel cycle = model.cycleTimes();
        assertThat(cycle.leadTimeProperty().get()).isEqualTo("3 tasks were finished in this period. From creation "
                + "to a final state, half took at most 4.0 days, 85 % at most 13 days, the slowest 13 days.");
        List<CycleTimeViewModel.Row> rows = List.copyOf(cycle.slowest());
        assertThat(rows).extracting(CycleTimeViewModel.Row::cardId).containsExactly(1L, 3L, 2L, 4L, 8L, 5L);
        assertThat(rows.get(0)).isEqualTo(new CycleTimeViewModel.Row(1, "Task 1", "13 days", "Done (finished)", "Doing, 6.1 days"));
        assertThat(rows.get(1)).isEqualTo(new CycleTimeViewModel.Row(3, "Task 3", "6.6 days", "Review", "Review, 3.6 days"));
        assertThat(rows.get(5)).isEqualTo(new CycleTimeViewModel.Row(5, "Task 5", "2.0 days", "Dropped (finished)", "Todo, 4.0 days"));
        assertThat(CycleTimeViewModel.unit(cycle.resultProperty().get().times())).isEqualTo(TimeText.Unit.DAYS);

        cycle.open(rows.get(1));
        cycle.open(null);
        assertThat(opened).containsExactly(3L);
    }

    @Test
    void throughputSaysHowManyFinishedAWeek() {
        InsightViewModel model = model(WORKFLOW, source(WORKFLOW, HISTORY));
        pickFirstWeekOfMarch(model);

        assertThat(model.throughput().throughputProperty().get().total()).isEqualTo(4);
        assertThat(model.throughput().summaryProperty().get())
                .isEqualTo("4 tasks reached a final state in this period: 4.0 a week on average over 1 week.");
    }

    @Test
    void aWorkflowWithoutAFinalStateSaysThatNothingIsEverFinished() {
        Workflow publishing = WorkflowCatalog.bundled().get("WF-SFTR-PUB");
        InsightViewModel model = model(publishing, source(publishing, List.of(
                StateChange.created(1, FlowHistory.at("03-10 09:00"), "draft"))));

        assertThat(model.throughput().summaryProperty().get()).isEqualTo("Interface publishing has no final state: "
                + "no interface release is ever finished, so there is no throughput to show.");
        assertThat(model.cycleTimes().leadTimeProperty().get()).startsWith("Interface publishing has no final state");
        assertThat(model.cycleTimes().slowest()).extracting(CycleTimeViewModel.Row::cardId).containsExactly(1L);
    }

    @Test
    void theDiagramHighlightsTheSelectedCardAndSavesAsSvg(@TempDir Path dir) throws Exception {
        InsightViewModel model = model(WORKFLOW, source(WORKFLOW, HISTORY));
        DiagramViewModel diagram = model.diagram();
        assertThat(diagram.captionProperty().get())
                .isEqualTo("Flow test: 5 states, 5 transitions. Select a card on the board to see where it can go.");

        diagram.selectedProperty().set(new DiagramViewModel.SelectedCard(3, "Task 3", "review"));
        assertThat(diagram.diagramProperty().get().currentState()).contains("review");
        assertThat(diagram.captionProperty().get())
                .isEqualTo("\u201cTask 3\u201d is in Review; its 2 possible next events stand out.");
        assertThat(diagram.diagramProperty().get().state("done").orElseThrow().cards()).isEqualTo(3);

        Path svg = dir.resolve("flow.svg");
        diagram.saveSvg(svg);
        assertThat(diagram.messageProperty().get()).isEqualTo("Saved to " + svg + ".");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        assertThat(f.newDocumentBuilder().parse(new InputSource(new StringReader(Files.readString(svg))))
                .getElementsByTagNameNS("*", "g").getLength()).isEqualTo(1 + 5 + 5); // start, states, transitions

        Path nowhere = dir.resolve("missing").resolve("flow.svg");
        diagram.saveSvg(nowhere);
        assertThat(diagram.messageProperty().get())
                .isEqualTo("The picture could not be saved to " + nowhere + ": the folder does not exist; choose another one.");
    }

    @Test
    void aHistoryThatCannotBeReadIsSaidInASentence() {
        InsightSource broken = new InsightSource() {
            @Override
            public List<StateChange> history(String workflowId) {
                throw new network.higherself.console.store.StoreException("The board's history could not be read: disk gone", null);
            }

            @Override
            public Map<String, Long> cardsByState(String workflowId) {
                return Map.of();
            }

            @Override
            public Map<Long, String> titles(Collection<Long> cardIds) {
                return Map.of();
            }
        };
        InsightViewModel model = model(WORKFLOW, broken);

        assertThat(model.problemProperty().get()).isEqualTo("The board's history could not be read: disk gone");
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.flow().flowProperty().get()).isNull();
    }

    @Test
    void chartAxesStepIn1_2_5_10AndTimesAreSaidInHoursThenDays() {
        assertThat(List.of(CountAxis.step(0, 10), CountAxis.step(10, 10), CountAxis.step(16, 10), CountAxis.step(45, 6),
                CountAxis.step(101, 10), CountAxis.step(1000, 10), CountAxis.step(1001, 10)))
                .containsExactly(1L, 1L, 2L, 10L, 20L, 100L, 200L);
        assertThat(List.of(TimeText.of(java.time.Duration.ofMinutes(59)), TimeText.of(java.time.Duration.ofMinutes(90)),
                TimeText.of(java.time.Duration.ofHours(47)), TimeText.of(java.time.Duration.ofHours(48)),
                TimeText.of(java.time.Duration.ofHours(239)), TimeText.of(java.time.Duration.ofHours(240))))
                .containsExactly("under 1 h", "2 h", "47 h", "2.0 days", "10 days", "10 days");
    }
}
