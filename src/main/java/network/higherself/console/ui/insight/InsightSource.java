package network.higherself.console.ui.insight;

import network.higherself.console.insight.StateChange;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.HistoryQueries;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What the diagram and the charts read (in the background): a board's history, its card counts, card titles. */
public interface InsightSource {

    /** Every creation and move of a board's cards, in the audit trail's order. */
    List<StateChange> history(String workflowId);

    /** How many cards each state of a board holds now. */
    Map<String, Long> cardsByState(String workflowId);

    /** The titles of these cards. */
    Map<Long, String> titles(Collection<Long> cardIds);

    static InsightSource of(HistoryQueries history, CardQueries cards) {
        return new InsightSource() {
            @Override
            public List<StateChange> history(String workflowId) {
                return history.stateChanges(workflowId);
            }

            @Override
            public Map<String, Long> cardsByState(String workflowId) {
                return cards.countsByState(workflowId);
            }

            @Override
            public Map<Long, String> titles(Collection<Long> cardIds) {
                return history.titles(cardIds);
            }
        };
    }
}
