package network.higherself.console.ui.insight;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import network.higherself.console.insight.StateChange;
import network.higherself.console.insight.TextMeasure;
import network.higherself.console.store.StoreException;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Workflow;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A board's insight window: its history and card counts (read in the background, again on {@link #refresh}), the
 * period the charts show, and the view models of its four views: the workflow drawn, the cumulative flow, cycle
 * times and throughput.
 */
public final class InsightViewModel {

    private final Workflow workflow;
    private final InsightSource source;
    private final BackgroundExecutor executor;
    private final ObjectProperty<List<StateChange>> history = new SimpleObjectProperty<>();
    private final ObjectProperty<Map<String, Long>> cardsByState = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty problem = new SimpleStringProperty("");
    private final PeriodViewModel period;
    private final DiagramViewModel diagram;
    private final FlowViewModel flow;
    private final CycleTimeViewModel cycleTimes;
    private final ThroughputViewModel throughput;

    /**
     * @param measure  how wide the window's text is (for the diagram's boxes)
     * @param openCard opens a card (from the slowest cards' list)
     */
    public InsightViewModel(Workflow workflow, InsightSource source, BackgroundExecutor executor, Clock clock,
                            TextMeasure measure, LongConsumer openCard) {
        this.workflow = workflow;
        this.source = source;
        this.executor = executor;
        this.period = new PeriodViewModel(clock);
        this.diagram = new DiagramViewModel(workflow, cardsByState, executor, measure);
        this.flow = new FlowViewModel(workflow, history, period.periodProperty(), executor);
        this.cycleTimes = new CycleTimeViewModel(workflow, history, period.periodProperty(), source, executor, clock, openCard);
        this.throughput = new ThroughputViewModel(workflow, history, period.periodProperty(), executor);
    }

    /** Reads the board's history and card counts again; the views follow. */
    public void refresh() {
        loading.set(true);
        executor.run(() -> new Loaded(source.history(workflow.id()), source.cardsByState(workflow.id())), loaded -> {
            loading.set(false);
            problem.set("");
            cardsByState.set(loaded.cards());
            history.set(loaded.history());
        }, e -> {
            loading.set(false);
            // the store says what it could not read; anything else is said here
            problem.set(e instanceof StoreException ? e.getMessage() : "The board's history could not be read: " + e.getMessage());
        });
    }

    private record Loaded(List<StateChange> history, Map<String, Long> cards) {
    }

    public Workflow workflow() {
        return workflow;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** Why the history could not be read, or empty. */
    public StringProperty problemProperty() {
        return problem;
    }

    public PeriodViewModel period() {
        return period;
    }

    public DiagramViewModel diagram() {
        return diagram;
    }

    public FlowViewModel flow() {
        return flow;
    }

    public CycleTimeViewModel cycleTimes() {
        return cycleTimes;
    }

    public ThroughputViewModel throughput() {
        return throughput;
    }
}
