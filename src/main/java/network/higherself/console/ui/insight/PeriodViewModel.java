package network.higherself.console.ui.insight;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import network.higherself.console.insight.Period;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The period the charts show: a first and a last day the person picks (or a preset: the last 4 or 13 weeks, the
 * last year), in the console clock's zone. The period changes only to a valid one; otherwise {@link #problem} says
 * what is wrong with the days picked.
 */
public final class PeriodViewModel {

    /** The presets: the last 4 weeks, 13 weeks, 52 weeks. */
    public static final int[] PRESET_WEEKS = {4, 13, 52};

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Clock clock;
    private final ObjectProperty<LocalDate> first = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> last = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Period> period = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public PeriodViewModel(Clock clock) {
        this.clock = clock;
        lastWeeks(PRESET_WEEKS[0]);
        first.addListener((o, a, b) -> check());
        last.addListener((o, a, b) -> check());
        check();
    }

    public ObjectProperty<LocalDate> firstProperty() {
        return first;
    }

    public ObjectProperty<LocalDate> lastProperty() {
        return last;
    }

    /** The period shown: the last valid one picked. */
    public ReadOnlyObjectProperty<Period> periodProperty() {
        return period.getReadOnlyProperty();
    }

    /** What is wrong with the days picked, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The {@code weeks} weeks that end today. */
    public void lastWeeks(int weeks) {
        LocalDate today = today();
        last.set(today);
        first.set(today.minusWeeks(weeks).plusDays(1));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private void check() {
        LocalDate from = first.get();
        LocalDate to = last.get();
        if (from == null || to == null) {
            problem.set("Pick the period's first and last day.");
        } else if (to.isBefore(from)) {
            problem.set("The period ends (" + DAY.format(to) + ") before it begins (" + DAY.format(from) + "): pick the days again.");
        } else if (to.isAfter(today())) {
            problem.set("The period cannot end after today (" + DAY.format(today()) + "): nothing has happened there yet.");
        } else if (to.toEpochDay() - from.toEpochDay() >= Period.MAX_DAYS) {
            problem.set("Pick a period of at most ten years.");
        } else {
            problem.set("");
            period.set(new Period(from, to, clock.getZone()));
        }
    }
}
