package network.higherself.console.ui.sync;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.sync.Sync;
import network.higherself.console.ui.common.BackgroundExecutor;

import java.util.function.Supplier;

/**
 * The open sync conflicts of the person signed in (everyone's for a manager or an administrator): each change of
 * theirs that lost to another desktop's, with what happened instead and by whom, and the two ways out: apply it
 * again from the card's new state (through the change pipeline, refused with its sentence where it is not legal
 * there) or let it go. Both are audited.
 */
public final class ConflictsViewModel {

    private final Sync sync;
    private final BackgroundExecutor executor;
    private final Supplier<Actor> actor;
    private final ObservableList<Sync.Conflict> conflicts = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");

    public ConflictsViewModel(Sync sync, BackgroundExecutor executor, Supplier<Actor> actor) {
        this.sync = sync;
        this.executor = executor;
        this.actor = actor;
    }

    public ObservableList<Sync.Conflict> conflicts() {
        return conflicts;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Whether the person sees everyone's conflicts (a manager or an administrator), not only their own. */
    public boolean seesEveryone() {
        Actor a = actor.get();
        return a.hasRole(Role.MANAGER) || a.hasRole(Role.ADMINISTRATOR);
    }

    public void load(Runnable then) {
        executor.run(() -> sync.openConflicts(seesEveryone() ? null : actor.get().auditName()), rows -> {
            conflicts.setAll(rows);
            then.run();
        }, e -> message.set("The conflicts could not be read: " + e.getMessage()));
    }

    public void applyAgain(Sync.Conflict c, Runnable then) {
        decide(() -> sync.applyAgain(c.id(), actor.get()), then);
    }

    public void letGo(Sync.Conflict c, Runnable then) {
        decide(() -> sync.letGo(c.id(), actor.get()), then);
    }

    private void decide(java.util.concurrent.Callable<Outcome> work, Runnable then) {
        executor.run(work, o -> {
            message.set(o.isDone() ? o.message() : "Not applied: " + o.message());
            load(then);
        }, e -> message.set(e.getMessage()));
    }
}
