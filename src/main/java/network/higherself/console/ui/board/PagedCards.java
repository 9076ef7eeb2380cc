package network.higherself.console.ui.board;

import javafx.collections.ObservableListBase;
import network.higherself.console.store.CardSummary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A column's cards as a list of known size whose elements are fetched a page at a time, only when a cell asks
 * for them: a virtualized ListView over it reads 20 cards of a 100,000-card column, not 100,000. An element not
 * fetched yet reads as null (the cell shows a placeholder) until its page arrives.
 *
 * <p>At most {@link #KEPT_PAGES} pages are kept, the least recently read dropped first.
 *
 * <p>Touched only on the JavaFX thread; {@code loader} fetches in the background and answers on the JavaFX thread.
 */
final class PagedCards extends ObservableListBase<CardSummary> {

    static final int PAGE = 60;

    /**
     * The pages kept at most (1,500 cards): the least recently read go first, and are fetched again if they are
     * shown again, so that scrolling through a 100,000-card column does not keep it all in memory.
     */
    static final int KEPT_PAGES = 25;

    /**
     * Fetches cards {@code offset .. offset+PAGE} of the {@code size} the list has (so that a page near the end
     * can be read from the end) and hands them to the consumer on the JavaFX thread.
     */
    interface Loader {
        void load(long offset, int limit, long size, Consumer<List<CardSummary>> onLoaded);
    }

    private final Loader loader;
    private final Map<Integer, List<CardSummary>> pages = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<CardSummary>> eldest) {
            return size() > KEPT_PAGES; // no change to fire: the cells showing it keep their cards
        }
    };
    private final Map<Integer, List<Runnable>> waiting = new HashMap<>();
    private int size;
    private int generation;

    PagedCards(Loader loader) {
        this.loader = loader;
    }

    @Override
    public CardSummary get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        int page = index / PAGE;
        List<CardSummary> cards = pages.get(page);
        if (cards == null) {
            request(page);
            return null;
        }
        int at = index - page * PAGE;
        return at < cards.size() ? cards.get(at) : null;
    }

    @Override
    public int size() {
        return size;
    }

    /** The cards fetched and kept (for finding a card on show by id without a query). */
    List<CardSummary> loaded() {
        List<CardSummary> all = new ArrayList<>();
        pages.values().forEach(all::addAll);
        return all;
    }

    /** Where the card {@code id} is among the cards fetched and kept, or -1 (not fetched, or not in this column). */
    int indexOfLoaded(long id) {
        for (Map.Entry<Integer, List<CardSummary>> page : pages.entrySet()) {
            List<CardSummary> cards = page.getValue();
            for (int i = 0; i < cards.size(); i++) {
                if (cards.get(i).id() == id) {
                    return page.getKey() * PAGE + i;
                }
            }
        }
        return -1;
    }

    /** Starts over with a new size: every page is fetched again when shown. */
    void reset(int newSize) {
        generation++;
        int oldSize = size;
        List<CardSummary> removed = new ArrayList<>(oldSize);
        for (int i = 0; i < oldSize; i++) {
            removed.add(null);
        }
        pages.clear();
        waiting.clear();
        size = newSize;
        beginChange();
        if (oldSize > 0) {
            nextRemove(0, removed);
        }
        if (newSize > 0) {
            nextAdd(0, newSize);
        }
        endChange();
    }

    /** Fetches the first page now (for a fast first paint), then calls {@code ready}. */
    void prefetchFirstPage(Runnable ready) {
        if (size == 0) {
            ready.run();
            return;
        }
        if (pages.containsKey(0)) {
            ready.run();
        } else {
            request(0, ready);
        }
    }

    /** Runs {@code then} once the card at {@code index} is fetched (at once if it is). */
    void whenLoaded(int index, Runnable then) {
        int page = index / PAGE;
        if (pages.containsKey(page)) {
            then.run();
        } else {
            request(page, then);
        }
    }

    private void request(int page) {
        request(page, () -> {
        });
    }

    /** Fetches a page unless it is already on its way; {@code then} runs once it is here. */
    private void request(int page, Runnable then) {
        List<Runnable> waiters = waiting.get(page);
        if (waiters != null) {
            waiters.add(then);
            return;
        }
        waiters = new ArrayList<>(List.of(then));
        waiting.put(page, waiters);
        int gen = generation;
        loader.load((long) page * PAGE, PAGE, size, cards -> {
            if (gen != generation) {
                return; // the column was reset meanwhile: this page is stale
            }
            pages.put(page, cards);
            int from = page * PAGE;
            int to = Math.min(size, from + cards.size());
            if (to > from) {
                beginChange();
                for (int i = from; i < to; i++) {
                    nextSet(i, null);
                }
                endChange();
            }
            List<Runnable> done = waiting.remove(page);
            if (done != null) {
                done.forEach(Runnable::run);
            }
        });
    }
}
