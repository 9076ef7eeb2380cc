package network.higherself.console.store;

import network.higherself.console.card.Booking;
import network.higherself.console.card.ConsultingProject;
import network.higherself.console.card.ContentPiece;
import network.higherself.console.card.Exhibition;
import network.higherself.console.move.DbRows;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A column read page by page shows every card exactly once, in the column's order. */
class CardQueriesTest {

    static final int CARDS = 250;
    static final int PAGE = 40;
    static final Actor DESK = Actor.staff("amara", Role.ADMINISTRATOR); // queries here; rights are in AccessControlTest

    @TempDir
    static Path dir;
    static TestStore store;
    static CardQueries queries;
    static DbRows rows;
    /** The bookings in the order they were created (each goes to the end of inquiry). */
    static final List<Long> created = new ArrayList<>();

    @BeforeAll
    static void fill() {
        store = new TestStore(dir);
        queries = new CardQueries(store.db.dataSource());
        rows = new DbRows(store.db.dataSource());
        for (int i = 0; i < CARDS; i++) {
            created.add(create(Booking.WORKFLOW, String.format("Booking %03d", i)));
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static long create(String workflowId, String title) {
        Outcome o = store.service.create(workflowId, title, DESK, null);
        assertThat(o.isDone()).as(o.message()).isTrue();
        return ((Outcome.Done) o).cardId();
    }

    /** Every card of a column, read with firstPage and then pageAfter the last card of each page. */
    static List<CardSummary> keyset(String workflowId, String state, List<Integer> pageSizes) {
        List<CardSummary> all = new ArrayList<>();
        List<CardSummary> page = queries.firstPage(workflowId, state, PAGE);
        while (!page.isEmpty()) {
            pageSizes.add(page.size());
            all.addAll(page);
            assertThat(pageSizes).as("pages read (a page that never ends is a bug)").hasSizeLessThan(100);
            page = queries.pageAfter(page.get(page.size() - 1), PAGE);
        }
        return all;
    }

    /** Every card of a column, read with page(offset, limit). */
    static List<CardSummary> byOffset(String workflowId, String state) {
        List<CardSummary> all = new ArrayList<>();
        for (long offset = 0; ; offset += PAGE) {
            List<CardSummary> page = queries.page(workflowId, state, offset, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    static List<Long> ids(List<CardSummary> cards) {
        return cards.stream().map(CardSummary::id).toList();
    }

    static final Comparator<CardSummary> COLUMN_ORDER =
            Comparator.comparingLong(CardSummary::position).thenComparingLong(CardSummary::id);

    /** Runs {@code check}, then puts every card back at its position, for the other tests. */
    static void withPositionsRestored(Runnable check) {
        List<Map<String, Object>> saved = rows.rows("SELECT id, position FROM card");
        try {
            check.run();
        } finally {
            for (Map<String, Object> r : saved) {
                rows.execute("UPDATE card SET position = ? WHERE id = ?", r.get("POSITION"), r.get("ID"));
            }
        }
    }

    @Test
    void pagingByKeyShowsEveryCardOnceInCreationOrder() {
        List<Integer> sizes = new ArrayList<>();
        List<CardSummary> all = keyset(Booking.WORKFLOW, "inquiry", sizes);
        assertThat(sizes).containsExactly(40, 40, 40, 40, 40, 40, 10);
        assertThat(ids(all)).containsExactlyElementsOf(created).doesNotHaveDuplicates();
        assertThat(all).isSortedAccordingTo(COLUMN_ORDER);
        assertThat(all).allSatisfy(c -> {
            assertThat(c.workflowId()).isEqualTo(Booking.WORKFLOW);
            assertThat(c.state()).isEqualTo("inquiry");
            assertThat(c.version()).isZero();
            assertThat(c.stateSince()).isEqualTo(TestStore.T0);
        });
        assertThat(all.get(0).title()).isEqualTo("Booking 000");
        assertThat(all.get(CARDS - 1).title()).isEqualTo("Booking 249");
        assertThat(queries.pageAfter(all.get(CARDS - 1), PAGE)).isEmpty();
    }

    @Test
    void countsByStateCountsTheColumn() {
        assertThat(queries.countsByState(Booking.WORKFLOW)).containsOnly(Map.entry("inquiry", (long) CARDS));
    }

    @Test
    void pagingByOffsetShowsTheSameCardsInTheSameOrder() {
        List<CardSummary> byKey = keyset(Booking.WORKFLOW, "inquiry", new ArrayList<>());
        List<CardSummary> byOff = byOffset(Booking.WORKFLOW, "inquiry");
        assertThat(ids(byOff)).containsExactlyElementsOf(created).containsExactlyElementsOf(ids(byKey));
        assertThat(ids(queries.page(Booking.WORKFLOW, "inquiry", 120, PAGE))).containsExactlyElementsOf(created.subList(120, 160));
        assertThat(ids(queries.page(Booking.WORKFLOW, "inquiry", 245, PAGE))).containsExactlyElementsOf(created.subList(245, 250));
        assertThat(queries.page(Booking.WORKFLOW, "inquiry", 10_000, PAGE)).isEmpty();
    }

    @Test
    void cardsWithTheSamePositionAreNeitherSkippedNorRepeated() {
        withPositionsRestored(() -> {
            // positions collide in groups of seven (as after an import, or two desktops appending at once)
            rows.execute("UPDATE card SET position = (id / 7) * 1024 WHERE workflow_id = ?", Booking.WORKFLOW);
            List<CardSummary> byKey = keyset(Booking.WORKFLOW, "inquiry", new ArrayList<>());
            List<CardSummary> byOff = byOffset(Booking.WORKFLOW, "inquiry");
            assertThat(byKey).hasSize(CARDS).isSortedAccordingTo(COLUMN_ORDER);
            assertThat(ids(byKey)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
            assertThat(ids(byOff)).containsExactlyElementsOf(ids(byKey));
        });
    }

    @Test
    void aPageReadFromTheNearerEndIsThePageReadFromTheStart() {
        withPositionsRestored(() -> {
            for (boolean colliding : new boolean[]{false, true}) {
                if (colliding) {
                    rows.execute("UPDATE card SET position = (id / 7) * 1024 WHERE workflow_id = ?", Booking.WORKFLOW);
                }
                for (ColumnFilter f : List.of(ColumnFilter.ALL, ColumnFilter.ALL.withText("Booking 1"))) {
                    long matching = queries.count(Booking.WORKFLOW, "inquiry", f);
                    for (long offset : new long[]{0, 1, 100, 124, 125, 126, 190, 209, 210, 211, 230, 249, 250, 251, 400}) {
                        List<Long> forward = ids(queries.page(Booking.WORKFLOW, "inquiry", f, offset, PAGE));
                        assertThat(ids(queries.page(Booking.WORKFLOW, "inquiry", f, offset, PAGE, matching)))
                                .as("offset %d of %d matching %s, positions colliding: %s", offset, matching, f, colliding)
                                .containsExactlyElementsOf(forward);
                    }
                }
            }
        });
        assertThat(ids(queries.page(Booking.WORKFLOW, "inquiry", ColumnFilter.ALL, 230, PAGE, CARDS)))
                .containsExactlyElementsOf(created.subList(230, 250));
    }

    @Test
    void movedCardsLeaveTheirColumnAndJoinTheEndOfTheNext() {
        List<Long> column = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            column.add(create(ConsultingProject.WORKFLOW, "Project " + i));
        }
        // move every ninth card, last first, so that the new column's order is not the old one's
        List<Long> moved = new ArrayList<>();
        for (int i = column.size() - 1; i >= 0; i -= 9) {
            Outcome o = store.service.move(MoveRequest.toState(column.get(i), "discovery", DESK));
            assertThat(o.isDone()).as(o.message()).isTrue();
            moved.add(column.get(i));
        }
        assertThat(moved).hasSize(12);

        assertThat(queries.countsByState(ConsultingProject.WORKFLOW))
                .containsOnly(Map.entry("lead_qualification", 88L), Map.entry("discovery", 12L));

        List<Long> stayed = new ArrayList<>(column);
        stayed.removeAll(moved);
        List<Integer> sizes = new ArrayList<>();
        assertThat(ids(keyset(ConsultingProject.WORKFLOW, "lead_qualification", sizes))).containsExactlyElementsOf(stayed);
        assertThat(sizes).containsExactly(40, 40, 8);
        assertThat(ids(byOffset(ConsultingProject.WORKFLOW, "lead_qualification"))).containsExactlyElementsOf(stayed);

        List<CardSummary> discovery = keyset(ConsultingProject.WORKFLOW, "discovery", new ArrayList<>());
        assertThat(ids(discovery)).as("in the order they arrived").containsExactlyElementsOf(moved);
        assertThat(ids(byOffset(ConsultingProject.WORKFLOW, "discovery"))).containsExactlyElementsOf(moved);
        assertThat(discovery).allSatisfy(c -> assertThat(c.version()).isEqualTo(1));
    }

    @Test
    void aColumnShowsOnlyItsOwnWorkflowsCards() {
        // "planning" is a state of both the gallery and the content board
        List<Long> exhibitions = new ArrayList<>();
        List<Long> pieces = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            long e = create(Exhibition.WORKFLOW, "Exhibition " + i);
            long c = create(ContentPiece.WORKFLOW, "Piece " + i);
            exhibitions.add(e);
            pieces.add(c);
        }
        for (long e : exhibitions) {
            assertThat(store.service.move(MoveRequest.byEvent(e, "concept_approved", DESK)).isDone()).isTrue();
        }
        for (long c : pieces) {
            assertThat(store.service.move(MoveRequest.byEvent(c, "idea_selected", DESK)).isDone()).isTrue();
        }
        assertThat(ids(keyset(ContentPiece.WORKFLOW, "planning", new ArrayList<>()))).containsExactlyElementsOf(pieces);
        assertThat(ids(byOffset(ContentPiece.WORKFLOW, "planning"))).containsExactlyElementsOf(pieces);
        assertThat(ids(keyset(Exhibition.WORKFLOW, "artist_selection", new ArrayList<>()))).containsExactlyElementsOf(exhibitions);
        assertThat(queries.countsByState(ContentPiece.WORKFLOW)).containsOnly(Map.entry("planning", 45L));
        assertThat(queries.countsByState(Exhibition.WORKFLOW)).containsOnly(Map.entry("artist_selection", 45L));
        assertThat(queries.countsByState("WF-SFTR-PUB")).isEmpty();
    }
}
