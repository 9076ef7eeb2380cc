package network.higherself.console.agent;

import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditEntry;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Practitioner;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import network.higherself.console.audit.AuditVerifier;
import network.higherself.console.sync.OutboxEvent;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ruvo's preparation checklist: made with the move into preparation, ticked by people, holding back service_started. */
class TasksTest {

    @TempDir
    Path dir;

    @Test
    void ruvoMakesTheChecklistWhenTheBookingEntersPreparationAndServiceWaitsUntilItIsTicked() {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long practitioner = fx.db.sessionFactory().fromTransaction(s -> {
                Practitioner p = new Practitioner("Anouk Varga");
                s.persist(p);
                return p.getId();
            });
            long id = fx.cardIn(Booking.WORKFLOW, "booking_confirmed", (c, r) -> {
                Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-11-10T14:00"));
                Booking.PRACTITIONER.set(c, r.get(Practitioner.class, practitioner));
            });
            assertThat(fx.agents.tasks().tasksOf(id)).as("no checklist before preparation").isEmpty();

            fx.clock.set(Instant.parse("2026-11-08T13:00:00Z")); // 14:00 in Berlin: two days before the service
            assertThat(TimedEventsTest.fired(fx.agents.runner().run(), id)).hasSize(1);
            assertThat(fx.stateOf(id)).isEqualTo("preparation");

            List<TaskItem> tasks = fx.agents.tasks().tasksOf(id);
            assertThat(tasks).extracting(TaskItem::kind).containsExactly("room", "practitioner", "materials", "client_reminder");
            assertThat(tasks).allSatisfy(t -> {
                assertThat(t.required()).isTrue();
                assertThat(t.done()).isFalse();
                assertThat(t.createdBy()).isEqualTo("agent:Ruvo");
            });
            assertThat(tasks.get(1).title()).isEqualTo("Confirm Anouk Varga");
            assertThat(tasks.get(3).title()).startsWith("Remind Nora Blake");
            AuditEntry made = fx.audit(id).stream().filter(e -> e.getAction() == AuditAction.TASKS_CREATED).findFirst().orElseThrow();
            assertThat(made.getActor()).isEqualTo("agent:Ruvo");
            AuditEntry move = TimedEventsTest.lastMove(fx, id);
            assertThat(made.getSeq()).as("in the same transaction, right after the move").isEqualTo(move.getSeq() + 1);

            Outcome early = fx.cards().move(MoveRequest.byEvent(id, "service_started", fx.desk));
            assertThat(early).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
                assertThat(r.reason()).isEqualTo(Outcome.Refusal.GUARD);
                assertThat(r.message()).startsWith("Preparation is not finished").contains(tasks.get(0).title())
                        .contains(tasks.get(3).title());
            });

            for (TaskItem t : tasks.subList(0, 3)) {
                assertThat(fx.agents.tasks().tick(t.id(), true, fx.desk).isDone()).isTrue();
            }
            Outcome stillOne = fx.cards().move(MoveRequest.byEvent(id, "service_started", fx.desk));
            assertThat(stillOne.message()).contains(tasks.get(3).title() + " is still open").doesNotContain(tasks.get(0).title());

            Outcome last = fx.agents.tasks().tick(tasks.get(3).id(), true, fx.desk);
            assertThat(last.message()).contains("nothing required is open");
            assertThat(fx.agents.tasks().tasksOf(id)).allSatisfy(t -> {
                assertThat(t.done()).isTrue();
                assertThat(t.doneBy()).isEqualTo("theo");
                assertThat(t.doneAt()).isEqualTo(fx.clock.instant());
            });
            assertThat(fx.audit(id)).filteredOn(e -> e.getAction() == AuditAction.TASK_DONE).hasSize(4)
                    .allSatisfy(e -> assertThat(e.getActor()).isEqualTo("theo"));

            Outcome started = fx.cards().move(MoveRequest.byEvent(id, "service_started", fx.desk));
            assertThat(started).as(started.message()).isInstanceOf(Outcome.Done.class);

            Outcome closed = fx.agents.tasks().tick(tasks.get(0).id(), false, fx.desk);
            assertThat(closed).isInstanceOfSatisfying(Outcome.Refused.class,
                    r -> assertThat(r.message()).contains("checklist is closed"));
        }
    }

    @Test
    void ticksNeedTheRightToEditTheBookingAndAreAuditedBothWays() {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long id = fx.cardIn(Booking.WORKFLOW, "preparation", (c, r) -> Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-11-10T14:00")));
            TaskItem room = fx.agents.tasks().tasksOf(id).get(0);

            Outcome gallery = fx.agents.tasks().tick(room.id(), true, Actor.staff("lucia", Role.GALLERY_STAFF));
            assertThat(gallery).isInstanceOfSatisfying(Outcome.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(Outcome.Refusal.NOT_PERMITTED));
            Outcome otherAgent = fx.agents.tasks().tick(room.id(), true, Actor.agent("Nyra"));
            assertThat(otherAgent.isDone()).as("Nyra is not responsible for preparation").isFalse();

            assertThat(fx.agents.tasks().tick(room.id(), true, fx.desk).isDone()).isTrue();
            assertThat(fx.agents.tasks().tick(room.id(), true, fx.desk).message()).isEqualTo("Nothing changed.");
            assertThat(fx.agents.tasks().tick(room.id(), false, fx.desk).isDone()).isTrue();
            assertThat(fx.agents.tasks().tasksOf(id).get(0).done()).isFalse();
            assertThat(fx.agents.tasks().openRequired(id)).hasSize(4);
            assertThat(fx.audit(id)).extracting(AuditEntry::getAction)
                    .containsSubsequence(AuditAction.TASKS_CREATED, AuditAction.TASK_DONE, AuditAction.TASK_REOPENED);
            assertThat(fx.audit(id)).filteredOn(e -> e.getAction() == AuditAction.TASK_DONE).hasSize(1);
        }
    }

    @Test
    void aBookingThatReachedPreparationWithoutAChecklistGetsOneAtTheAgentsNextRun() {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long id = fx.cardIn(Booking.WORKFLOW, "booking_confirmed", (c, r) -> Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-11-20T14:00")));
            // moved by a service without the agents' hooks: as data from before checklists existed
            network.higherself.console.move.CardService plain = new network.higherself.console.move.CardService(
                    fx.db.sessionFactory(), fx.workflows, fx.clock);
            assertThat(plain.move(MoveRequest.byEvent(id, "approaching_service_date", fx.admin)).isDone()).isTrue();
            assertThat(fx.agents.tasks().tasksOf(id)).isEmpty();

            AgentRun run = fx.agents.runner().run();
            assertThat(run.of(AgentRun.Kind.CHECKLIST)).extracting(AgentRun.Line::cardId).containsExactly(id);
            assertThat(fx.agents.tasks().tasksOf(id)).hasSize(4).allSatisfy(t -> assertThat(t.createdBy()).isEqualTo("agent:Ruvo"));
            assertThat(fx.agents.runner().run().of(AgentRun.Kind.CHECKLIST)).as("once").isEmpty();
            assertThat(fx.cards().move(MoveRequest.byEvent(id, "service_started", fx.desk)).isDone()).isFalse();
        }
    }

    @Test
    void aTickIsPutInTheSyncOutboxWithItsTransactionAndARefusedTickIsNot() throws Exception {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long id = fx.cardIn(Booking.WORKFLOW, "preparation", (c, r) -> Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-11-10T14:00")));
            assertThat(taskEvents(fx, id)).as("making the checklist is not in the outbox: a replayed move makes it").isEmpty();
            long cardVersion = fx.card(id, Booking.class).getVersion();
            TaskItem room = fx.agents.tasks().tasksOf(id).get(0);

            // refused ticks write nothing at all
            assertThat(fx.agents.tasks().tick(room.id(), true, Actor.staff("lucia", Role.GALLERY_STAFF)).isDone()).isFalse();
            assertThat(fx.agents.tasks().tick(room.id(), false, fx.desk).message()).as("already open").isEqualTo("Nothing changed.");
            assertThat(taskEvents(fx, id)).isEmpty();

            // if the outbox row cannot be written, the tick and its audit entry are undone with it: one transaction
            try (Connection c = fx.db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("ALTER TABLE outbox_event ADD CONSTRAINT test_no_task CHECK (kind <> 'TASK')");
            }
            int auditBefore = fx.audit(id).size();
            assertThatThrownBy(() -> fx.agents.tasks().tick(room.id(), true, fx.desk)).isInstanceOf(RuntimeException.class);
            assertThat(fx.agents.tasks().tasksOf(id).get(0).done()).as("the tick was undone").isFalse();
            assertThat(fx.audit(id)).as("no audit entry either").hasSize(auditBefore);
            try (Connection c = fx.db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("ALTER TABLE outbox_event DROP CONSTRAINT test_no_task");
            }

            assertThat(fx.agents.tasks().tick(room.id(), true, fx.desk).isDone()).isTrue();
            TaskItem ticked = fx.agents.tasks().tasksOf(id).get(0);
            assertThat(taskEvents(fx, id)).singleElement().satisfies(e -> {
                assertThat(e.getActor()).isEqualTo("theo");
                assertThat(e.getBaseVersion()).as("a tick leaves the card as it is").isEqualTo(cardVersion);
                JsonNode p = new ObjectMapper().readTree(e.getPayload());
                assertThat(p.get("task").asText()).isEqualTo("room");
                assertThat(p.get("done").asBoolean()).isTrue();
                assertThat(p.get("actor").asText()).isEqualTo("theo");
                assertThat(Instant.parse(p.get("at").asText())).isEqualTo(ticked.doneAt());
            });
            assertThat(fx.card(id, Booking.class).getVersion()).isEqualTo(cardVersion);

            fx.clock.set(fx.clock.instant().plusSeconds(60));
            assertThat(fx.agents.tasks().tick(room.id(), false, fx.desk).isDone()).isTrue();
            assertThat(taskEvents(fx, id)).hasSize(2).last()
                    .satisfies(e -> assertThat(new ObjectMapper().readTree(e.getPayload()).get("done").asBoolean()).isFalse());
            try (Connection c = fx.db.dataSource().getConnection()) {
                assertThat(new AuditVerifier().verify(c).problem()).as("the audit chain is whole after the undone tick").isEmpty();
            }
        }
    }

    /** The card's TASK events in the outbox, in the order they were written. */
    private static List<OutboxEvent> taskEvents(AgentFixture fx, long cardId) {
        return fx.db.sessionFactory().fromSession(s -> s.createSelectionQuery(
                        "from OutboxEvent e where e.cardId = :id and e.kind = :kind order by e.createdAt", OutboxEvent.class)
                .setParameter("id", cardId).setParameter("kind", "TASK").getResultList());
    }
}
