package network.higherself.console.ui.search;

import network.higherself.console.card.AgentMessage;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Exhibition;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Rights;
import network.higherself.console.staff.Role;
import network.higherself.console.store.CardQueries;
import network.higherself.console.ui.common.ImmediateExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The search across boards finds cards on every board the person may view, and never on another. */
class SearchViewModelTest {

    static final Actor ADMIN = Actor.staff("amara", Role.ADMINISTRATOR);
    static final Actor FRONT_DESK = Actor.staff("theo", Role.FRONT_DESK);

    @TempDir
    static Path dir;
    static TestStore store;

    @BeforeAll
    static void cards() {
        store = new TestStore(dir);
        store.staff("theo", Role.FRONT_DESK);
        card(Booking.WORKFLOW, "Sound bath for Ingrid", "preparation");
        card(Booking.WORKFLOW, "Reiki for Marco", "inquiry");
        card(AgentMessage.WORKFLOW, "Lead hand-off: Ingrid's sound bath", "communication_completed");
        card(Exhibition.WORKFLOW, "Ingrid Holm: retrospective", "planning");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static void card(String workflowId, String title, String state) {
        Outcome o = store.service.create(workflowId, title, ADMIN, (c, r) -> {
            if (c instanceof AgentMessage m) {
                AgentMessage.SENDING_AGENT.set(m, "Nyra");
                AgentMessage.RECEIVING_AGENT.set(m, "Solari");
            }
        });
        assertThat(o.isDone()).as(o.message()).isTrue();
        store.putIn(((Outcome.Done) o).cardId(), state);
    }

    static SearchViewModel searchAs(Actor who) {
        Rights rights = store.service.rightsOf(who);
        return new SearchViewModel(store.workflows, new CardQueries(store.db.dataSource()), () -> rights, new ImmediateExecutor());
    }

    @Test
    void findsOnEveryBoardOneMayViewWithItsBoardAndColumnByTheirLabels() {
        SearchViewModel search = searchAs(ADMIN);
        search.textProperty().set("ingrid");
        assertThat(search.hits()).extracting(SearchViewModel.Hit::toString).containsExactlyInAnyOrder(
                "Ingrid Holm: retrospective  \u2014  Gallery exhibits  \u00b7  Planning",
                "Sound bath for Ingrid  \u2014  Wellness bookings  \u00b7  Preparation",
                "Lead hand-off: Ingrid's sound bath  \u2014  Agent communications  \u00b7  Communication completed");
        assertThat(search.messageProperty().get()).isEmpty();
    }

    @Test
    void neverFindsACardOnABoardThePersonMayNotView() {
        assertThat(store.service.rightsOf(FRONT_DESK).on(Exhibition.WORKFLOW).view()).as("the premise").isFalse();
        SearchViewModel search = searchAs(FRONT_DESK);
        search.textProperty().set("Ingrid");
        assertThat(search.hits()).extracting(h -> h.card().title())
                .containsExactlyInAnyOrder("Sound bath for Ingrid", "Lead hand-off: Ingrid's sound bath");

        search.textProperty().set("retrospective");
        assertThat(search.hits()).isEmpty();
        assertThat(search.messageProperty().get()).isEqualTo("No card on your boards matches \u201cretrospective\u201d.");
    }

    @Test
    void findsByAKeyFieldAsTheBoardsSearchDoes() {
        SearchViewModel search = searchAs(ADMIN);
        search.textProperty().set("solari"); // the receiving agent, a key field of a message
        assertThat(search.hits()).extracting(h -> h.card().title()).containsExactly("Lead hand-off: Ingrid's sound bath");
    }

    @Test
    void beforeTheRightsAreReadNothingIsFound() {
        AtomicReference<Rights> none = new AtomicReference<>();
        SearchViewModel search = new SearchViewModel(store.workflows, new CardQueries(store.db.dataSource()), none::get,
                new ImmediateExecutor());
        search.textProperty().set("Ingrid");
        assertThat(search.hits()).isEmpty();
    }
}
