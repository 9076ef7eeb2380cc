package network.higherself.console.store;

import network.higherself.console.card.Booking;
import network.higherself.console.card.Card;
import network.higherself.console.card.Client;
import network.higherself.console.card.Exhibition;
import network.higherself.console.card.Priority;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Swimlanes' reads: the cards of a board counted per column and lane in one query, and a column's page of one lane. */
class LaneQueriesTest {

    @TempDir
    Path dir;
    private TestStore store;
    private CardQueries queries;
    private final Actor amara = Actor.staff("amara", Role.ADMINISTRATOR);
    private long ada;
    private long grace;

    @BeforeEach
    void fill() {
        store = new TestStore(dir);
        store.staff("amara", Role.ADMINISTRATOR);
        queries = new CardQueries(store.db.dataSource());
        Client a = new Client("Ada Lovelace", "ada@example.com", null);
        Client g = new Client("Grace Hopper, Ltd", "grace@example.com", null);
        store.db.sessionFactory().inTransaction(s -> {
            s.persist(a);
            s.persist(g);
        });
        ada = a.getId();
        grace = g.getId();
        booking("Sound bath", ada, "amara", Priority.HIGH, false);
        booking("Reiki session", ada, null, Priority.NORMAL, true);
        booking("Massage", grace, "amara", Priority.HIGH, true);
        booking("Breathwork", null, null, Priority.LOW, true);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void booking(String title, Long client, String assignee, Priority priority, boolean consultation) {
        Outcome o = store.service.create(Booking.WORKFLOW, title, amara, (card, refs) -> {
            Booking.CLIENT.set((Booking) card, client == null ? null : refs.get(Client.class, client));
            Card.ASSIGNEE.set(card, assignee);
            Card.PRIORITY.set(card, priority);
        });
        assertThat(o.isDone()).as(o.message()).isTrue();
        if (consultation) {
            assertThat(store.service.move(MoveRequest.byEvent(((Outcome.Done) o).cardId(), "consultation_scheduled", amara))
                    .isDone()).isTrue();
        }
    }

    @Test
    void aBoardsCardsAreCountedPerColumnAndClientWithTheClientsNames() {
        assertThat(queries.laneCounts(Booking.WORKFLOW, "client", ColumnFilter.ALL)).containsExactlyInAnyOrder(
                new LaneCount("inquiry", String.valueOf(ada), "Ada Lovelace", 1),
                new LaneCount("consultation", String.valueOf(ada), "Ada Lovelace", 1),
                new LaneCount("consultation", String.valueOf(grace), "Grace Hopper, Ltd", 1),
                new LaneCount("consultation", null, null, 1));
        // the search, which joins the clients too, narrows the counts
        assertThat(queries.laneCounts(Booking.WORKFLOW, "client", ColumnFilter.ALL.withText("grace")))
                .containsExactly(new LaneCount("consultation", String.valueOf(grace), "Grace Hopper, Ltd", 1));
        assertThat(queries.laneCounts(Booking.WORKFLOW, "priority", ColumnFilter.ALL.withHighPriority(true)))
                .containsExactlyInAnyOrder(new LaneCount("inquiry", "HIGH", null, 1), new LaneCount("consultation", "HIGH", null, 1));
    }

    @Test
    void aColumnsPageOfOneLaneHoldsThatLanesCardsOnly() {
        ColumnFilter adas = ColumnFilter.ALL.withLane(new ColumnFilter.Lane("client", String.valueOf(ada)));
        assertThat(titles(queries.page(Booking.WORKFLOW, "consultation", adas, 0, 60))).containsExactly("Reiki session");
        assertThat(queries.count(Booking.WORKFLOW, "consultation", adas)).isEqualTo(1);
        ColumnFilter none = ColumnFilter.ALL.withLane(new ColumnFilter.Lane("client", null));
        assertThat(titles(queries.page(Booking.WORKFLOW, "consultation", none, 0, 60))).containsExactly("Breathwork");
        ColumnFilter unassigned = ColumnFilter.ALL.withLane(new ColumnFilter.Lane("assignee", null));
        assertThat(titles(queries.page(Booking.WORKFLOW, "consultation", unassigned, 0, 60)))
                .containsExactlyInAnyOrder("Reiki session", "Breathwork");
        ColumnFilter amaras = ColumnFilter.ALL.withLane(new ColumnFilter.Lane("assignee", "amara"));
        assertThat(queries.laneCounts(Booking.WORKFLOW, "assignee", amaras)).extracting(LaneCount::label)
                .as("the lane's name is the staff member's").containsOnly("amara");
        ColumnFilter notAnId = ColumnFilter.ALL.withLane(new ColumnFilter.Lane("client", "Ada Lovelace"));
        assertThat(queries.count(Booking.WORKFLOW, "consultation", notAnId)).as("no card refers to a name").isZero();
    }

    @Test
    void lanesGoOnlyByTheFieldsTheBoardsCardsHave() {
        assertThat(CardQueries.laneFields(Booking.WORKFLOW)).extracting(f -> f.key())
                .containsExactly("assignee", "priority", "client");
        assertThat(CardQueries.laneFields(Exhibition.WORKFLOW)).extracting(f -> f.key())
                .containsExactly("assignee", "priority", "curator");
        assertThat(CardQueries.laneFields("WF-MKTG-CAMP")).extracting(f -> f.key()).containsExactly("assignee", "priority");
        assertThatThrownBy(() -> queries.laneCounts("WF-MKTG-CAMP", "client", ColumnFilter.ALL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> titles(List<CardSummary> cards) {
        return cards.stream().map(CardSummary::title).toList();
    }
}
