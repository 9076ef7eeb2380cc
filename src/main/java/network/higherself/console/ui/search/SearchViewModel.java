package network.higherself.console.ui.search;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import network.higherself.console.staff.Rights;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.CardSummary;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The search across boards (Ctrl+Shift+F): what is typed, and the cards found on every board the person may view, by
 * the board's own search (title and key fields, as each kind declares them), read in the background as one types.
 */
public final class SearchViewModel {

    /** At most this many cards per board: more says "type more". */
    public static final int PER_BOARD = 25;

    /** One card found: its board and column by their labels, and its title. */
    public record Hit(CardSummary card, String board, String column) {
        @Override
        public String toString() {
            return card.title() + "  \u2014  " + board + "  \u00b7  " + column;
        }
    }

    private final WorkflowCatalog workflows;
    private final CardQueries queries;
    private final Supplier<Rights> rights;
    private final BackgroundExecutor executor;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<Hit> hits = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("Type a title, a client, a curator…");
    private int searches;

    /** @param rights the person's rights as last read (null: not read yet, nothing is found) */
    public SearchViewModel(WorkflowCatalog workflows, CardQueries queries, Supplier<Rights> rights, BackgroundExecutor executor) {
        this.workflows = workflows;
        this.queries = queries;
        this.rights = rights;
        this.executor = executor;
        text.addListener((o, a, b) -> search());
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<Hit> hits() {
        return hits;
    }

    /** What the list says when it has no hits, or that there are more. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Searches again for the text, on every board the person may view; an older search's answer is dropped. */
    public void search() {
        String t = text.get() == null ? "" : text.get().strip();
        int search = ++searches;
        if (t.isEmpty()) {
            hits.clear();
            message.set("Type a title, a client, a curator…");
            return;
        }
        Rights r = rights.get();
        List<Workflow> boards = r == null ? List.of() : workflows.all().stream().filter(w -> r.on(w.id()).view()).toList();
        executor.run(() -> {
            List<Hit> found = new ArrayList<>();
            boolean more = false;
            for (Workflow w : boards) {
                List<CardSummary> cards = new ArrayList<>(queries.search(w.id(), t, PER_BOARD + 1));
                if (cards.size() > PER_BOARD) {
                    more = true;
                    cards = cards.subList(0, PER_BOARD);
                }
                // in the workflow's order of columns, as the board shows them
                cards.sort(java.util.Comparator.comparingInt(c -> w.states().indexOf(w.state(c.state()).orElseThrow())));
                cards.forEach(c -> found.add(new Hit(c, w.board(), w.stateLabel(c.state()))));
            }
            return new Found(found, more);
        }, found -> {
            if (search != searches) {
                return;
            }
            hits.setAll(found.hits());
            message.set(found.hits().isEmpty() ? "No card on your boards matches \u201c" + t + "\u201d."
                    : found.more() ? "More cards match than are shown: type more of what you look for." : "");
        }, e -> {
            if (search == searches) {
                hits.clear();
                message.set("The search failed: " + (e.getMessage() == null ? e : e.getMessage()) + ". Details are in the log.");
            }
        });
    }

    private record Found(List<Hit> hits, boolean more) {
    }
}
