package network.higherself.console.ui.card;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import network.higherself.console.agent.CardChecklist;
import network.higherself.console.agent.TaskItem;
import network.higherself.console.staff.Actor;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Workflow;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The card dialog's checklist: hidden while the card has none. Its tasks can be ticked only while it is open, the
 * person may edit the card and no tick is under way; otherwise {@link #noticeProperty()} says why. A tick runs on
 * the background executor as the signed-in person; its refusal or failure is this part's {@link #messageProperty()},
 * and the boxes show what is stored again, so a refused one goes back by itself.
 */
public final class CardChecklistViewModel {

    /**
     * One task: what, whether required, and the line under it: who ticked it when ("Done by theo  ·  2026-11-02
     * 09:00"), else "Required" or "Optional".
     */
    public record TaskRow(long id, String kind, String title, boolean required, boolean done, String detail) {
    }

    private final ChecklistStore store;
    private final BackgroundExecutor executor;
    private final Supplier<Actor> actor;
    private final ZoneId zone;
    private final Runnable onTicked;

    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper madeBy = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper tickable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<TaskRow> tasks = FXCollections.observableArrayList();
    private Workflow workflow;
    private Long cardId;
    private CardChecklist shownChecklist;
    private boolean open;
    private boolean changed;

    /**
     * {@code onTicked} runs (on the JavaFX thread) after a tick was saved, e.g. to read the card's history again.
     */
    public CardChecklistViewModel(ChecklistStore store, BackgroundExecutor executor, Supplier<Actor> actor, ZoneId zone,
                                  Runnable onTicked) {
        this.store = Objects.requireNonNull(store);
        this.executor = Objects.requireNonNull(executor);
        this.actor = Objects.requireNonNull(actor);
        this.zone = Objects.requireNonNull(zone);
        this.onTicked = Objects.requireNonNull(onTicked);
        busy.addListener((obs, old, now) -> tickable.set(open && !now));
    }

    /** Shows card {@code cardId}'s checklist as read ({@code null}: the card has none, and nothing shows). */
    public void show(Workflow workflow, long cardId, CardChecklist checklist) {
        this.workflow = Objects.requireNonNull(workflow);
        this.cardId = cardId;
        showChecklist(checklist);
    }

    /**
     * Ticks ({@code done}) or unticks a task as the signed-in person, in the background. Done, the checklist is read
     * again; refused (no right, the card has left the checklist's state, someone else ticked it at the same moment)
     * or failed, {@link #messageProperty()} says why and the checklist shows what is stored, so the box goes back.
     */
    public void tick(TaskRow task, boolean done) {
        if (!tickable.get() || cardId == null) {
            showChecklist(shownChecklist); // whatever the box shows now, it shows what is stored again
            return;
        }
        Actor who = actor.get();
        long id = cardId;
        busy.set(true);
        executor.run(() -> store.tick(task.id(), done, who),
                outcome -> {
                    if (outcome.isDone()) {
                        changed = true; // the board's card shows the checklist's progress
                        onTicked.run();
                    }
                    // read again in a second step: a tick that was saved is never reported as failed
                    executor.run(() -> store.load(id, who).orElse(null),
                            c -> {
                                busy.set(false);
                                showChecklist(c);
                                message.set(outcome.isDone() ? null : outcome.message());
                            },
                            e -> {
                                busy.set(false);
                                showChecklist(shownChecklist);
                                message.set(outcome.message() + " The checklist could not be read again: "
                                        + CardDetailsViewModel.describe(e) + " Close the card and open it again to see it.");
                            });
                },
                e -> {
                    busy.set(false);
                    showChecklist(shownChecklist);
                    message.set("'" + task.title() + "' could not be " + (done ? "ticked" : "unticked") + ": "
                            + CardDetailsViewModel.describe(e) + " Try again, and if it keeps failing, see the log.");
                });
    }

    /** Whether a task was ticked or unticked while the card was open (the board then reads it again). */
    public boolean changed() {
        return changed;
    }

    private void showChecklist(CardChecklist c) {
        shownChecklist = c;
        open = c != null && c.tickable();
        tickable.set(open && !busy.get());
        shown.set(c != null);
        if (c == null) {
            tasks.clear();
            notice.set(null);
            return;
        }
        String state = CardDetailsViewModel.stateName(workflow, c.state());
        title.set(state + " checklist");
        progress.set(c.doneCount() + " of " + c.tasks().size() + " done");
        complete.set(c.tasks().stream().noneMatch(t -> t.required() && !t.done()));
        madeBy.set("Made by " + CardDetailsViewModel.person(c.madeBy()) + " when the " + workflow.cardNoun() + " entered " + state);
        if (!c.open()) {
            notice.set("This checklist is closed: the " + workflow.cardNoun() + " is in "
                    + CardDetailsViewModel.stateName(workflow, c.cardState()) + " now, so its tasks can no longer be ticked.");
        } else if (c.forbidden() != null) {
            notice.set("You can read this checklist but not tick it: " + c.forbidden());
        } else {
            notice.set(null);
        }
        List<TaskRow> rows = new ArrayList<>();
        for (TaskItem t : c.tasks()) {
            rows.add(new TaskRow(t.id(), t.kind(), t.title(), t.required(), t.done(),
                    t.done() ? "Done by " + CardDetailsViewModel.person(t.doneBy()) + "  \u00b7  "
                            + CardDetailsViewModel.WHEN.format(t.doneAt().atZone(zone))
                            : t.required() ? "Required" : "Optional"));
        }
        tasks.setAll(rows); // always a change: a refused tick's box goes back to what is stored
    }

    /** Whether the card has a checklist. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** "Preparation checklist". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "1 of 4 done". */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Whether every required task is done (so it no longer holds the card back). */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    /** "Made by Ruvo when the booking entered Preparation". */
    public ReadOnlyStringProperty madeByProperty() {
        return madeBy.getReadOnlyProperty();
    }

    /** Why the tasks cannot be ticked (the checklist is closed, or the person may not edit the card), or null. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Why the last tick was refused or failed; null when the last one was saved. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether a task can be ticked now. */
    public ReadOnlyBooleanProperty tickableProperty() {
        return tickable.getReadOnlyProperty();
    }

    /** Whether a tick is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The tasks in order, as stored (a refused tick puts its box back by publishing them again). */
    public ObservableList<TaskRow> tasks() {
        return tasks;
    }
}
