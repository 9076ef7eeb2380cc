package network.higherself.console.ui.card;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
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
import network.higherself.console.audit.AuditAction;
import network.higherself.console.card.CardField;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state and commands of the card form: one card's fields (or a new card's), what is wrong with them, why a
 * save was refused, and the card's history. Loading and saving run on the background executor; everything here
 * is touched on the JavaFX thread only.
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
        private final CardField field;
        private final Object original;
        private final ObjectProperty<Object> value;
        private final StringProperty inputProblem = new SimpleStringProperty();
        private final ReadOnlyStringWrapper formProblem = new ReadOnlyStringWrapper();
        private final StringExpression problem;

        FieldModel(CardField field, Object original) {
            this.field = field;
            this.original = original;
            this.value = new SimpleObjectProperty<>(original);
            this.problem = Bindings.createStringBinding(
                    () -> inputProblem.get() != null ? inputProblem.get() : formProblem.get(), inputProblem, formProblem);
        }

        public CardField field() {
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

    /** One entry of the history timeline, ready to show. */
    public record TimelineEntry(AuditAction action, String what, String when, String who, List<String> details, String note) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final Pattern EDIT_LINE = Pattern.compile("^([a-z_]+): '(.*)' \u2192 '(.*)'$", Pattern.DOTALL);

    private final CardFormStore store;
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
    private final ObservableList<String> formProblems = FXCollections.observableArrayList();
    private CardForm form;

    private CardDetailsViewModel(CardFormStore store, BackgroundExecutor executor, WorkflowCatalog workflows,
                                 Workflow workflow, Supplier<Actor> actor, ZoneId zone, Mode mode, Long cardId) {
        this.store = Objects.requireNonNull(store);
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

    /** The form of an existing card (its workflow is known once it is loaded). */
    public static CardDetailsViewModel edit(CardFormStore store, BackgroundExecutor executor, WorkflowCatalog workflows,
                                            Supplier<Actor> actor, ZoneId zone, long cardId) {
        return new CardDetailsViewModel(store, executor, workflows, null, actor, zone, Mode.EDIT, cardId);
    }

    /** The form of a new card of {@code workflow}. */
    public static CardDetailsViewModel create(CardFormStore store, BackgroundExecutor executor, WorkflowCatalog workflows,
                                              Workflow workflow, Supplier<Actor> actor, ZoneId zone) {
        return new CardDetailsViewModel(store, executor, workflows, Objects.requireNonNull(workflow), actor, zone,
                Mode.CREATE, null);
    }

    /** Reads the card (or a new card's choices) in the background; the fields appear when it is done. */
    public void load() {
        phase.set(Phase.LOADING);
        message.set(null);
        executor.run(() -> mode == Mode.EDIT ? store.load(cardId) : store.blank(workflow.id()),
                this::loaded,
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
        for (CardField field : f.fields()) {
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
        Map<CardField, Object> values = new LinkedHashMap<>();
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
            out.addAll(formProblems);
        }
        return out;
    }

    private void recheckForm() {
        boolean inputsFine = fields.stream().allMatch(m -> m.inputProblemProperty().get() == null);
        List<String> problems = inputsFine ? FormCheck.problems(workflow.id(), values()) : List.of();
        formProblems.setAll(problems);
        for (FieldModel m : fields) {
            String about = problems.stream().filter(p -> FormCheck.isAbout(p, m.field())).findFirst().orElse(null);
            m.formProblem.set(about);
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
                List<String> lines = edits(r.details(), labels);
                for (String line : lines) {
                    changed.add(line.substring(0, Math.max(0, line.indexOf(':'))));
                }
                what = "Edited: " + String.join(", ", changed).toLowerCase(Locale.ROOT);
                details.addAll(lines);
            }
            case REORDERED -> what = "Reordered in " + stateName(r.toState() == null ? r.fromState() : r.toState());
            default -> what = Labels.humanize(r.action().name().toLowerCase(Locale.ROOT));
        }
        return new TimelineEntry(r.action(), what, when, r.actor(), details, r.note());
    }

    /** "quote: '' → '120.00'" becomes "Quote: – → 120.00". */
    private static List<String> edits(String details, Map<String, String> labels) {
        List<String> out = new ArrayList<>();
        if (details == null || details.isBlank()) {
            return out;
        }
        for (String line : details.split("\n")) {
            Matcher m = EDIT_LINE.matcher(line);
            if (m.matches()) {
                String label = labels.getOrDefault(m.group(1), Labels.humanize(m.group(1)));
                out.add(label + ": " + shown(m.group(2)) + " \u2192 " + shown(m.group(3)));
            } else {
                out.add(line);
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

    /** The card kind's own problems with the form's values (shown under the form), in the kind's words. */
    public ObservableList<String> formProblems() {
        return formProblems;
    }
}
