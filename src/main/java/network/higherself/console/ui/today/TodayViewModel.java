package network.higherself.console.ui.today;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Rights;
import network.higherself.console.store.CardSummary;
import network.higherself.console.today.Today;
import network.higherself.console.today.TodayGroup;
import network.higherself.console.today.TodayLine;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.WorkflowCatalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Today view's state: the groups of what needs someone today for the person signed in (read in the background
 * with their rights, at the console's clock), the date it was read for, and whether Today opens first for them.
 */
public final class TodayViewModel {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final Today today;
    private final WorkflowCatalog workflows;
    private final Function<Actor, Rights> rightsOf;
    private final Supplier<Actor> actor;
    private final BackgroundExecutor executor;
    private final Clock clock;
    private final ObservableList<TodayGroup> groups = FXCollections.observableArrayList();
    private final StringProperty date = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final BooleanProperty opensFirst = new SimpleBooleanProperty();
    private int reads;

    public TodayViewModel(Today today, WorkflowCatalog workflows, Function<Actor, Rights> rightsOf, Supplier<Actor> actor,
                          BackgroundExecutor executor, Clock clock) {
        this.today = today;
        this.workflows = workflows;
        this.rightsOf = rightsOf;
        this.actor = actor;
        this.executor = executor;
        this.clock = clock;
    }

    /** The groups that have lines, in order; empty when nothing needs anyone (then {@link #messageProperty} says so). */
    public ObservableList<TodayGroup> groups() {
        return groups;
    }

    /** "Monday 2 November". */
    public StringProperty dateProperty() {
        return date;
    }

    /** What to say instead of the groups: nothing needs anyone, or why the view could not be read. */
    public StringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Whether Today opens first when this person signs in (the window remembers it per person). */
    public BooleanProperty opensFirstProperty() {
        return opensFirst;
    }

    /** Reads the view again for the person signed in, at the clock's time; {@code ready} runs once it is shown. */
    public void refresh(Runnable ready) {
        Actor who = actor.get();
        java.time.Instant now = clock.instant();
        int read = ++reads;
        loading.set(true);
        executor.run(() -> today.read(rightsOf.apply(who), now, clock.getZone()), result -> {
            if (read != reads) {
                return; // a newer read is on its way
            }
            loading.set(false);
            date.set(DATE.format(LocalDate.ofInstant(now, clock.getZone())));
            groups.setAll(result);
            message.set(result.isEmpty() ? "Nothing needs anyone today on the boards you may view." : "");
            ready.run();
        }, e -> {
            if (read == reads) {
                loading.set(false);
                groups.clear();
                message.set("Today could not be read: " + (e.getMessage() == null ? e : e.getMessage())
                        + ". Details are in the log.");
            }
        });
    }

    public void refresh() {
        refresh(() -> {
        });
    }

    /** Where the line's card is, by people's words: "Wellness bookings · Preparation". */
    public String where(TodayLine line) {
        CardSummary c = line.card();
        return workflows.find(c.workflowId()).map(w -> w.board() + "  \u00b7  " + w.stateLabel(c.state()))
                .orElse(c.workflowId());
    }

    /** "Payments about to time out  2". */
    public static String heading(TodayGroup g) {
        return g.heading() + "  (" + g.lines().size() + ")";
    }
}
