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
import network.higherself.console.card.CardField;
import network.higherself.console.card.FieldProblem;
import network.higherself.console.cardform.CardForm;
import network.higherself.console.cardform.CardForms;
import network.higherself.console.cardform.FormValues;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The card dialog's form: one card's fields (or a new card's), what is wrong with them, and saving them through the
 * enforcement point; its message says why a save was refused or failed, or why the card could not be opened.
 * Saving runs on the background executor; everything here is touched on the JavaFX thread only.
 */
public final class CardFormViewModel {

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
            return !FormValues.same(field, original, value.get());
        }
    }

    private final CardForms forms;
    private final BackgroundExecutor executor;
    private final Supplier<Actor> actor;
    private final Long cardId;
    private Workflow workflow;
    private CardForm form;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.LOADING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final BooleanProperty saveAttempted = new SimpleBooleanProperty();
    private final ObservableList<FieldModel> fields = FXCollections.observableArrayList();
    private final ObservableList<FieldProblem> formProblems = FXCollections.observableArrayList();

    /** The form of card {@code cardId}, or of a new card when it is null; saved as {@code actor} at that moment. */
    public CardFormViewModel(CardForms forms, BackgroundExecutor executor, Supplier<Actor> actor, Long cardId) {
        this.forms = Objects.requireNonNull(forms);
        this.executor = Objects.requireNonNull(executor);
        this.actor = Objects.requireNonNull(actor);
        this.cardId = cardId;
    }

    /** The card is being read: nothing to save yet. */
    void loading() {
        phase.set(Phase.LOADING);
        message.set(null);
    }

    /** The card could not be read: the form says why, and cannot be saved. */
    void broken(String sentence) {
        phase.set(Phase.BROKEN);
        message.set(sentence);
    }

    /** Shows the form as read: one field model per field, checked at once by the card kind's own rules. */
    public void show(CardForm f, Workflow workflow) {
        this.form = Objects.requireNonNull(f);
        this.workflow = Objects.requireNonNull(workflow);
        List<FieldModel> models = new ArrayList<>();
        for (CardField<?> field : f.fields()) {
            FieldModel m = new FieldModel(field, f.values().get(field.key()));
            m.valueProperty().addListener((obs, old, now) -> recheckForm());
            m.inputProblemProperty().addListener((obs, old, now) -> recheckForm());
            models.add(m);
        }
        fields.setAll(models);
        recheckForm();
        message.set(null);
        phase.set(Phase.READY);
    }

    private boolean creating() {
        return cardId == null;
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
            message.set(nothingSaved(problems));
            return;
        }
        Map<CardField<?>, Object> values = new LinkedHashMap<>();
        for (FieldModel m : fields) {
            boolean wanted = creating() ? !FormValues.same(m.field(), null, m.valueProperty().get()) : m.changed();
            if (wanted) {
                values.put(m.field(), m.valueProperty().get());
            }
        }
        if (!creating() && values.isEmpty()) {
            message.set(null);
            phase.set(Phase.DONE);
            onNothingChanged.run();
            return;
        }
        Actor who = actor.get();
        long versionSeen = form.version();
        String workflowId = workflow.id();
        phase.set(Phase.SAVING);
        message.set(null);
        executor.run(() -> creating() ? forms.create(workflowId, who, values) : forms.save(cardId, versionSeen, who, values),
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
                    message.set("The " + workflow.cardNoun() + " could not be saved: " + CardDetailsViewModel.describe(e)
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
        // what the form said after a save goes when its cause may be fixed: the list of problems follows the form
        // (gone once none is left); a refusal from the card service goes at the next change, and Save asks again
        String said = message.get();
        if (phase.get() == Phase.READY && said != null) {
            List<String> now = problems();
            message.set(said.startsWith(NOTHING_SAVED) && !now.isEmpty() ? nothingSaved(now) : null);
        }
    }

    private static final String NOTHING_SAVED = "Nothing was saved. ";

    private static String nothingSaved(List<String> problems) {
        return NOTHING_SAVED + (problems.size() == 1 ? "Fix this first: " : "Fix these first: ") + String.join("  ", problems);
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

    /** The loaded form (null until loaded). */
    public CardForm form() {
        return form;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
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

    /** The card kind's own problems with the form's values, in the kind's words, each with the field it is about. */
    public ObservableList<FieldProblem> formProblems() {
        return formProblems;
    }
}
