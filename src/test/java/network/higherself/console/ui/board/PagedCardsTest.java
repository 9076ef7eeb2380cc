package network.higherself.console.ui.board;

import network.higherself.console.card.Priority;
import network.higherself.console.store.CardSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A long column read page by page: only what is shown is fetched, and scrolling through it does not keep it all. */
class PagedCardsTest {

    private static final int CARDS = 100_000;

    private final List<Long> fetched = new ArrayList<>();

    /** Answers at once, as the background executor would a moment later. */
    private final PagedCards cards = new PagedCards((offset, limit, size, onLoaded) -> {
        fetched.add(offset);
        onLoaded.accept(LongStream.range(offset, Math.min(size, offset + limit)).mapToObj(PagedCardsTest::card).toList());
    });

    private static CardSummary card(long i) {
        return new CardSummary(i, "WF-WELL-BOOK", "inquiry", i * 1024, "Card " + i, null, Priority.NORMAL,
                Instant.parse("2026-11-01T10:00:00Z"), 0);
    }

    /** As a cell reads a card: a placeholder (null) until its page is here, then asked again. */
    private CardSummary read(int index) {
        CardSummary card = cards.get(index);
        return card != null ? card : cards.get(index);
    }

    @Test
    void aCardIsFetchedWithItsPageOnlyWhenItIsAskedFor() {
        cards.reset(CARDS);
        assertThat(cards).hasSize(CARDS);
        assertThat(fetched).isEmpty();
        assertThat(cards.get(61)).as("not here yet: the cell shows a placeholder").isNull();
        assertThat(read(61).title()).isEqualTo("Card 61");
        assertThat(read(119).title()).isEqualTo("Card 119");
        assertThat(fetched).containsExactly(60L);
    }

    @Test
    void scrollingThroughTheWholeColumnKeepsOnlyTheLastPagesRead() {
        cards.reset(CARDS);
        for (int i = 0; i < CARDS; i += 20) { // a person scrolling from top to bottom, a screenful at a time
            assertThat(read(i)).isNotNull();
        }
        assertThat(fetched).hasSize(CARDS / PagedCards.PAGE + 1);
        assertThat(cards.loaded()).hasSize(PagedCards.KEPT_PAGES * PagedCards.PAGE - (PagedCards.PAGE - CARDS % PagedCards.PAGE));
        assertThat(cards.loaded()).extracting(CardSummary::title).contains("Card 99999").doesNotContain("Card 0");

        // back at the top: the first page is fetched again, the column still reads right
        fetched.clear();
        assertThat(read(0).title()).isEqualTo("Card 0");
        assertThat(fetched).containsExactly(0L);
        assertThat(read(99_999).title()).as("a page read lately is still kept").isEqualTo("Card 99999");
        assertThat(fetched).containsExactly(0L);
    }
}
