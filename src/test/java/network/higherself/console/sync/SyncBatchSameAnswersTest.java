package network.higherself.console.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's batch push after each speed-up answers exactly as the one before did (V4's, the last change of its
 * behaviour): the same batches, ordinary and odd (ids in other forms or no UUID at all, a card id that is a number,
 * retried, conflicting, illegal, repeated within the batch, a change of a card made earlier in the batch, an element
 * that is not an event), pushed to a server set up to V4 and to one set up to V5, get the same answers
 * and leave the same cards, log and refusals.
 */
class SyncBatchSameAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOOK = "WF-WELL-BOOK";

    @TempDir
    static Path dir;
    private static TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(dir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void everyBatchIsAnsweredAsBeforeAndLeavesTheSameServer() throws Exception {
        String before = TwoDesktops.newServerDatabase(server, "same_v4", "4");
        // V5 (the faster accept_run) against V4; V6 changes the answers on purpose (a change built on a lost change
        // of the same push loses too: SyncServerTest) and runs the same accept_run
        String after = TwoDesktops.newServerDatabase(server, "same_v5", "5");
        ServerAddress login = server.desktop("desk_same");
        try (Connection cb = DriverManager.getConnection(before, login.user(), login.password());
             Connection ca = DriverManager.getConnection(after, login.user(), login.password())) {
            UUID c1 = UUID.randomUUID();
            UUID c2 = UUID.randomUUID();
            UUID c3 = UUID.randomUUID();
            ObjectNode made = create(c1);
            ObjectNode firstEdit = edit(c1, 0, "inquiry", "First");
            List<List<JsonNode>> batches = new ArrayList<>();
            batches.add(List.of(made, create(c2), firstEdit,
                    move(c1, 1, "inquiry", "consultation_scheduled", "consultation"), edit(c2, 0, "inquiry", "Two")));

            List<JsonNode> odd = new ArrayList<>();
            odd.add(edit(c1, 2, "consultation", "ordinary"));
            odd.add(with(edit(c1, 3, "consultation", "upper case id"), "event_id", UUID.randomUUID().toString().toUpperCase()));
            odd.add(with(edit(c1, 4, "consultation", "braced id"), "event_id", "{" + UUID.randomUUID() + "}"));
            odd.add(with(edit(c1, 5, "consultation", "id without hyphens"), "event_id", UUID.randomUUID().toString().replace("-", "")));
            odd.add(with(edit(c1, 6, "consultation", "card id upper case"), "card_uid", c1.toString().toUpperCase()));
            odd.add(firstEdit);                                                  // retried
            odd.add(edit(c2, 0, "inquiry", "from a version long gone"));         // conflict
            odd.add(move(c2, 1, "inquiry", "service_completed", "completed"));   // no such transition
            odd.add(edit(c2, 1, "inquiry", "ordinary again"));
            odd.add(with(edit(c2, 2, "inquiry", "version as text"), "base_version", "2"));
            odd.add(with(edit(c2, 3, "inquiry", "version with a plus"), "base_version", "+3"));
            ObjectNode twice = edit(c2, 3, "inquiry", "sent twice in one batch");
            odd.add(twice);
            odd.add(twice);
            odd.add(create(c3));
            odd.add(edit(c3, 0, "inquiry", "a card made earlier in this batch"));
            ObjectNode noCard = edit(c2, 4, "inquiry", "no card data");
            noCard.put("card", "not an object");
            odd.add(noCard);
            ObjectNode tick = JSON.createObjectNode().put("event_id", UUID.randomUUID().toString()).put("kind", "TASK_DONE")
                    .put("card_uid", c2.toString()).put("actor", "amara");
            odd.add(tick);
            odd.add(edit(c2, 4, "inquiry", "after the others"));
            batches.add(odd);
            batches.add(odd); // the whole batch again

            List<JsonNode> numberId = new ArrayList<>();
            numberId.add(edit(c2, 5, "inquiry", "before a card id that is a number"));
            ObjectNode number = edit(c2, 6, "inquiry", "card id a number");
            number.put("card_uid", 12345);
            numberId.add(number);
            numberId.add(JSON.getNodeFactory().textNode("not an event"));
            numberId.add(with(edit(c2, 6, "inquiry", "not a UUID at all"), "event_id", "event-7"));
            numberId.add(edit(c2, 6, "inquiry", "after them"));
            batches.add(numberId);

            for (List<JsonNode> batch : batches) {
                String answerBefore = push(cb, batch);
                String answerAfter = push(ca, batch);
                assertThat(withoutTimes(answerAfter)).isEqualTo(withoutTimes(answerBefore));
            }
            assertThat(state(after)).isEqualTo(state(before));
            // and they were not all refused: the ordinary ones are in the log
            assertThat(state(after)).contains("after the others").contains("after them");
        }
    }
    private static String push(Connection c, List<JsonNode> events) throws Exception {
        ArrayNode array = JSON.createArrayNode();
        events.forEach(array::add);
        try (PreparedStatement ps = c.prepareStatement("SELECT hsc.push_all(?::jsonb)")) {
            ps.setString(1, array.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The server's cards, log and refusals, without the times of acceptance (the two servers' clocks). */
    private static String state(String url) throws Exception {
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = server.superuser(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT concat_ws(E'\\n', "
                     + "(SELECT string_agg(concat_ws('|', uid, workflow_id, state, version, data, last_seq), E'\\n' ORDER BY uid) FROM hsc.card), "
                     + "(SELECT string_agg(concat_ws('|', seq, event_id, desktop, kind, card_uid, body::jsonb - 'accepted_at'), E'\\n' ORDER BY seq) FROM hsc.event), "
                     + "(SELECT string_agg(concat_ws('|', event_id, desktop, event, verdict), E'\\n' ORDER BY event_id) FROM hsc.rejected), "
                     + "(SELECT last_seq::TEXT FROM hsc.head))")) {
            rs.next();
            return withoutTimes(rs.getString(1));
        }
    }

    private static String withoutTimes(String text) {
        return text.replaceAll("\"accepted_at\": ?\"[^\"]*\"", "\"accepted_at\": \"-\"");
    }

    private static ObjectNode with(ObjectNode e, String field, String value) {
        e.put(field, value);
        return e;
    }

    private static ObjectNode create(UUID card) {
        ObjectNode e = JSON.createObjectNode();
        e.put("event_id", UUID.randomUUID().toString());
        e.put("kind", "CREATE");
        e.put("workflow_id", BOOK);
        e.put("card_uid", card.toString());
        e.put("base_version", 0);
        e.put("to_state", "inquiry");
        e.put("actor", "amara");
        e.putObject("card").put("title", "A card");
        return e;
    }

    private static ObjectNode move(UUID card, long base, String from, String event, String to) {
        ObjectNode e = JSON.createObjectNode();
        e.put("event_id", UUID.randomUUID().toString());
        e.put("kind", "MOVE");
        e.put("workflow_id", BOOK);
        e.put("card_uid", card.toString());
        e.put("base_version", base);
        e.put("from_state", from);
        e.put("event", event);
        e.put("to_state", to);
        e.put("actor", "amara");
        e.putObject("card").put("title", "Moved");
        return e;
    }

    private static ObjectNode edit(UUID card, long base, String state, String title) {
        ObjectNode e = move(card, base, state, null, state);
        e.put("kind", "EDIT");
        e.putNull("event");
        e.putObject("change").putObject("fields").put("title", title);
        e.putObject("card").put("title", title);
        return e;
    }
}
