package network.higherself.console.ui.board;

import javafx.collections.FXCollections;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Campaign;
import network.higherself.console.card.Exhibition;
import network.higherself.console.move.CardChange;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.CardSummary;
import network.higherself.console.ui.common.ImmediateExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's "Overdue" filter counts a card overdue by the date its <em>current</em> state waits for (the timed event
 * of that state), never by a date of another state: a paid, confirmed booking whose payment deadline passed is not
 * overdue; a confirmed booking whose preparation should have started is. The clock is fixed (TestStore.T0, UTC).
 */
class OverdueFilterTest {

    static final Actor ADMIN = Actor.staff("amara", Role.ADMINISTRATOR);
    static final LocalDateTime NOW = LocalDateTime.ofInstant(TestStore.T0, ZoneOffset.UTC);

    @TempDir
    static Path dir;
    static TestStore store;

    @BeforeAll
    static void cards() {
        store = new TestStore(dir);
        card(Booking.WORKFLOW, "Deadline passed, not paid", "payment_pending", (c, r) -> {
            Booking.PAYMENT_DEADLINE.set((Booking) c, NOW.minusHours(1));
            Booking.SERVICE_AT.set((Booking) c, NOW.plusDays(9));
        });
        card(Booking.WORKFLOW, "Deadline to come", "payment_pending", (c, r) -> {
            Booking.PAYMENT_DEADLINE.set((Booking) c, NOW.plusHours(1));
            Booking.SERVICE_AT.set((Booking) c, NOW.plusDays(9));
        });
        card(Booking.WORKFLOW, "Paid and confirmed, deadline long passed", "booking_confirmed", (c, r) -> {
            Booking.PAYMENT_DEADLINE.set((Booking) c, NOW.minusDays(3));
            Booking.SERVICE_AT.set((Booking) c, NOW.plusDays(9));
        });
        card(Booking.WORKFLOW, "Confirmed, service tomorrow", "booking_confirmed", (c, r) ->
                Booking.SERVICE_AT.set((Booking) c, NOW.plusDays(1)));
        card(Booking.WORKFLOW, "Being served, deadline passed", "service_delivery", (c, r) -> {
            Booking.PAYMENT_DEADLINE.set((Booking) c, NOW.minusDays(3));
            Booking.SERVICE_AT.set((Booking) c, NOW.minusHours(1));
        });
        card(Exhibition.WORKFLOW, "Opens today", "setup", (c, r) ->
                Exhibition.OPENING_DATE.set((Exhibition) c, LocalDate.ofInstant(TestStore.T0, ZoneOffset.UTC)));
        card(Exhibition.WORKFLOW, "Opens tomorrow", "setup", (c, r) ->
                Exhibition.OPENING_DATE.set((Exhibition) c, LocalDate.ofInstant(TestStore.T0, ZoneOffset.UTC).plusDays(1)));
        card(Exhibition.WORKFLOW, "Already open, opening date passed", "active", (c, r) ->
                Exhibition.OPENING_DATE.set((Exhibition) c, LocalDate.ofInstant(TestStore.T0, ZoneOffset.UTC).minusDays(5)));
        card(Campaign.WORKFLOW, "Campaign past its end", "monitoring", (c, r) ->
                Campaign.ENDS_ON.set((Campaign) c, LocalDate.ofInstant(TestStore.T0, ZoneOffset.UTC).minusDays(2)));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static void card(String workflowId, String title, String state, CardChange fields) {
        Outcome o = store.service.create(workflowId, title, ADMIN, fields);
        assertThat(o.isDone()).as(o.message()).isTrue();
        store.putIn(((Outcome.Done) o).cardId(), state);
    }

    /** The titles the board shows, column by column, with its "Overdue" filter on. */
    static List<String> overdueOn(String workflowId) {
        BoardViewModel board = new BoardViewModel(store.workflows.get(workflowId),
                BoardStore.of(store.service, store.limits, new CardQueries(store.db.dataSource())), new ImmediateExecutor(),
                () -> ADMIN, () -> null, store.clock, FXCollections.observableHashMap());
        board.overdueProperty().set(true);
        board.refresh();
        List<String> titles = new ArrayList<>();
        for (ColumnViewModel c : board.columns()) {
            assertThat(c.countProperty().get()).isEqualTo(c.cards().size());
            for (int i = 0; i < c.cards().size(); i++) {
                CardSummary card = c.cards().get(i);
                titles.add(card.title());
                // what the card itself says: the countdown of its state, passed
                assertThat(board.countdown(card)).hasValueSatisfying(t -> assertThat(t.passed()).isTrue());
            }
        }
        return titles;
    }

    @Test
    void aBookingIsOverdueByTheDateOfItsCurrentStateOnly() {
        assertThat(overdueOn(Booking.WORKFLOW)).containsExactlyInAnyOrder("Deadline passed, not paid", "Confirmed, service tomorrow");
    }

    @Test
    void anExhibitionIsOverdueOnItsOpeningDayStillInSetup() {
        assertThat(overdueOn(Exhibition.WORKFLOW)).containsExactly("Opens today");
    }

    @Test
    void aBoardWhoseStatesWaitForNoTimeHasNoOverdueCards() {
        assertThat(overdueOn(Campaign.WORKFLOW)).isEmpty();
    }
}
