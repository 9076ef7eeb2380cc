package network.higherself.console.ui.card;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Control;
import network.higherself.console.card.CardField;
import network.higherself.console.cardform.CardForm;

/**
 * The control(s) that edit one card field, made by {@link FieldEditors}. Its {@linkplain #valueProperty() value}
 * is the form's value of the field (see {@link CardForm#values()}): setting it shows it; what the person types or
 * picks is checked as they go, and becomes the value only when it makes sense; otherwise
 * {@linkplain #problemProperty() problem} says what to do, and the value stays the last good one.
 */
public abstract class FieldEditor {

    private final CardField<?> field;
    private final ObjectProperty<Object> value = new SimpleObjectProperty<>(this, "value");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper(this, "edited");
    private boolean updating;
    private Node node;
    private Control control;

    protected FieldEditor(CardField<?> field) {
        this.field = field;
        value.addListener((obs, old, now) -> {
            if (!updating) {
                updating = true;
                try {
                    show(now);
                } finally {
                    updating = false;
                }
                problem.set(check());
            }
        });
    }

    public CardField<?> field() {
        return field;
    }

    /** What to put in the form. */
    public final Node node() {
        return node;
    }

    /** The main control: it gets the focus, the field's id and the validation decoration (null when there is none). */
    public final Control control() {
        return control;
    }

    /** Says what the editor puts in the form and which control is its main one; each editor's constructor calls it. */
    protected final void shows(Node what, Control main) {
        this.node = what;
        this.control = main;
    }

    public ObjectProperty<Object> valueProperty() {
        return value;
    }

    public Object getValue() {
        return value.get();
    }

    public void setValue(Object v) {
        value.set(v);
    }

    /** What is wrong with the input, as a sentence that says what to do; null when it is fine. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String getProblem() {
        return problem.get();
    }

    /** Whether the person has changed the input since it was shown. */
    public ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    /** Checks the input again (after something it depends on changed) and takes it as the value if it is fine. */
    public final void recheck() {
        take(false);
    }

    /** Puts a value into the controls. */
    protected abstract void show(Object v);

    /** What is wrong with the controls' input, or null. */
    protected abstract String check();

    /** The controls' input as a value; called only when {@link #check()} found nothing wrong. */
    protected abstract Object read();

    /** Subclasses call this whenever the person changes the input. */
    protected final void inputChanged() {
        take(true);
    }

    private void take(boolean byPerson) {
        if (updating) {
            return;
        }
        String p = check();
        problem.set(p);
        if (byPerson) {
            edited.set(true);
        }
        if (p == null) {
            updating = true;
            try {
                value.set(read());
            } finally {
                updating = false;
            }
        }
    }

    /** Shows the current value and checks it; the factory calls this once the editor is built. */
    final void start() {
        updating = true;
        try {
            show(value.get());
        } finally {
            updating = false;
        }
        problem.set(check());
    }
}
