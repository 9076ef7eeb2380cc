package network.higherself.console.agent;

import network.higherself.console.card.CardDates;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditEntry;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Card;
import network.higherself.console.card.ContentPiece;
import network.higherself.console.card.Exhibition;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.move.CardChange;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.workflow.InvalidWorkflowException;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import network.higherself.console.store.CardQueries;
import network.higherself.console.store.CardSummary;
import java.util.Optional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import static network.higherself.console.agent.AgentFixture.T0;
import static network.higherself.console.agent.AgentFixture.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every timed event fires when it is due, not a minute before, once only, by the agent responsible for its state
 * (or the console where none is), through the enforcement point; what was missed fires at the next start in date
 * order; guards, limits and rights still refuse.
 */
class TimedEventsTest {

    @TempDir
    Path dir;

    /** A card waiting for one timed event: its dates, and who fires the event (as the audit names it). */
    record Case(String event, String workflowId, String from, String to, CardChange dates, String firedBy) {
        @Override
        public String toString() {
            return event;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("payment_timeout", Booking.WORKFLOW, "payment_pending", "canceled", (c, r) -> {
                    Booking.PAYMENT_DEADLINE.set(c, LocalDateTime.parse("2026-11-05T12:00"));
                    Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-11-20T10:00"));
                }, "agent:Solari"),
                new Case("approaching_service_date", Booking.WORKFLOW, "booking_confirmed", "preparation",
                        (c, r) -> Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-11-10T14:00")), "agent:Solari"),
                new Case("submission_deadline_reached", Exhibition.WORKFLOW, "artwork_submission", "curation",
                        exhibition("2026-11-06", "2026-11-20", "2026-12-20"), "console"),
                new Case("opening_day", Exhibition.WORKFLOW, "setup", "active",
                        exhibition("2026-11-03", "2026-11-06", "2026-12-20"), "console"),
                new Case("closing_day", Exhibition.WORKFLOW, "active", "closing",
                        exhibition("2026-11-03", "2026-11-04", "2026-11-12"), "console"),
                new Case("publication_time", ContentPiece.WORKFLOW, "scheduling", "publishing",
                        (c, r) -> ContentPiece.PUBLISH_AT.set(c, LocalDateTime.parse("2026-11-04T08:30")),
                        "agent:Content Lifecycle Agent"),
                new Case("audit_scheduled", PermissionRequest.WORKFLOW, "active", "audit", null, "console"));
    }

    static CardChange exhibition(String submission, String opening, String closing) {
        return (c, r) -> {
            Exhibition e = (Exhibition) c;
            Exhibition.SUBMISSION_DEADLINE.set(e, LocalDate.parse(submission));
            Exhibition.OPENING_DATE.set(e, LocalDate.parse(opening));
            Exhibition.CLOSING_DATE.set(e, LocalDate.parse(closing));
        };
    }

    @Test
    void everyTimedEventIsCovered() {
        assertThat(cases().map(Case::event)).containsExactlyInAnyOrderElementsOf(
                TimedEvent.STANDARD.stream().map(TimedEvent::event).toList());
    }

    /** The board reads a card's dates with its summary, not its entity: the countdown must be the same. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theBoardShowsTheSameCountdownAsTheCardBeforeAndAfterItIsDue(Case c) {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long id = fx.cardIn(c.workflowId(), c.from(), c.dates());
            CardQueries queries = new CardQueries(fx.db.dataSource());
            TimedEvent timed = TimedEvent.STANDARD.stream().filter(e -> e.event().equals(c.event())).findFirst().orElseThrow();
            Instant due = timed.dueAt(CardDates.of(fx.card(id, Card.class)), ZONE).orElseThrow();
            for (Instant now : List.of(T0, due.minus(Duration.ofMinutes(90)), due.minusSeconds(30), due, due.plus(Duration.ofDays(1)))) {
                CardSummary summary = queries.firstPage(c.workflowId(), c.from(), 50).stream()
                        .filter(s -> s.id() == id).findFirst().orElseThrow();
                Optional<Countdowns.Countdown> onBoard = Countdowns.find(summary.workflowId(), summary.state(),
                        summary.dates(), now, ZONE);
                assertThat(onBoard.map(Countdowns.Countdown::text)).as("at %s", now)
                        .isEqualTo(Countdowns.of(fx.card(id, Card.class), now, ZONE)).isPresent();
                assertThat(onBoard.get().passed()).as("at %s", now).isEqualTo(!now.isBefore(due));
                assertThat(onBoard.get().event()).isEqualTo(c.event());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firesWhenDueNotBeforeAndOnceOnly(Case c) {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long id = fx.cardIn(c.workflowId(), c.from(), c.dates());
            TimedEvent timed = TimedEvent.STANDARD.stream().filter(e -> e.event().equals(c.event())).findFirst().orElseThrow();
            Instant due = timed.dueAt(CardDates.of(fx.card(id, Card.class)), ZONE).orElseThrow();
            assertThat(due).isAfter(T0);

            fx.clock.set(due.minusSeconds(60));
            AgentRun before = fx.agents.runner().run();
            assertThat(fired(before, id)).as("a minute before it is due").isEmpty();
            assertThat(fx.stateOf(id)).isEqualTo(c.from());
            assertThat(Countdowns.of(fx.card(id, Card.class), fx.clock.instant(), ZONE)).hasValueSatisfying(t -> assertThat(t).endsWith("in 1 min"));
            assertThat(fx.agents.timedEvents().due(due.minusSeconds(1))).noneMatch(d -> d.cardId() == id);

            fx.clock.set(due);
            assertThat(fx.agents.timedEvents().due(due)).filteredOn(d -> d.cardId() == id).singleElement()
                    .satisfies(d -> assertThat(d.event()).isEqualTo(c.event()));
            AgentRun at = fx.agents.runner().run();
            assertThat(fired(at, id)).as(at.lines().toString()).singleElement()
                    .satisfies(l -> assertThat(l.event()).isEqualTo(c.event()));
            assertThat(fx.stateOf(id)).isEqualTo(c.to());
            AuditEntry entry = lastMove(fx, id);
            assertThat(entry.getEvent()).isEqualTo(c.event());
            assertThat(entry.getActor()).as("the audit names who fired it").isEqualTo(c.firedBy());
            assertThat(entry.getAt()).isEqualTo(due);

            fx.clock.set(due.plus(Duration.ofDays(3)));
            assertThat(fired(fx.agents.runner().run(), id)).as("once only").isEmpty();
            fx.restart();
            assertThat(fired(fx.agents.runner().run(), id)).as("not again after a restart").isEmpty();
            assertThat(fx.audit(id)).filteredOn(e -> c.event().equals(e.getEvent())).hasSize(1);
        }
    }

    @Test
    void missedEventsFireOnceAtTheNextStartInDateOrder() {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long publish = fx.cardIn(ContentPiece.WORKFLOW, "scheduling",
                    (c, r) -> ContentPiece.PUBLISH_AT.set(c, LocalDateTime.parse("2026-11-09T08:00")));
            long timeout = fx.cardIn(Booking.WORKFLOW, "payment_pending", (c, r) -> {
                Booking.PAYMENT_DEADLINE.set(c, LocalDateTime.parse("2026-11-04T18:00"));
                Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-12-01T10:00"));
            });
            long opening = fx.cardIn(Exhibition.WORKFLOW, "setup", exhibition("2026-11-03", "2026-11-07", "2026-11-10"));
            long later = fx.cardIn(ContentPiece.WORKFLOW, "scheduling",
                    (c, r) -> ContentPiece.PUBLISH_AT.set(c, LocalDateTime.parse("2026-11-30T08:00")));
            assertThat(fired(fx.agents.runner().run(), null)).as("nothing is due yet").isEmpty();

            // the console is closed for ten days, then started again
            fx.clock.set(Instant.parse("2026-11-12T08:00:00Z"));
            fx.restart();
            AgentRun run = fx.agents.runner().run();
            // the exhibition that opened late is due to close as well: the same run fires that too, after the others
            assertThat(fired(run, null)).extracting(AgentRun.Line::event)
                    .containsExactly("payment_timeout", "opening_day", "publication_time", "closing_day");
            assertThat(fired(run, null)).extracting(AgentRun.Line::cardId).containsExactly(timeout, opening, publish, opening);
            assertThat(fx.stateOf(later)).isEqualTo("scheduling");
            assertThat(fx.stateOf(opening)).isEqualTo("closing");
            List<Long> order = fx.db.sessionFactory().fromSession(s -> s.createSelectionQuery(
                    "select cardId from AuditEntry where action = :a and event in ('payment_timeout', 'opening_day', "
                            + "'publication_time', 'closing_day') order by seq", Long.class).setParameter("a", AuditAction.MOVED).getResultList());
            assertThat(order).containsExactly(timeout, opening, publish, opening);
            assertThat(fired(fx.agents.runner().run(), null)).as("each once").isEmpty();
        }
    }

    @Test
    void aCardWithoutItsDateIsNeverDueAndTheGuardStillRefusesTheEvent() {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long noOpening = fx.cardIn(Exhibition.WORKFLOW, "setup", (c, r) -> Exhibition.SUBMISSION_DEADLINE.set(c, LocalDate.parse("2026-11-03")));
            fx.clock.set(T0.plus(Duration.ofDays(400)));
            assertThat(fx.agents.timedEvents().due(fx.clock.instant())).noneMatch(d -> d.cardId() == noOpening);
            assertThat(Countdowns.of(fx.card(noOpening, Card.class), fx.clock.instant(), ZONE)).isEmpty();
            Outcome o = fx.cards().move(MoveRequest.byEvent(noOpening, "opening_day", Actor.system()));
            assertThat(o).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
                assertThat(r.reason()).isEqualTo(Outcome.Refusal.GUARD);
                assertThat(r.message()).contains("no opening date");
            });
            assertThat(fx.stateOf(noOpening)).isEqualTo("setup");
        }
    }

    @Test
    void anAgentCannotFireAnEventOutsideItsStates() {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long exhibition = fx.cardIn(Exhibition.WORKFLOW, "setup", exhibition("2026-11-03", "2026-11-04", "2026-12-20"));
            long booking = fx.cardIn(Booking.WORKFLOW, "payment_pending", (c, r) -> {
                Booking.PAYMENT_DEADLINE.set(c, LocalDateTime.parse("2026-11-01T12:00"));
                Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-12-01T10:00"));
            });
            Outcome solari = fx.cards().move(MoveRequest.byEvent(exhibition, "opening_day", Actor.agent("Solari")));
            assertThat(solari).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
                assertThat(r.reason()).isEqualTo(Outcome.Refusal.NOT_PERMITTED);
                assertThat(r.message()).contains("Solari is not responsible for Setup");
            });
            Outcome ruvo = fx.cards().move(MoveRequest.byEvent(booking, "payment_timeout", Actor.agent("Ruvo")));
            assertThat(ruvo).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
                assertThat(r.reason()).isEqualTo(Outcome.Refusal.NOT_PERMITTED);
                assertThat(r.message()).contains("Ruvo is not responsible for Payment pending").contains("only for Preparation");
            });
            assertThat(fx.stateOf(exhibition)).isEqualTo("setup");
            assertThat(fx.stateOf(booking)).isEqualTo("payment_pending");
        }
    }

    @Test
    void aRefusedEventIsReportedOnceAndHeldNotRetriedInATightLoop() {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long booking = fx.cardIn(Booking.WORKFLOW, "payment_pending", (c, r) -> {
                Booking.PAYMENT_DEADLINE.set(c, LocalDateTime.parse("2026-11-03T12:00"));
                Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-12-01T10:00"));
            });
            long other = fx.cardIn(Booking.WORKFLOW, "canceled", (c, r) -> { });
            assertThat(fx.limits().set(Booking.WORKFLOW, "canceled", 1, true, fx.admin).isDone()).isTrue();

            fx.clock.set(Instant.parse("2026-11-04T09:00:00Z"));
            AgentRun first = fx.agents.runner().run();
            assertThat(first.of(AgentRun.Kind.REFUSED)).singleElement().satisfies(l -> {
                assertThat(l.cardId()).isEqualTo(booking);
                assertThat(l.text()).contains("payment_timeout").contains("limit");
            });
            assertThat(fx.agents.runner().held()).hasSize(1);

            fx.clock.advance(Duration.ofSeconds(30));
            AgentRun second = fx.agents.runner().run();
            assertThat(second.lines()).filteredOn(l -> l.cardId() == booking).isEmpty();
            assertThat(second.held()).isEqualTo(1);

            // once the limit is lifted, the next try (an hour later) goes through
            assertThat(fx.limits().set(Booking.WORKFLOW, "canceled", null, false, fx.admin).isDone()).isTrue();
            fx.clock.advance(AgentRunner.RETRY_AFTER);
            assertThat(fired(fx.agents.runner().run(), booking)).hasSize(1);
            assertThat(fx.stateOf(booking)).isEqualTo("canceled");
            assertThat(fx.agents.runner().held()).isEmpty();
            assertThat(other).isPositive();
        }
    }

    @Test
    void aTimedEventMissingFromTheDefinitionsIsAClearStartUpError() throws IOException {
        Path defs = Files.createDirectories(dir.resolve("defs"));
        try (InputStream in = getClass().getResourceAsStream("/workflows/WF-WELL-BOOK.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"payment_timeout\"", "\"payment_expired\"");
            Files.writeString(defs.resolve("WF-WELL-BOOK.json"), json);
        }
        WorkflowCatalog changed = WorkflowCatalog.load(defs);
        assertThatThrownBy(() -> new AgentFixture(dir.resolve("data"), changed, PatternRegistry.bundled()).close())
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("WF-WELL-BOOK.json")
                .hasMessageContaining("'payment_pending' by 'payment_timeout'");
    }

    static List<AgentRun.Line> fired(AgentRun run, Long cardId) {
        return run.of(AgentRun.Kind.FIRED).stream().filter(l -> cardId == null || l.cardId() == cardId).toList();
    }

    static AuditEntry lastMove(AgentFixture fx, long id) {
        List<AuditEntry> moves = fx.audit(id).stream().filter(e -> e.getAction() == AuditAction.MOVED).toList();
        return moves.get(moves.size() - 1);
    }
}
