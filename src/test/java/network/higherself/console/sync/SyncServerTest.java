package network.higherself.console.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server's side of sync on a real PostgreSQL: what it accepts, refuses, orders and lets desktops do. */
class SyncServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WorkflowCatalog WORKFLOWS = WorkflowCatalog.bundled();

    @TempDir
    static Path dir;
    private static TestServer server;
    private static ServerAddress deskA;
    private static ServerAddress deskB;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(dir);
        try (SyncServer owner = new SyncServer(server.owner())) {
            assertThat(owner.schemaVersion()).isZero();
            owner.migrate();
            owner.defineWorkflows(WORKFLOWS.all().stream().map(WorkflowDigest::of).toList());
            assertThat(owner.schemaVersion()).isEqualTo(SyncServer.SCHEMA_VERSION);
        }
        deskA = server.desktop("desk_a");
        deskB = server.desktop("desk_b");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aCardCreatedOnOneDesktopIsPulledByAnotherInTheServersOrderWithItsDesktopNamed() {
        try (SyncServer a = new SyncServer(deskA); SyncServer b = new SyncServer(deskB)) {
            long before = b.head().seq();
            UUID card = UUID.randomUUID();
            List<PushAnswer> answers = a.push(List.of(create(card, "WF-WELL-BOOK")));
            assertThat(answers).singleElement().satisfies(x -> assertThat(x.status()).isEqualTo(PushAnswer.Status.ACCEPTED));

            List<ServerEvent> pulled = b.pull(before, 100);
            assertThat(pulled).hasSize(1);
            JsonNode body = read(pulled.get(0).body());
            assertThat(body.path("card_uid").asText()).isEqualTo(card.toString());
            assertThat(body.path("desktop").asText()).isEqualTo("desk_a");
            assertThat(body.path("seq").asLong()).isEqualTo(pulled.get(0).seq()).isEqualTo(answers.get(0).seq());
        }
    }

    @Test
    void aRetriedPushIsHarmless() {
        try (SyncServer a = new SyncServer(deskA)) {
            JsonNode event = create(UUID.randomUUID(), "WF-GALLERY-EXH");
            PushAnswer first = a.push(List.of(event)).get(0);
            PushAnswer again = a.push(List.of(event)).get(0);
            assertThat(first.status()).isEqualTo(PushAnswer.Status.ACCEPTED);
            assertThat(again.status()).isEqualTo(PushAnswer.Status.DUPLICATE);
            assertThat(again.seq()).isEqualTo(first.seq());
            assertThat(a.pull(first.seq() - 1, 100)).filteredOn(e -> e.body().contains(event.path("event_id").asText())).hasSize(1);
        }
    }

    @Test
    void whenTwoDesktopsMoveTheSameCardFromTheSameVersionOneWinsAndTheOtherIsAConflictThatNamesTheWinner() {
        try (SyncServer a = new SyncServer(deskA); SyncServer b = new SyncServer(deskB)) {
            UUID card = UUID.randomUUID();
            a.push(List.of(create(card, "WF-WELL-BOOK")));
            PushAnswer won = a.push(List.of(move(card, "WF-WELL-BOOK", 0, "inquiry", "consultation_scheduled", "consultation", "amara"))).get(0);
            PushAnswer lost = b.push(List.of(move(card, "WF-WELL-BOOK", 0, "inquiry", "consultation_scheduled", "consultation", "theo"))).get(0);

            assertThat(won.status()).isEqualTo(PushAnswer.Status.ACCEPTED);
            assertThat(lost.status()).isEqualTo(PushAnswer.Status.CONFLICT);
            assertThat(lost.card().path("state").asText()).isEqualTo("consultation");
            assertThat(lost.card().path("version").asLong()).isEqualTo(1);
            assertThat(lost.last().path("actor").asText()).isEqualTo("amara");
            assertThat(lost.last().path("desktop").asText()).isEqualTo("desk_a");
            // the loser's retry gets the same answer: kept, never dropped, never forced
            PushAnswer again = b.push(List.of(move(card, "WF-WELL-BOOK", 0, "inquiry", "consultation_scheduled", "consultation", "theo"))).get(0);
            assertThat(again.status()).isIn(PushAnswer.Status.CONFLICT);
        }
    }

    @Test
    void theServerRefusesAnIllegalMoveWhateverTheDesktopClaims() throws Exception {
        UUID card = UUID.randomUUID();
        try (SyncServer a = new SyncServer(deskA)) {
            a.push(List.of(create(card, "WF-WELL-BOOK")));
            // no transition leads from inquiry to completed
            PushAnswer illegal = a.push(List.of(move(card, "WF-WELL-BOOK", 0, "inquiry", "service_completed", "completed", "amara"))).get(0);
            assertThat(illegal.status()).isEqualTo(PushAnswer.Status.REFUSED);
            assertThat(illegal.reason()).contains("No transition");
            // a card cannot be created anywhere but in its workflow's first state
            ObjectNode sneaky = create(UUID.randomUUID(), "WF-WELL-BOOK");
            sneaky.put("to_state", "completed");
            assertThat(a.push(List.of(sneaky)).get(0).status()).isEqualTo(PushAnswer.Status.REFUSED);
            // an edit cannot change the state
            ObjectNode edit = move(card, "WF-WELL-BOOK", 0, "inquiry", null, "completed", "amara");
            edit.put("kind", "EDIT");
            assertThat(a.push(List.of(edit)).get(0).status()).isEqualTo(PushAnswer.Status.REFUSED);
        }
        // and by hand, with the desktops' role: the tables cannot be written, the inner functions not called
        try (Connection c = DriverManager.getConnection(deskA.url(), deskA.user(), deskA.password()); Statement st = c.createStatement()) {
            for (String sql : List.of(
                    "UPDATE hsc.card SET state = 'completed' WHERE uid = '" + card + "'",
                    "INSERT INTO hsc.event (seq, event_id, desktop, kind, body, prev_hash, hash) VALUES (999999, gen_random_uuid(), 'x', 'MOVE', '{}', '', '')",
                    "DELETE FROM hsc.rejected",
                    "SELECT * FROM hsc.card",
                    "SELECT hsc.accept('{}'::jsonb)",
                    "SELECT hsc.accept_run('[]'::jsonb, 0)",
                    "SELECT * FROM hsc.role_default",
                    "SELECT hsc.define_roles('[]'::jsonb)",
                    "SELECT hsc.define_workflows('[]'::jsonb)")) {
                assertThatThrownBy(() -> st.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
        }
    }

    @Test
    void eventsPushedFromManyThreadsArePulledInOrderWithoutSkippingOne() throws Exception {
        int threads = 6;
        int each = 150;
        long start;
        try (SyncServer s = new SyncServer(deskA)) {
            start = s.head().seq();
        }
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Long> order = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch go = new CountDownLatch(1);
        Future<?> reader = pool.submit(() -> {
            try (SyncServer r = new SyncServer(deskB)) {
                long last = start;
                while (true) {
                    boolean finished = done.get();
                    List<ServerEvent> page = r.pull(last, 500);
                    for (ServerEvent e : page) {
                        order.add(e.seq());
                        seen.add(e.seq());
                        last = e.seq();
                    }
                    if (finished && page.isEmpty()) {
                        return null;
                    }
                }
            }
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            writers.add(pool.submit(() -> {
                go.await();
                try (SyncServer w = new SyncServer(deskA)) {
                    for (int i = 0; i < each; i++) {
                        assertThat(w.push(List.of(create(UUID.randomUUID(), "WF-CONT-CYCLE"))).get(0).inLog()).isTrue();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> w : writers) {
            w.get(120, TimeUnit.SECONDS);
        }
        done.set(true);
        reader.get(120, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(seen).hasSize(threads * each);
        List<Long> expected = new ArrayList<>();
        for (long s = start + 1; s <= start + threads * each; s++) {
            expected.add(s);
        }
        assertThat(order).containsExactlyElementsOf(expected);
    }

    @Test
    void theServersLogIsAHashChainThatRevealsAnEventChangedOnTheServer() throws Exception {
        try (SyncServer a = new SyncServer(deskA)) {
            a.push(List.of(create(UUID.randomUUID(), "WF-MKTG-CAMP")));
            assertThat(verify(a)).isEmpty();
            try (Connection c = server.superuser(); Statement st = c.createStatement()) {
                st.execute("UPDATE hsc.event SET body = replace(body, 'WF-MKTG-CAMP', 'WF-CONSULT') "
                        + "WHERE seq = (SELECT max(seq) FROM hsc.event)");
            }
            assertThat(verify(a)).hasValueSatisfying(p -> assertThat(p).contains("does not match its hash"));
            try (Connection c = server.superuser(); Statement st = c.createStatement()) {
                st.execute("UPDATE hsc.event SET body = replace(body, 'WF-CONSULT', 'WF-MKTG-CAMP') "
                        + "WHERE seq = (SELECT max(seq) FROM hsc.event)");
            }
            assertThat(verify(a)).isEmpty();
        }
    }

    @Test
    void oneDesktopAtATimeHoldsTheAgentsLockAndAnotherTakesItOverWhenItGoesAway() {
        SyncServer a = new SyncServer(deskA);
        try (SyncServer b = new SyncServer(deskB)) {
            assertThat(a.tryAgentsLock()).isTrue();
            assertThat(b.tryAgentsLock()).isFalse();
            a.close(); // the desktop goes away: its session ends, and the lock with it
            // the server ends the session a moment after the connection closes: the next desktop gets the lock at one
            // of its next tries (the console tries every 30 s; here every 50 ms, for at most 10 s)
            long deadline = System.nanoTime() + 10_000_000_000L;
            boolean taken = b.tryAgentsLock();
            while (!taken && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
                taken = b.tryAgentsLock();
            }
            assertThat(taken).as("the second desktop takes the agents' lock once the first is gone").isTrue();
        }
    }

    @Test
    void aDesktopThatListensHearsOfAnotherDesktopsPushAtOnce() {
        try (SyncServer a = new SyncServer(deskA); SyncServer b = new SyncServer(deskB)) {
            b.listen();
            PushAnswer pushed = a.push(List.of(create(UUID.randomUUID(), "WF-SFTR-PUB"))).get(0);
            long noticed = -1;
            for (int i = 0; i < 10 && noticed < pushed.seq(); i++) {
                noticed = Math.max(noticed, b.awaitNotice(200));
            }
            assertThat(noticed).isEqualTo(pushed.seq());
        }
    }

    @Test
    void aDesktopRoleCannotSetTheServerUpAndIsToldWhatToDo() {
        try (SyncServer a = new SyncServer(deskA)) {
            assertThatThrownBy(() -> a.defineWorkflows(List.of(WorkflowDigest.of(WORKFLOWS.get("WF-WELL-BOOK")))))
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("does not allow desk_a");
        }
    }

    @Test
    void theDigestsOnTheServerAreTheBundledWorkflows() {
        try (SyncServer a = new SyncServer(deskA)) {
            var digests = a.workflowDigests();
            for (Workflow w : WORKFLOWS.all()) {
                assertThat(digests.get(w.id())).isEqualTo(WorkflowDigest.of(w).digest());
            }
        }
    }

    /**
     * A batch is answered event by event as if each had been pushed alone, whether the server takes it in a run
     * (several changes of one card chained on each other's versions) or one by one (a duplicate, a conflict, a
     * refusal, a change of a card made earlier in the same batch); the card ends with every accepted change, in order.
     */
    @Test
    void aBatchIsAnsweredEventByEventAsIfEachWasPushedAlone() {
        try (SyncServer a = new SyncServer(deskA)) {
            UUID card = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            UUID third = UUID.randomUUID();
            a.push(List.of(create(card, "WF-WELL-BOOK"), create(third, "WF-WELL-BOOK")));
            ObjectNode first = edit(card, 0, "inquiry", "title", "First");
            ObjectNode second = move(card, "WF-WELL-BOOK", 1, "inquiry", "consultation_scheduled", "consultation", "amara");
            second.putObject("card").put("notes", "moved");
            List<PushAnswer> answers = a.push(List.of(
                    first,
                    second,
                    edit(card, 2, "consultation", "title", "Third"),
                    first,                                                   // the same event again
                    edit(third, 3, "inquiry", "title", "Too late"),          // made from a version the server never had
                    edit(card, 3, "consultation", "notes", "kept"),
                    create(other, "WF-WELL-BOOK"),
                    move(other, "WF-WELL-BOOK", 0, "inquiry", "consultation_scheduled", "consultation", "amara"),
                    move(card, "WF-WELL-BOOK", 4, "consultation", "payment_received", "payment_confirmed", "amara"),
                    edit(other, 1, "consultation", "title", "Last")));
            assertThat(answers).extracting(PushAnswer::status).containsExactly(
                    PushAnswer.Status.ACCEPTED, PushAnswer.Status.ACCEPTED, PushAnswer.Status.ACCEPTED,
                    PushAnswer.Status.DUPLICATE, PushAnswer.Status.CONFLICT, PushAnswer.Status.ACCEPTED,
                    PushAnswer.Status.ACCEPTED, PushAnswer.Status.ACCEPTED, PushAnswer.Status.REFUSED,
                    PushAnswer.Status.ACCEPTED);
            assertThat(answers.get(3).seq()).isEqualTo(answers.get(0).seq());
            List<Long> numbers = answers.stream().filter(x -> x.status() == PushAnswer.Status.ACCEPTED).map(PushAnswer::seq).toList();
            for (int i = 1; i < numbers.size(); i++) {
                assertThat(numbers.get(i)).isEqualTo(numbers.get(i - 1) + 1); // in the batch's order, no gap
            }
            // the conflict shows the card as the server has it, and who changed it last
            assertThat(answers.get(4).card().path("version").asLong()).isZero();
            assertThat(answers.get(4).last().path("kind").asText()).isEqualTo("CREATE");

            SyncServer.ServerCard copy = a.cardCopy(card).orElseThrow();
            assertThat(copy.state()).isEqualTo("consultation");
            assertThat(copy.version()).isEqualTo(4);
            JsonNode data = read(copy.data());
            assertThat(data.path("title").asText()).isEqualTo("Third");
            assertThat(data.path("notes").asText()).isEqualTo("kept");
            assertThat(a.cardCopy(other).orElseThrow().version()).isEqualTo(2);
            assertThat(read(a.cardCopy(other).orElseThrow().data()).path("title").asText()).isEqualTo("Last");
            assertThat(verify(a)).isEmpty();
            // the whole batch again: nothing new, every answer the same
            long head = a.head().seq();
            List<PushAnswer> again = a.push(List.of(first, second));
            assertThat(again).extracting(PushAnswer::status).containsOnly(PushAnswer.Status.DUPLICATE);
            assertThat(a.head().seq()).isEqualTo(head);
        }
    }

    @Test
    void aChangeBuiltOnALostChangeOfTheSamePushIsLostToo() {
        try (SyncServer a = new SyncServer(deskA); SyncServer b = new SyncServer(deskB)) {
            UUID card = UUID.randomUUID();
            a.push(List.of(create(card, "WF-WELL-BOOK")));
            // B retitles the card first: the server's copy is at version 1
            assertThat(b.push(List.of(edit(card, 0, "inquiry", "title", "B's title")))).extracting(PushAnswer::status)
                    .containsExactly(PushAnswer.Status.ACCEPTED);
            // A, offline, retitled it twice: its second edit names version 1, the number B's edit made on the server
            ObjectNode lost = edit(card, 0, "inquiry", "title", "A's title");
            ObjectNode onTop = edit(card, 1, "inquiry", "notes", "A's note, written on A's title");
            ObjectNode elsewhere = create(UUID.randomUUID(), "WF-WELL-BOOK");
            List<PushAnswer> answers = a.push(List.of(lost, onTop, elsewhere));
            assertThat(answers).extracting(PushAnswer::status).containsExactly(
                    PushAnswer.Status.CONFLICT, PushAnswer.Status.CONFLICT, PushAnswer.Status.ACCEPTED);
            assertThat(answers.get(1).card().path("version").asLong()).isEqualTo(1);
            assertThat(answers.get(1).last().path("desktop").asText()).isEqualTo(deskB.user());
            SyncServer.ServerCard copy = a.cardCopy(card).orElseThrow();
            assertThat(copy.version()).isEqualTo(1);
            assertThat(read(copy.data()).path("title").asText()).isEqualTo("B's title");
            assertThat(read(copy.data()).has("notes")).isFalse();
            // retried alone (the desktop died before it marked them): answered as the first time, nothing taken
            long head = a.head().seq();
            assertThat(a.push(List.of(onTop))).extracting(PushAnswer::status).containsExactly(PushAnswer.Status.CONFLICT);
            assertThat(a.head().seq()).isEqualTo(head);
        }
    }

    private static ObjectNode edit(UUID card, long base, String state, String field, String value) {
        ObjectNode e = move(card, "WF-WELL-BOOK", base, state, null, state, "amara");
        e.put("kind", "EDIT");
        e.putObject("card").put(field, value);
        return e;
    }

    private static java.util.Optional<String> verify(SyncServer s) {
        ServerChain chain = new ServerChain();
        long after = 0;
        while (true) {
            List<ServerEvent> page = s.pull(after, 1000);
            if (page.isEmpty()) {
                break;
            }
            for (ServerEvent e : page) {
                if (!chain.add(e)) {
                    return chain.problem();
                }
                after = e.seq();
            }
        }
        chain.finish(s.head());
        return chain.problem();
    }

    private static ObjectNode create(UUID card, String workflow) {
        ObjectNode e = JSON.createObjectNode();
        e.put("event_id", UUID.randomUUID().toString());
        e.put("kind", "CREATE");
        e.put("workflow_id", workflow);
        e.put("card_uid", card.toString());
        e.put("base_version", 0);
        e.put("to_state", WORKFLOWS.get(workflow).initialState().id());
        e.put("actor", "amara");
        e.putObject("card").put("title", "A card");
        return e;
    }

    private static ObjectNode move(UUID card, String workflow, long base, String from, String event, String to, String actor) {
        ObjectNode e = JSON.createObjectNode();
        e.put("event_id", UUID.randomUUID().toString());
        e.put("kind", "MOVE");
        e.put("workflow_id", workflow);
        e.put("card_uid", card.toString());
        e.put("base_version", base);
        e.put("from_state", from);
        if (event != null) {
            e.put("event", event);
        }
        e.put("to_state", to);
        e.put("actor", actor);
        e.putObject("card").put("title", "A card");
        return e;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
