package network.higherself.console.ui.insight;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import network.higherself.console.insight.CycleTimes;
import network.higherself.console.insight.Period;
import network.higherself.console.insight.Spread;
import network.higherself.console.insight.StateChange;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.Workflow;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;

/**
 * Cycle and lead times of a board over the period picked: the time cards spent in each state (median and 85th
 * percentile), the lead time from creation to a final state, and the slowest cards, which open on a double click.
 */
public final class CycleTimeViewModel {

    /** How many of the slowest cards are listed. */
    public static final int SLOWEST = 12;

    /** A line of the slowest cards' list, as it reads. */
    public record Row(long cardId, String title, String time, String where, String longest) {
    }

    /** The times and the titles of the slowest cards (read with them in the background). */
    public record Result(CycleTimes times, Map<Long, String> titles) {
    }

    private final Workflow workflow;
    private final Computed<Result> result;
    private final ObservableList<Row> slowest = FXCollections.observableArrayList();
    private final StringProperty leadTime = new SimpleStringProperty("");
    private final LongConsumer openCard;

    CycleTimeViewModel(Workflow workflow, ObservableValue<List<StateChange>> history, ObservableValue<Period> period,
                       InsightSource source, BackgroundExecutor executor, Clock clock, LongConsumer openCard) {
        this.workflow = workflow;
        this.openCard = openCard;
        this.result = new Computed<>(executor, () -> {
            List<StateChange> h = history.getValue();
            Period p = period.getValue();
            if (h == null || p == null) {
                return null;
            }
            java.time.Instant now = clock.instant();
            return (Callable<Result>) () -> {
                CycleTimes times = CycleTimes.of(workflow, h, p, now, SLOWEST);
                return new Result(times, source.titles(times.slowest().stream().map(CycleTimes.SlowCard::cardId).toList()));
            };
        }, "The cycle times could not be worked out", history, period);
        result.value().addListener((o, a, r) -> show(r));
    }

    public Workflow workflow() {
        return workflow;
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.value();
    }

    public ReadOnlyStringProperty problemProperty() {
        return result.problem();
    }

    /** The slowest cards, slowest first. */
    public ObservableList<Row> slowest() {
        return slowest;
    }

    /** The lead time in a sentence. */
    public StringProperty leadTimeProperty() {
        return leadTime;
    }

    /** Opens a card of the list. */
    public void open(Row row) {
        if (row != null) {
            openCard.accept(row.cardId());
        }
    }

    /** The unit the chart of time per state is drawn in. */
    static TimeText.Unit unit(CycleTimes times) {
        Duration longest = times.states().stream().flatMap(s -> s.spread().stream()).map(Spread::p85)
                .max(Duration::compareTo).orElse(Duration.ZERO);
        return TimeText.Unit.fitting(longest);
    }

    private void show(Result r) {
        if (r == null) {
            return;
        }
        CycleTimes t = r.times();
        if (workflow.finalStates().isEmpty()) {
            leadTime.set(workflow.board() + " has no final state: no " + workflow.cardNoun()
                    + " is ever finished, so there is no lead time. The list shows the oldest open ones.");
        } else if (t.leadTime().isEmpty()) {
            leadTime.set("No " + workflow.cardNoun() + " reached a final state in this period.");
        } else {
            Spread s = t.leadTime().get();
            leadTime.set(s.cards() == 1
                    ? "One " + workflow.cardNoun() + " was finished in this period: it took " + TimeText.of(s.median())
                    + " from its creation to a final state."
                    : s.cards() + " " + FlowViewModel.plural(workflow.cardNoun()) + " were finished in this period. From creation "
                    + "to a final state, half took at most " + TimeText.of(s.median()) + ", 85 % at most " + TimeText.of(s.p85())
                    + ", the slowest " + TimeText.of(s.longest()) + ".");
        }
        slowest.setAll(t.slowest().stream().map(c -> new Row(c.cardId(),
                r.titles().getOrDefault(c.cardId(), "#" + c.cardId()), TimeText.of(c.time()),
                c.finished() ? Labels.humanize(c.state()) + " (finished)" : Labels.humanize(c.state()),
                c.longestTime().isZero() ? "" : Labels.humanize(c.longestState()) + ", " + TimeText.of(c.longestTime())))
                .toList());
    }
}
