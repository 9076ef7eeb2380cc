package network.higherself.console.ui.insight;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import network.higherself.console.insight.Period;
import network.higherself.console.insight.StateChange;
import network.higherself.console.insight.Throughput;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Workflow;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Throughput of a board over the period picked: cards reaching a final state per week, by final state. */
public final class ThroughputViewModel {

    private final Workflow workflow;
    private final Computed<Throughput> throughput;
    private final StringProperty summary = new SimpleStringProperty("");

    ThroughputViewModel(Workflow workflow, ObservableValue<List<StateChange>> history, ObservableValue<Period> period,
                        BackgroundExecutor executor) {
        this.workflow = workflow;
        this.throughput = new Computed<>(executor, () -> {
            List<StateChange> h = history.getValue();
            Period p = period.getValue();
            return h == null || p == null ? null : (Callable<Throughput>) () -> Throughput.of(workflow, h, p);
        }, "The throughput could not be worked out", history, period);
        throughput.value().addListener((o, a, t) -> summary.set(summarize(t)));
    }

    public Workflow workflow() {
        return workflow;
    }

    public ReadOnlyObjectProperty<Throughput> throughputProperty() {
        return throughput.value();
    }

    public ReadOnlyStringProperty problemProperty() {
        return throughput.problem();
    }

    /** The period's throughput in a sentence. */
    public StringProperty summaryProperty() {
        return summary;
    }

    private String summarize(Throughput t) {
        if (t == null) {
            return "";
        }
        if (t.finalStates().isEmpty()) {
            return workflow.board() + " has no final state: no " + workflow.cardNoun() + " is ever finished, so there is no throughput to show.";
        }
        long total = t.total();
        String cards = total == 1 ? "1 " + workflow.cardNoun() : total + " " + FlowViewModel.plural(workflow.cardNoun());
        return cards + " reached a final state in this period: " + String.format(Locale.ROOT, "%.1f", (double) total / t.weeks().size())
                + " a week on average over " + t.weeks().size() + (t.weeks().size() == 1 ? " week." : " weeks.");
    }
}
