package network.higherself.console.ui.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.DataFolder;
import network.higherself.console.workflow.AgentResponsibility;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The main window's state: the workflows in the sidebar, the selected one, and its states. */
public final class MainViewModel {

    /** One state of the selected workflow as the window shows it. */
    public record StateRow(String id, String label, String description, boolean initial, boolean isFinal,
                           String agent, List<String> ways) {
    }

    private final ObservableList<Workflow> workflows;
    private final ObjectProperty<Workflow> selected = new SimpleObjectProperty<>();
    private final ObservableList<StateRow> states = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper dataFolderText;

    private final Map<String, Long> cardCounts = new HashMap<>();

    public MainViewModel(WorkflowCatalog catalog, DataFolder dataFolder, CardQueries queries, String notice) {
        this.workflows = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(catalog.all()));
        long total = 0;
        for (Workflow w : catalog.all()) {
            long n = queries.countsByState(w.id()).values().stream().mapToLong(Long::longValue).sum();
            cardCounts.put(w.id(), n);
            total += n;
        }
        this.dataFolderText = new ReadOnlyStringWrapper((notice == null || notice.isEmpty() ? "" : notice + "   ")
                + "Data folder: " + dataFolder + "   \u00b7   " + total + " cards");
        selected.addListener((obs, old, now) -> states.setAll(now == null ? List.of() : rows(now)));
        if (!workflows.isEmpty()) {
            selected.set(workflows.get(0));
        }
    }

    public ObservableList<Workflow> workflows() {
        return workflows;
    }

    public ObjectProperty<Workflow> selectedProperty() {
        return selected;
    }

    /** How many cards the workflow's board holds. */
    public long cardCount(Workflow w) {
        return cardCounts.getOrDefault(w.id(), 0L);
    }

    public ObservableList<StateRow> states() {
        return states;
    }

    public ReadOnlyStringProperty dataFolderTextProperty() {
        return dataFolderText.getReadOnlyProperty();
    }

    static List<StateRow> rows(Workflow w) {
        return w.states().stream().map(s -> row(w, s)).toList();
    }

    private static StateRow row(Workflow w, State s) {
        List<String> ways = w.transitionsFrom(s.id()).stream()
                .map((Transition t) -> Labels.humanize(t.event()) + " \u2192 " + Labels.humanize(t.to()))
                .toList();
        String agent = w.agentFor(s.id()).map(AgentResponsibility::displayName).orElse("");
        return new StateRow(s.id(), s.label(), s.description(), s.equals(w.initialState()), w.isFinal(s.id()), agent, ways);
    }
}
