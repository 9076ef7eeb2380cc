package network.higherself.console.ui.insight;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import network.higherself.console.insight.CumulativeFlow;
import network.higherself.console.insight.Period;
import network.higherself.console.insight.StateChange;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Workflow;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The cumulative flow of a board over the period picked: cards per state per day, from the audit trail. */
public final class FlowViewModel {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final Workflow workflow;
    private final Computed<CumulativeFlow> flow;
    private final StringProperty summary = new SimpleStringProperty("");

    FlowViewModel(Workflow workflow, ObservableValue<List<StateChange>> history, ObservableValue<Period> period,
                  BackgroundExecutor executor) {
        this.workflow = workflow;
        this.flow = new Computed<>(executor, () -> {
            List<StateChange> h = history.getValue();
            Period p = period.getValue();
            return h == null || p == null ? null : (Callable<CumulativeFlow>) () -> CumulativeFlow.of(workflow, h, p);
        }, "The flow could not be worked out", history, period);
        flow.value().addListener((o, a, f) -> summary.set(summarize(f)));
    }

    public Workflow workflow() {
        return workflow;
    }

    public ReadOnlyObjectProperty<CumulativeFlow> flowProperty() {
        return flow.value();
    }

    public ReadOnlyStringProperty problemProperty() {
        return flow.problem();
    }

    /** The period's flow in a sentence: how many cards there were at its start and end, how many finished. */
    public StringProperty summaryProperty() {
        return summary;
    }

    private String summarize(CumulativeFlow f) {
        if (f == null || f.days().isEmpty()) {
            return "";
        }
        int last = f.days().size() - 1;
        if (f.total(last) == 0) {
            return "No " + workflow.cardNoun() + " was on the board in this period.";
        }
        String end = day(f, last) + " " + day(f, 0);
        if (workflow.finalStates().isEmpty()) {
            return end;
        }
        return end + " The final states hold " + (finished(f, last) - finished(f, 0)) + " more at the end than at the start.";
    }

    /** "On 8 Mar: 12 bookings, 9 of them in progress." */
    private String day(CumulativeFlow f, int day) {
        long all = f.total(day);
        String on = "On " + DAY.format(f.days().get(day)) + ": ";
        if (all == 0) {
            return on + "none.";
        }
        return on + cards(all) + (workflow.finalStates().isEmpty() ? "." : ", " + (all - finished(f, day)) + " of them in progress.");
    }

    private static long finished(CumulativeFlow f, int day) {
        return f.bands().stream().filter(CumulativeFlow.Band::last).mapToLong(b -> b.cards().get(day)).sum();
    }

    private String cards(long n) {
        return n == 1 ? "1 " + workflow.cardNoun() : n + " " + plural(workflow.cardNoun());
    }

    static String plural(String noun) {
        return noun.endsWith("s") ? noun : noun + "s";
    }
}
