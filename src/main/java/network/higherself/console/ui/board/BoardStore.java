package network.higherself.console.ui.board;

import network.higherself.console.move.CardService;
import network.higherself.console.move.ColumnLimits;
import network.higherself.console.move.MoveCheck;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.CardSummary;
import network.higherself.console.store.ColumnFilter;
import network.higherself.console.store.ColumnLimit;
import network.higherself.console.store.LaneCount;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a board reads (its columns' pages, counts and limits) and changes (moves, the order in a column, a
 * column's limit) — on the background executor, never on the JavaFX thread. In the console, the column queries
 * and the card service ({@link #of}); the service checks every change.
 */
public interface BoardStore {

    /** A page of a column's cards matching {@code filter}, of the {@code matching} there are. */
    List<CardSummary> page(String workflowId, String state, ColumnFilter filter, long offset, int limit, long matching);

    /** How many cards of a column match {@code filter}. */
    long count(String workflowId, String state, ColumnFilter filter);

    /** How many cards matching {@code filter} each column holds in each lane of {@code fieldKey} (see CardQueries#laneCounts). */
    List<LaneCount> laneCounts(String workflowId, String fieldKey, ColumnFilter filter);

    /** New values for some of a card's fields, through the card service (its right, version and checks). */
    Outcome edit(long cardId, Long expectedVersion, Actor actor, network.higherself.console.move.CardChange change);

    /** Where {@code card} is in its column, unfiltered: how many cards come before it. */
    long indexInColumn(CardSummary card);

    /** The card {@code id} as it is now (its column, its place), if it still exists. */
    Optional<CardSummary> card(long id);

    /** The work-in-progress limits of a board's columns, by state. */
    Map<String, ColumnLimit> limits(String workflowId);

    Outcome move(MoveRequest request);

    /** The card's present values of the fields named by {@code keys} (see CardService#valuesOf). */
    Map<String, Object> values(long cardId, java.util.Collection<String> keys);

    /** Takes back the card's last move (the version it left the card at), with the reason, through the card service. */
    Outcome correct(long cardId, Long expectedVersion, Actor actor, String reason);

    /** What firing each event out of the card's column would meet now, for {@code actor}; writes nothing. */
    List<MoveCheck> check(long cardId, Actor actor);

    Outcome reorder(long cardId, Long previousId, Long nextId, Long expectedVersion, Actor actor);

    Outcome setColumnLimit(String workflowId, String state, Integer maxCards, boolean hard, Actor actor);

    /** The console's: reads by {@code queries}, changes through {@code cards} and a column's limit through {@code limits}. */
    static BoardStore of(CardService cards, ColumnLimits limits, CardQueries queries) {
        return new BoardStore() {
            @Override
            public List<CardSummary> page(String workflowId, String state, ColumnFilter filter, long offset, int limit,
                                          long matching) {
                return queries.page(workflowId, state, filter, offset, limit, matching);
            }

            @Override
            public long count(String workflowId, String state, ColumnFilter filter) {
                return queries.count(workflowId, state, filter);
            }

            @Override
            public List<LaneCount> laneCounts(String workflowId, String fieldKey, ColumnFilter filter) {
                return queries.laneCounts(workflowId, fieldKey, filter);
            }

            @Override
            public Outcome edit(long cardId, Long expectedVersion, Actor actor, network.higherself.console.move.CardChange change) {
                return cards.edit(cardId, expectedVersion, actor, change);
            }

            @Override
            public long indexInColumn(CardSummary card) {
                return queries.indexInColumn(card);
            }

            @Override
            public Optional<CardSummary> card(long id) {
                return queries.card(id);
            }

            @Override
            public Map<String, ColumnLimit> limits(String workflowId) {
                return queries.limits(workflowId);
            }

            @Override
            public Outcome move(MoveRequest request) {
                return cards.move(request);
            }

            @Override
            public Map<String, Object> values(long cardId, java.util.Collection<String> keys) {
                return cards.valuesOf(cardId, keys);
            }

            @Override
            public Outcome correct(long cardId, Long expectedVersion, Actor actor, String reason) {
                return cards.correct(cardId, expectedVersion, actor, reason);
            }

            @Override
            public List<MoveCheck> check(long cardId, Actor actor) {
                return cards.check(cardId, actor);
            }

            @Override
            public Outcome reorder(long cardId, Long previousId, Long nextId, Long expectedVersion, Actor actor) {
                return cards.reorder(cardId, previousId, nextId, expectedVersion, actor);
            }

            @Override
            public Outcome setColumnLimit(String workflowId, String state, Integer maxCards, boolean hard, Actor actor) {
                return limits.set(workflowId, state, maxCards, hard, actor);
            }
        };
    }
}
