package network.higherself.console.ui.access;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Rights;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.WorkflowRights;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The administrator's roles-and-rights screen: the chosen role, one row per board with what the role may do
 * there (view, create, edit, which events), and saving what changed. Reading and saving run on the background
 * executor; the rows and the message change on the JavaFX thread only.
 */
public final class RoleRightsViewModel {

    /** What a role may do on every board, as stored ({@code RoleRightsAdmin.rightsOf}). */
    @FunctionalInterface
    public interface RightsReader {
        Rights rightsOf(Role role);
    }

    /** Sets what a role may do on one board in the administrator's name, checked and audited ({@code RoleRightsAdmin.set}). */
    @FunctionalInterface
    public interface RightsWriter {
        Outcome set(Actor admin, Role role, String workflowId, WorkflowRights rights);
    }

    /** One board's rights for the chosen role, as edited. */
    public static final class Row {
        private final Workflow workflow;
        private final BooleanProperty view = new SimpleBooleanProperty();
        private final BooleanProperty create = new SimpleBooleanProperty();
        private final BooleanProperty edit = new SimpleBooleanProperty();
        private final StringProperty events = new SimpleStringProperty("");
        private WorkflowRights loaded = WorkflowRights.NONE;

        Row(Workflow workflow) {
            this.workflow = workflow;
        }

        public Workflow workflow() {
            return workflow;
        }

        public BooleanProperty viewProperty() {
            return view;
        }

        public BooleanProperty createProperty() {
            return create;
        }

        public BooleanProperty editProperty() {
            return edit;
        }

        /** "*" for every event, or their names separated by commas or spaces. */
        public StringProperty eventsProperty() {
            return events;
        }

        void show(WorkflowRights r) {
            loaded = r;
            view.set(r.view());
            create.set(r.create());
            edit.set(r.edit());
            events.set(r.eventsText());
        }

        /** The rights as the row shows them now (creating or editing implies seeing the board). */
        public WorkflowRights edited() {
            String text = events.get() == null ? "" : events.get().strip();
            boolean all = text.equals("*");
            Set<String> named = all || text.isEmpty() ? Set.of()
                    : new LinkedHashSet<>(Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList());
            return new WorkflowRights(view.get() || create.get() || edit.get(), create.get(), edit.get(), all, named);
        }

        boolean changed() {
            return !edited().equals(loaded);
        }
    }

    private final RightsReader reader;
    private final RightsWriter writer;
    private final BackgroundExecutor executor;
    private final Supplier<Actor> admin;
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSave = role.isNotNull();

    public RoleRightsViewModel(WorkflowCatalog workflows, RightsReader reader, RightsWriter writer,
                               BackgroundExecutor executor, Supplier<Actor> admin) {
        this.reader = Objects.requireNonNull(reader);
        this.writer = Objects.requireNonNull(writer);
        this.executor = Objects.requireNonNull(executor);
        this.admin = Objects.requireNonNull(admin);
        workflows.all().forEach(w -> rows.add(new Row(w)));
        role.addListener((o, a, r) -> read(r));
    }

    /** The role whose rights are shown; choosing one reads its rights. */
    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    /** One row per board, in the sidebar's order. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** What the last reading or saving said (the service's sentences, a refusal, a failure). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** A role is chosen: there is something to save. */
    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    private void read(Role r) {
        if (r == null) {
            return;
        }
        executor.run(() -> reader.rightsOf(r), rights -> {
            if (r != role.get()) {
                return; // another role was chosen meanwhile: its own reading shows
            }
            rows.forEach(row -> row.show(rights.on(row.workflow.id())));
            message.set("");
        }, e -> message.set("The rights could not be read: " + e.getMessage()));
    }

    /** Saves the rows that differ from what was read, one board at a time, and says what each now allows. */
    public void save() {
        Role r = role.get();
        if (r == null) {
            return;
        }
        List<Row> changed = rows.stream().filter(Row::changed).toList();
        if (changed.isEmpty()) {
            message.set("Nothing changed.");
            return;
        }
        // what is saved is read here, on the JavaFX thread; the background only calls the service
        List<WorkflowRights> edited = changed.stream().map(Row::edited).toList();
        Actor who = admin.get();
        executor.run(() -> {
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < changed.size(); i++) {
                outcomes.add(writer.set(who, r, changed.get(i).workflow.id(), edited.get(i)));
            }
            return outcomes;
        }, outcomes -> {
            List<String> said = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                said.add(outcomes.get(i).message());
                if (outcomes.get(i).isDone()) {
                    changed.get(i).loaded = edited.get(i);
                }
            }
            message.set(String.join(" ", said));
        }, e -> message.set("The rights could not be saved: " + e.getMessage()));
    }
}
