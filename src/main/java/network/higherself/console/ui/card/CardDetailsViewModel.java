package network.higherself.console.ui.card;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import network.higherself.console.agent.CardChecklist;
import network.higherself.console.agent.TaskItem;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.EditDiff;
import network.higherself.console.card.CardField;
import network.higherself.console.card.FieldProblem;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The state and commands of the card form: one card's fields (or a new card's), what is wrong with them, why a
 * save was refused, the card's checklist (ticked from here) and its history. Loading, saving and ticking run on
 * the background executor; everything here is touched on the JavaFX thread only.
 */
public final class CardDetailsViewModel {

    public enum Mode { EDIT, CREATE }

    public enum Phase {
        /** Reading the card from the database. */
        LOADING,
        /** The form can be edited and saved. */
        READY,
        /** A save is under way. */
        SAVING,
        /** Saved (or created): the form has done its job. */
        DONE,
        /** The card could not be read: {@link #messageProperty()} says why. */
        BROKEN
    }

    /** One field of the form: its value, its value when loaded, and what is wrong with it. */
    public static final class FieldModel {
        private final CardField<?> field;
        private final Object original;
        private final ObjectProperty<Object> value;
        private final StringProperty inputProblem = new SimpleStringProperty();
        private final ReadOnlyStringWrapper formProblem = new ReadOnlyStringWrapper();
        private final StringExpression problem;

        FieldModel(CardField<?> field, Object original) {
            this.field = field;
            this.original = original;
            this.value = new SimpleObjectProperty<>(original);
            this.problem = Bindings.createStringBinding(
                    () -> inputProblem.get() != null ? inputProblem.get() : formProblem.get(), inputProblem, formProblem);
        }

        public CardField<?> field() {
            return field;
        }

        public Object original() {
            return original;
        }

        /** The field's value in the form (see {@link CardForm#values()}). */
        public ObjectProperty<Object> valueProperty() {
            return value;
        }

        /** What the editor found wrong with the input (set by the view from its {@link FieldEditor}). */
        public StringProperty inputProblemProperty() {
            return inputProblem;
        }

        /** What the card kind's own checks say about this field (dates in order, not negative...). */
        public ReadOnlyStringProperty formProblemProperty() {
            return formProblem.getReadOnlyProperty();
        }

        /** The sentence to show by the field, or null. */
        public StringExpression problemExpression() {
            return problem;
        }

        public String problem() {
            return problem.get();
        }

        public boolean changed() {
            return !CardFormStore.same(field, original, value.get());
        }
    }

    /**
     * The card's checklist, ready to show: hidden while the card has none. Its tasks can be ticked only while it is
     * open, the person may edit the card and no tick is under way; otherwise {@link #noticeProperty()} says why.
     */
    public static final class ChecklistSection {

        /**
         * One task: what, whether required, and the line under it: who ticked it when ("Done by theo  ·  2026-11-02
         * 09:00"), else "Required" or "Optional".
         */
        public record TaskRow(long id, String kind, String title, boolean required, boolean done, String detail) {
        }

        private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
        private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
        private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
        private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(false);
        private final ReadOnlyStringWrapper madeBy = new ReadOnlyStringWrapper("");
        private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper();
        private final ReadOnlyBooleanWrapper tickable = new ReadOnlyBooleanWrapper(false);
        private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
        private final ObservableList<TaskRow> tasks = FXCollections.observableArrayList();
        private boolean open;

        private ChecklistSection() {
            busy.addListener((obs, old, now) -> tickable.set(open && !now));
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

    /** What a background read of the card brings back: its form and its checklist (null when it has none). */
    private record Loaded(CardForm form, CardChecklist checklist) {
    }

    /** What a tick brings back: its outcome, the checklist as stored now, and the history when the tick was done. */
    private record Ticked(Outcome outcome, CardChecklist checklist, List<HistoryRow> history) {
    }

    /** One entry of the history timeline, ready to show. */
    public record TimelineEntry(AuditAction action, String what, String when, String who, List<String> details, String note) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final CardFormStore store;
    private final ChecklistStore checklists;
    private final BackgroundExecutor executor;
    private final WorkflowCatalog workflows;
    private Workflow workflow;
    private final Supplier<Actor> actor;
    private final ZoneId zone;
    private final Mode mode;
    private final Long cardId;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.LOADING);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subheading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stateLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final BooleanProperty saveAttempted = new SimpleBooleanProperty();
    private final ObservableList<FieldModel> fields = FXCollections.observableArrayList();
    private final ObservableList<TimelineEntry> history = FXCollections.observableArrayList();
    private final ObservableList<FieldProblem> formProblems = FXCollections.observableArrayList();
    private final ChecklistSection checklist = new ChecklistSection();
    private CardChecklist shownChecklist;
    /** The message a tick left in {@link #message}, which the next good tick clears (a save's refusal it leaves). */
    private String tickMessage;
    private boolean checklistChanged;
    private CardForm form;

    private CardDetailsViewModel(CardFormStore store, ChecklistStore checklists, BackgroundExecutor executor,
                                 WorkflowCatalog workflows, Workflow workflow, Supplier<Actor> actor, ZoneId zone, Mode mode,
                                 Long cardId) {
        this.store = Objects.requireNonNull(store);
        this.checklists = Objects.requireNonNull(checklists);
        this.executor = Objects.requireNonNull(executor);
        this.workflows = Objects.requireNonNull(workflows);
        this.workflow = workflow;
        this.actor = Objects.requireNonNull(actor);
        this.zone = Objects.requireNonNull(zone);
        this.mode = mode;
        this.cardId = cardId;
        heading.set(mode == Mode.CREATE ? "New " + workflow.cardNoun() : "Card #" + cardId);
        subheading.set(mode == Mode.CREATE ? workflow.board() : "");
    }

    /**
     * The form of an existing card (its workflow is known once it is loaded), with its checklist from
     * {@code checklists} when it has one.
     */
    public static CardDetailsViewModel edit(CardFormStore store, ChecklistStore checklists, BackgroundExecutor executor,
                                            WorkflowCatalog workflows, Supplier<Actor> actor, ZoneId zone, long cardId) {
        return new CardDetailsViewModel(store, checklists, executor, workflows, null, actor, zone, Mode.EDIT, cardId);
    }

    /** The form of a new card of {@code workflow} (a new card has no checklist yet: agents make them on a move). */
    public static CardDetailsViewModel create(CardFormStore store, BackgroundExecutor executor, WorkflowCatalog workflows,
                                              Workflow workflow, Supplier<Actor> actor, ZoneId zone) {
        return new CardDetailsViewModel(store, ChecklistStore.NONE, executor, workflows, Objects.requireNonNull(workflow), actor, zone,
                Mode.CREATE, null);
    }

    /** Reads the card (or a new card's choices) in the background; the fields appear when it is done. */
    public void load() {
        phase.set(Phase.LOADING);
        message.set(null);
        Actor who = mode == Mode.EDIT ? actor.get() : null;
        executor.run(() -> mode == Mode.EDIT
                        ? new Loaded(store.load(cardId), who == null ? null : checklists.load(cardId, who).orElse(null))
                        : new Loaded(store.blank(workflow.id()), null),
                l -> {
                    loaded(l.form());
                    showChecklist(l.checklist());
                },
                e -> {
                    phase.set(Phase.BROKEN);
                    message.set("The " + noun() + " could not be opened: " + describe(e)
                            + (e instanceof IllegalStateException ? "" : " Close this window and try again; if it keeps failing, see the log."));
                });
    }

    private void loaded(CardForm f) {
        this.form = f;
        this.workflow = workflows.get(f.workflowId());
        List<FieldModel> models = new ArrayList<>();
        for (CardField<?> field : f.fields()) {
            FieldModel m = new FieldModel(field, f.values().get(field.key()));
            m.valueProperty().addListener((obs, old, now) -> recheckForm());
            m.inputProblemProperty().addListener((obs, old, now) -> recheckForm());
            models.add(m);
        }
        fields.setAll(models);
        if (mode == Mode.EDIT) {
            Object title = f.values().get("title");
            heading.set(title == null ? heading.get() : title.toString());
            String since = f.stateSince() == null ? "" : "  \u00b7  since " + WHEN.format(f.stateSince().atZone(zone));
            subheading.set(workflow.board() + "  \u00b7  " + Labels.humanize(f.kindLabel()) + " #" + f.cardId() + since);
            stateLabel.set(stateName(f.state()));
        } else {
            stateLabel.set("starts in " + stateName(f.state()));
        }
        setHistory(f.history());
        recheckForm();
        phase.set(Phase.READY);
    }

    /**
     * Saves the form: refused here, with every problem named, while an input is wrong; otherwise sends only the
     * changed fields (all filled-in fields for a new card) to the enforcement point. {@code onDone} gets the card's
     * id once it is saved; {@code onNothingChanged} runs instead when an existing card's form holds no change. A
     * refusal is kept in {@link #messageProperty()} and the form stays as it was.
     */
    public void save(LongConsumer onDone, Runnable onNothingChanged) {
        if (phase.get() != Phase.READY) {
            return;
        }
        saveAttempted.set(true);
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            message.set("Nothing was saved. " + (problems.size() == 1 ? "Fix this first: " : "Fix these first: ")
                    + String.join("  ", problems));
            return;
        }
        Map<CardField<?>, Object> values = new LinkedHashMap<>();
        for (FieldModel m : fields) {
            boolean wanted = mode == Mode.EDIT ? m.changed() : !CardFormStore.same(m.field(), null, m.valueProperty().get());
            if (wanted) {
                values.put(m.field(), m.valueProperty().get());
            }
        }
        if (mode == Mode.EDIT && values.isEmpty()) {
            message.set(null);
            phase.set(Phase.DONE);
            onNothingChanged.run();
            return;
        }
        Actor who = actor.get();
        long versionSeen = form.version();
        phase.set(Phase.SAVING);
        message.set(null);
        executor.run(() -> mode == Mode.EDIT ? store.save(cardId, versionSeen, who, values) : store.create(workflow.id(), who, values),
                outcome -> {
                    if (outcome instanceof Outcome.Done done) {
                        phase.set(Phase.DONE);
                        onDone.accept(done.cardId());
                    } else {
                        phase.set(Phase.READY);
                        message.set(outcome.message());
                    }
                },
                e -> {
                    phase.set(Phase.READY);
                    message.set("The " + noun() + " could not be saved: " + describe(e)
                            + " Your changes are still in the form: try again, and if it keeps failing, see the log.");
                });
    }

    /**
     * Ticks ({@code done}) or unticks a task of the card's checklist as the signed-in person, in the background. Done,
     * the checklist and the history are read again; refused (no right, the card has left the checklist's state,
     * someone else ticked it at the same moment) or failed, {@link #messageProperty()} says why and the checklist
     * shows what is stored, so the box goes back.
     */
    public void tick(ChecklistSection.TaskRow task, boolean done) {
        if (!checklist.tickable.get() || cardId == null) {
            showChecklist(shownChecklist); // whatever the box shows now, it shows what is stored again
            return;
        }
        Actor who = actor.get();
        long id = cardId;
        checklist.busy.set(true);
        executor.run(() -> checklists.tick(task.id(), done, who),
                outcome -> {
                    if (outcome.isDone()) {
                        checklistChanged = true; // the board's card shows the checklist's progress
                    }
                    // read again in a second step: a tick that was saved is never reported as failed
                    executor.run(() -> new Ticked(outcome, checklists.load(id, who).orElse(null),
                                    outcome.isDone() ? store.history(id) : null),
                            this::showTicked,
                            e -> {
                                checklist.busy.set(false);
                                showChecklist(shownChecklist);
                                tickMessage = outcome.message() + " The checklist could not be read again: " + describe(e)
                                        + " Close the card and open it again to see it.";
                                message.set(tickMessage);
                            });
                },
                e -> {
                    checklist.busy.set(false);
                    showChecklist(shownChecklist);
                    tickMessage = "'" + task.title() + "' could not be " + (done ? "ticked" : "unticked") + ": " + describe(e)
                            + " Try again, and if it keeps failing, see the log.";
                    message.set(tickMessage);
                });
    }

    /** Whether a task was ticked or unticked while the card was open (the board then reads it again). */
    public boolean checklistChanged() {
        return checklistChanged;
    }

    private void showTicked(Ticked t) {
        checklist.busy.set(false);
        showChecklist(t.checklist());
        if (t.history() != null) {
            setHistory(t.history());
        }
        if (t.outcome().isDone()) {
            if (tickMessage != null && tickMessage.equals(message.get())) {
                message.set(null);
            }
            tickMessage = null;
        } else {
            tickMessage = t.outcome().message();
            message.set(tickMessage);
        }
    }

    private void showChecklist(CardChecklist c) {
        shownChecklist = c;
        checklist.open = c != null && c.tickable();
        checklist.tickable.set(checklist.open && !checklist.busy.get());
        checklist.shown.set(c != null);
        if (c == null) {
            checklist.tasks.clear();
            checklist.notice.set(null);
            return;
        }
        String state = stateName(c.state());
        checklist.title.set(state + " checklist");
        checklist.progress.set(c.doneCount() + " of " + c.tasks().size() + " done");
        checklist.complete.set(c.tasks().stream().noneMatch(t -> t.required() && !t.done()));
        checklist.madeBy.set("Made by " + person(c.madeBy()) + " when the " + noun() + " entered " + state);
        if (!c.open()) {
            checklist.notice.set("This checklist is closed: the " + noun() + " is in " + stateName(c.cardState())
                    + " now, so its tasks can no longer be ticked.");
        } else if (c.forbidden() != null) {
            checklist.notice.set("You can read this checklist but not tick it: " + c.forbidden());
        } else {
            checklist.notice.set(null);
        }
        List<ChecklistSection.TaskRow> rows = new ArrayList<>();
        for (TaskItem t : c.tasks()) {
            rows.add(new ChecklistSection.TaskRow(t.id(), t.kind(), t.title(), t.required(), t.done(),
                    t.done() ? "Done by " + person(t.doneBy()) + "  \u00b7  " + WHEN.format(t.doneAt().atZone(zone))
                            : t.required() ? "Required" : "Optional"));
        }
        checklist.tasks.setAll(rows); // always a change: a refused tick's box goes back to what is stored
    }

    /** An actor's audit name as a person reads it: "agent:Ruvo" is Ruvo. */
    private static String person(String auditName) {
        return auditName == null ? "someone" : auditName.startsWith("agent:") ? auditName.substring(6) : auditName;
    }

    /** Every problem that stops a save, each with the field's label in front: "Quote: '12,5x' is not an amount...". */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (FieldModel m : fields) {
            String p = m.inputProblemProperty().get();
            if (p != null) {
                out.add(p.startsWith(m.field().label()) ? p : m.field().label() + ": " + p);
            }
        }
        if (out.isEmpty()) {
            formProblems.forEach(p -> out.add(p.sentence()));
        }
        return out;
    }

    private void recheckForm() {
        boolean inputsFine = fields.stream().allMatch(m -> m.inputProblemProperty().get() == null);
        List<FieldProblem> problems = inputsFine ? FormCheck.problems(workflow.id(), values()) : List.of();
        formProblems.setAll(problems);
        for (FieldModel m : fields) {
            m.formProblem.set(problems.stream().filter(p -> p.isAbout(m.field().key())).map(FieldProblem::sentence)
                    .findFirst().orElse(null));
        }
    }

    /** The form's values by field key. */
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        fields.forEach(m -> v.put(m.field().key(), m.valueProperty().get()));
        return v;
    }

    public FieldModel field(String key) {
        return fields.stream().filter(m -> m.field().key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The form has no field '" + key + "'"));
    }

    private void setHistory(List<HistoryRow> rows) {
        Map<String, String> labels = new LinkedHashMap<>();
        form.fields().forEach(f -> labels.put(f.key(), f.label()));
        List<TimelineEntry> entries = new ArrayList<>();
        for (HistoryRow r : rows) {
            entries.add(entry(r, labels));
        }
        Collections.reverse(entries);
        history.setAll(entries);
    }

    private TimelineEntry entry(HistoryRow r, Map<String, String> labels) {
        String when = WHEN.format(r.at().atZone(zone));
        List<String> details = new ArrayList<>();
        String what;
        switch (r.action()) {
            case CREATED -> what = "Created in " + stateName(r.toState());
            case MOVED -> {
                what = stateName(r.fromState()) + " \u2192 " + stateName(r.toState());
                if (r.event() != null) {
                    details.add(Labels.humanize(r.event()));
                }
                details.addAll(edits(r.details(), labels));
            }
            case EDITED -> {
                List<String> changed = new ArrayList<>();
                for (EditDiff.Line line : EditDiff.parse(r.details()).lines()) {
                    if (line.isField()) {
                        changed.add(labels.getOrDefault(line.key(), Labels.humanize(line.key())));
                    }
                }
                what = "Edited: " + String.join(", ", changed).toLowerCase(Locale.ROOT);
                details.addAll(edits(r.details(), labels));
            }
            case REORDERED -> what = "Reordered in " + stateName(r.toState() == null ? r.fromState() : r.toState());
            case TASKS_CREATED -> {
                if (r.details() != null && !r.details().isBlank()) {
                    details.addAll(List.of(r.details().split("\n")));
                }
                what = "Checklist made: " + details.size() + (details.size() == 1 ? " task" : " tasks");
                return new TimelineEntry(r.action(), what, when, r.actor(), details, null);
            }
            case TASK_DONE, TASK_REOPENED -> {
                what = (r.action() == AuditAction.TASK_DONE ? "Ticked: " : "Unticked: ") + (r.note() == null ? "a task" : r.note());
                return new TimelineEntry(r.action(), what, when, r.actor(), details, null);
            }
            default -> what = Labels.humanize(r.action().name().toLowerCase(Locale.ROOT));
        }
        return new TimelineEntry(r.action(), what, when, r.actor(), details, r.note());
    }

    /** "quote: '' → '120.00'" in the trail becomes "Quote: – → 120.00". */
    private static List<String> edits(String details, Map<String, String> labels) {
        List<String> out = new ArrayList<>();
        for (EditDiff.Line line : EditDiff.parse(details).lines()) {
            if (line.isField()) {
                String label = labels.getOrDefault(line.key(), Labels.humanize(line.key()));
                out.add(label + ": " + shown(line.before()) + " \u2192 " + shown(line.after()));
            } else {
                out.add(line.after());
            }
        }
        return out;
    }

    private static String shown(String v) {
        return v.isEmpty() ? "\u2013" : v;
    }

    private String stateName(String stateId) {
        if (stateId == null) {
            return "";
        }
        return workflow.state(stateId).map(State::label).orElse(Labels.humanize(stateId));
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() + "." : m;
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

    /** The loaded form (null until loaded). */
    public CardForm form() {
        return form;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
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

    /** Why the last save was refused or failed, or why the card could not be opened; null when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the person has tried to save (from then on every problem is shown, not only those of edited fields). */
    public ReadOnlyBooleanProperty saveAttemptedProperty() {
        return saveAttempted;
    }

    public ObservableList<FieldModel> fields() {
        return fields;
    }

    /** The card's history, newest first. */
    public ObservableList<TimelineEntry> history() {
        return history;
    }

    /** The card's checklist (hidden while it has none). */
    public ChecklistSection checklist() {
        return checklist;
    }

    /** The card kind's own problems with the form's values, in the kind's words, each with the field it is about. */
    public ObservableList<FieldProblem> formProblems() {
        return formProblems;
    }
}
