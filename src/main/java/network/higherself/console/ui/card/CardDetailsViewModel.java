package network.higherself.console.ui.card;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import network.higherself.console.agent.CardChecklist;
import network.higherself.console.cardform.CardForm;
import network.higherself.console.cardform.CardForms;
import network.higherself.console.staff.Actor;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The card dialog: its heading (the card's title, board, kind, state) and its three parts, each with its own view
 * model and message — the {@link CardFormViewModel form}, the {@link CardChecklistViewModel checklist} (ticked from
 * here) and the {@link CardHistoryViewModel history}. Opening reads the card and its checklist in one background
 * step and hands each part what it shows; everything here is touched on the JavaFX thread only.
 */
public final class CardDetailsViewModel {

    public enum Mode { EDIT, CREATE }

    /** What a background read of the card brings back: its form and its checklist (null when it has none). */
    private record Loaded(CardForm form, CardChecklist checklist) {
    }

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final CardForms forms;
    private final ChecklistStore checklists;
    private final BackgroundExecutor executor;
    private final WorkflowCatalog workflows;
    private Workflow workflow;
    private final Supplier<Actor> actor;
    private final ZoneId zone;
    private final Mode mode;
    private final Long cardId;
    private final CardFormViewModel form;
    private final CardChecklistViewModel checklist;
    private final CardHistoryViewModel history;

    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subheading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stateLabel = new ReadOnlyStringWrapper("");
    /** Whether the person may take back the card's last move now (read with the card). */
    private final javafx.beans.property.ReadOnlyBooleanWrapper undoable = new javafx.beans.property.ReadOnlyBooleanWrapper();
    /** What became of taking the last move back: done, or why not. */
    private final ReadOnlyStringWrapper undoMessage = new ReadOnlyStringWrapper("");
    private long versionSeen;
    private boolean corrected;

    private CardDetailsViewModel(CardForms forms, ChecklistStore checklists, BackgroundExecutor executor,
                                 WorkflowCatalog workflows, Workflow workflow, Supplier<Actor> actor, ZoneId zone, Mode mode,
                                 Long cardId) {
        this.forms = Objects.requireNonNull(forms);
        this.checklists = Objects.requireNonNull(checklists);
        this.executor = Objects.requireNonNull(executor);
        this.workflows = Objects.requireNonNull(workflows);
        this.workflow = workflow;
        this.actor = Objects.requireNonNull(actor);
        this.zone = Objects.requireNonNull(zone);
        this.mode = mode;
        this.cardId = cardId;
        this.form = new CardFormViewModel(forms, executor, actor, cardId);
        this.history = new CardHistoryViewModel(forms, executor, zone);
        this.checklist = new CardChecklistViewModel(checklists, executor, actor, zone, () -> history.reload(cardId));
        heading.set(mode == Mode.CREATE ? "New " + workflow.cardNoun() : "Card #" + cardId);
        subheading.set(mode == Mode.CREATE ? workflow.board() : "");
    }

    /**
     * The dialog of an existing card (its workflow is known once it is loaded), with its checklist from
     * {@code checklists} when it has one.
     */
    public static CardDetailsViewModel edit(CardForms forms, ChecklistStore checklists, BackgroundExecutor executor,
                                            WorkflowCatalog workflows, Supplier<Actor> actor, ZoneId zone, long cardId) {
        return new CardDetailsViewModel(forms, checklists, executor, workflows, null, actor, zone, Mode.EDIT, cardId);
    }

    /** The dialog of a new card of {@code workflow} (a new card has no checklist yet: agents make them on a move). */
    public static CardDetailsViewModel create(CardForms forms, BackgroundExecutor executor, WorkflowCatalog workflows,
                                              Workflow workflow, Supplier<Actor> actor, ZoneId zone) {
        return new CardDetailsViewModel(forms, ChecklistStore.NONE, executor, workflows, Objects.requireNonNull(workflow), actor,
                zone, Mode.CREATE, null);
    }

    /** Reads the card (or a new card's choices) in the background; the parts fill when it is done. */
    public void load() {
        form.loading();
        Actor who = mode == Mode.EDIT ? actor.get() : null;
        executor.run(() -> mode == Mode.EDIT
                        ? new Loaded(forms.load(cardId), who == null ? null : checklists.load(cardId, who).orElse(null))
                        : new Loaded(forms.blank(workflow.id()), null),
                this::loaded,
                e -> form.broken("The " + noun() + " could not be opened: " + describe(e)
                        + (e instanceof IllegalStateException ? "" : " Close this window and try again; if it keeps failing, see the log.")));
    }

    private void loaded(Loaded l) {
        CardForm f = l.form();
        this.workflow = workflows.get(f.workflowId());
        if (mode == Mode.EDIT) {
            Object title = f.values().get("title");
            heading.set(title == null ? heading.get() : title.toString());
            String since = f.stateSince() == null ? "" : "  \u00b7  since " + WHEN.format(f.stateSince().atZone(zone));
            subheading.set(workflow.board() + "  \u00b7  " + Labels.humanize(f.kindLabel()) + " #" + f.cardId() + since);
            stateLabel.set(stateName(workflow, f.state()));
            history.show(workflow, f.fields(), f.history());
            versionSeen = f.version();
            Actor who = actor.get();
            executor.run(() -> forms.whyNotCorrect(cardId, who), why -> undoable.set(why.isEmpty()), e -> undoable.set(false));
            checklist.show(workflow, cardId, l.checklist());
        } else {
            stateLabel.set("starts in " + stateName(workflow, f.state()));
        }
        form.show(f, workflow);
    }

    /** A state's label ("Quote provided"), or its id made readable when the workflow no longer has it. */
    static String stateName(Workflow workflow, String stateId) {
        if (stateId == null) {
            return "";
        }
        return workflow.state(stateId).map(State::label).orElse(Labels.humanize(stateId));
    }

    /** An actor's audit name as a person reads it: "agent:Ruvo" is Ruvo. */
    static String person(String auditName) {
        return auditName == null ? "someone" : auditName.startsWith("agent:") ? auditName.substring(6) : auditName;
    }

    /** A failure's own sentence, or its kind when it has none. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() + "." : m;
    }

    /** Whether a task was ticked or unticked, or a move taken back, while the card was open (the board then reads it again). */
    public boolean checklistChanged() {
        return checklist.changed() || corrected;
    }

    /** Whether "Undo last move" is offered: the person may take the card's last move back now. */
    public javafx.beans.property.ReadOnlyBooleanProperty undoableProperty() {
        return undoable.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyStringProperty undoMessageProperty() {
        return undoMessage.getReadOnlyProperty();
    }

    /**
     * Takes back the card's last move (the card as it was opened) with {@code reason}, through the card service in
     * the background; done, the card is read again (its column, its history).
     */
    public void undoLastMove(String reason) {
        Actor who = actor.get();
        undoable.set(false);
        executor.run(() -> forms.correct(cardId, versionSeen, who, reason), outcome -> {
            undoMessage.set(outcome.message());
            if (outcome.isDone()) {
                corrected = true;
                load();
            }
        }, e -> undoMessage.set("The move could not be taken back: " + describe(e)));
    }

    public Mode mode() {
        return mode;
    }

    /** The card's workflow (null until an existing card is loaded). */
    public Workflow workflow() {
        return workflow;
    }

    /** What the card is called: "booking", or "card" while it is not known yet. */
    public String noun() {
        return workflow == null ? "card" : workflow.cardNoun();
    }

    /** The card's id (null for a new card). */
    public Long cardId() {
        return cardId;
    }

    public CardFormViewModel form() {
        return form;
    }

    public CardChecklistViewModel checklist() {
        return checklist;
    }

    public CardHistoryViewModel history() {
        return history;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subheadingProperty() {
        return subheading.getReadOnlyProperty();
    }

    /** The card's state ("Quote provided"), or where a new card starts ("starts in Concept"). */
    public ReadOnlyStringProperty stateLabelProperty() {
        return stateLabel.getReadOnlyProperty();
    }
}
