package network.higherself.console.demo;

import network.higherself.console.card.AgentMessage;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Card;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.move.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo reads true: each card is one thing, and what its title says is what its fields hold. */
class DemoDataTest {

    @TempDir
    static Path dir;

    static TestStore store;
    static List<Card> cards;

    @BeforeAll
    static void seed() {
        store = new TestStore(dir);
        store.demoData().seed();
        cards = store.db.sessionFactory().fromSession(s -> {
            List<Card> all = s.createSelectionQuery("from Card order by id", Card.class).getResultList();
            all.forEach(c -> {
                if (c instanceof Booking b) {
                    Booking.CLIENT.get(b).getName(); // loaded while the session is open
                    Booking.SERVICE.get(b).getName();
                } else if (c instanceof PermissionRequest p) {
                    PermissionRequest.STAFF_MEMBER.get(p).getDisplayName();
                }
            });
            return all;
        });
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void noTwoCardsOfABoardShareATitle() {
        Map<String, List<String>> titles = cards.stream().collect(Collectors.groupingBy(Card::workflowId,
                Collectors.mapping(Card::getTitle, Collectors.toList())));
        assertThat(titles).hasSize(store.workflows.all().size());
        titles.forEach((board, list) -> {
            Map<String, Integer> seen = new HashMap<>();
            list.forEach(t -> seen.merge(t, 1, Integer::sum));
            seen.values().removeIf(n -> n == 1);
            assertThat(seen).as("titles used more than once on %s", board).isEmpty();
        });
    }

    @Test
    void aBookingsTitleNamesItsServiceAndItsClient() {
        List<Booking> bookings = cards.stream().filter(Booking.class::isInstance).map(Booking.class::cast).toList();
        assertThat(bookings).hasSizeGreaterThan(10);
        for (Booking b : bookings) {
            String service = Booking.SERVICE.get(b).getName().replaceAll(" \\(.*\\)", "");
            String client = Booking.CLIENT.get(b).getName().split(" ")[0];
            assertThat(b.getTitle()).isEqualTo(service + " for " + client);
        }
    }

    @Test
    void aPermissionRequestsTitleNamesWhoAsks() {
        List<PermissionRequest> requests = cards.stream().filter(PermissionRequest.class::isInstance)
                .map(PermissionRequest.class::cast).toList();
        assertThat(requests).hasSizeGreaterThan(10);
        for (PermissionRequest p : requests) {
            assertThat(p.getTitle()).startsWith(PermissionRequest.STAFF_MEMBER.get(p).getDisplayName().split(" ")[0] + " asks to ");
        }
    }

    @Test
    void anAgentMessageIsAboutTheCardItsTitleNames() {
        Map<Long, String> titleById = cards.stream().collect(Collectors.toMap(Card::getId, Card::getTitle));
        List<AgentMessage> messages = cards.stream().filter(AgentMessage.class::isInstance).map(AgentMessage.class::cast).toList();
        assertThat(messages).hasSizeGreaterThan(5);
        for (AgentMessage m : messages) {
            String payload = AgentMessage.PAYLOAD_SUMMARY.get(m);
            long about = Long.parseLong(payload.replaceAll(".*\"card_id\":(\\d+).*", "$1"));
            assertThat(m.getTitle()).as(payload).endsWith(titleById.get(about));
        }
    }
}
