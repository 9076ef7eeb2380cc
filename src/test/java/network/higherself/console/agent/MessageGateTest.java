package network.higherself.console.agent;

import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditEntry;
import network.higherself.console.card.AgentMessage;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Campaign;
import network.higherself.console.card.Card;
import network.higherself.console.card.ContentPiece;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.workflow.InvalidWorkflowException;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Agent messages through WF-AGT-COMM: a hand-off creates a message card that the gate walks step by step through
 * the enforcement point; only an approved message has an effect; the pattern, the agents' responsibilities and
 * the payload each can deny it, with the reason on the card.
 */
class MessageGateTest {

    static final List<String> APPROVED = List.of("request_received", "pattern_authorized", "permission_granted",
            "validation_passed", "communication_successful");

    @TempDir
    Path dir;

    @Test
    void aLeadHandOffIsCheckedApprovedAndDeliveredToSolari() {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long booking = fx.cardIn(Booking.WORKFLOW, "inquiry", null);
            Outcome moved = fx.cards().move(MoveRequest.byEvent(booking, "consultation_scheduled", Actor.agent("Nyra")));
            assertThat(moved.isDone()).as(moved.message()).isTrue();

            AgentMessage m = onlyMessage(fx);
            assertThat(m.getState()).as("waiting for the gate").isEqualTo("request_initiated");
            assertThat(AgentMessage.SENDING_AGENT.get(m)).isEqualTo("Nyra");
            assertThat(AgentMessage.RECEIVING_AGENT.get(m)).isEqualTo("Solari");
            assertThat(AgentMessage.PATTERN.get(m)).isEqualTo("lead_handoff");
            assertThat(AgentMessage.PAYLOAD_SUMMARY.get(m)).contains("\"card_id\":" + booking).contains("\"client\":\"Nora Blake\"");
            assertThat(delivered(fx, booking)).isEmpty();

            AgentRun run = fx.agents.runner().run();
            assertThat(run.of(AgentRun.Kind.MESSAGE_COMPLETED)).singleElement()
                    .satisfies(l -> assertThat(l.cardId()).isEqualTo(m.getId()));
            assertThat(fx.stateOf(m.getId())).isEqualTo("communication_completed");
            List<AuditEntry> steps = moves(fx, m.getId());
            assertThat(steps).extracting(AuditEntry::getEvent).containsExactlyElementsOf(APPROVED);
            assertThat(steps).allSatisfy(e -> assertThat(e.getActor()).isEqualTo("agent:Base Agent Class"));
            assertThat(delivered(fx, booking)).singleElement().satisfies(e -> {
                assertThat(e.getActor()).isEqualTo("agent:Solari");
                assertThat(e.getNote()).contains("lead_handoff from Nyra");
            });
            assertThat(fx.agents.runner().run().lines()).as("nothing left to do").isEmpty();
        }
    }

    @Test
    void anUnauthorizedPatternIsDeniedWithItsReasonAndHasNoEffect() {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long booking = fx.cardIn(Booking.WORKFLOW, "consultation", null);
            fx.agents.runner().run(); // the hand-off of the walk above
            int before = delivered(fx, booking).size();

            AgentRun.Line line = fx.agents.gate().send("Nyra", "Liora", "lead_handoff",
                    "{\"card_id\": " + booking + ", \"client\": \"Nora Blake\"}");
            assertThat(line.kind()).isEqualTo(AgentRun.Kind.MESSAGE_DENIED);
            AgentMessage m = fx.card(line.cardId(), AgentMessage.class);
            assertThat(m.getState()).isEqualTo("communication_denied");
            assertThat(AgentMessage.DENIAL_REASON.get(m)).contains("No authorized pattern lets Nyra send lead_handoff to Liora")
                    .contains("lead_handoff: Nyra \u2192 Solari");
            assertThat(moves(fx, m.getId())).extracting(AuditEntry::getEvent)
                    .containsExactly("request_received", "pattern_not_authorized");
            assertThat(delivered(fx, booking)).hasSize(before);
            assertThat(delivered(fx, booking)).noneMatch(e -> e.getNote().contains("#" + m.getId() + ")"));
        }
    }

    @Test
    void aGateStepThatIsRefusedIsHeldAndListedForTheBoardWithItsReason() {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long booking = fx.cardIn(Booking.WORKFLOW, "consultation", null);
            fx.agents.runner().run();
            String payload = "{\"card_id\": " + booking + ", \"client\": \"Nora Blake\"}";
            assertThat(fx.agents.gate().send("Nyra", "Liora", "lead_handoff", payload).kind()).isEqualTo(AgentRun.Kind.MESSAGE_DENIED);
            assertThat(fx.limits().set(AgentMessage.WORKFLOW, "communication_denied", 1, true, fx.admin).isDone()).isTrue();

            AgentRun.Line stuck = fx.agents.gate().send("Nyra", "Liora", "lead_handoff", payload);
            assertThat(stuck.kind()).isEqualTo(AgentRun.Kind.REFUSED);
            assertThat(fx.stateOf(stuck.cardId())).as("waits at its step").isEqualTo("pattern_verification");
            assertThat(fx.agents.runner().holds()).singleElement().satisfies(h -> {
                assertThat(h.cardId()).isEqualTo(stuck.cardId());
                assertThat(h.agent()).isEqualTo("Base Agent Class");
                assertThat(h.event()).isEqualTo("pattern_not_authorized");
                assertThat(h.sentence()).startsWith("Base Agent Class could not apply \u201cPattern not authorized\u201d: ")
                        .contains("limit");
            });
            assertThat(fx.agents.runner().run().lines()).as("held, not retried at once").isEmpty();

            // room again, and an hour later: the message is denied and nothing is held any more
            assertThat(fx.limits().set(AgentMessage.WORKFLOW, "communication_denied", null, false, fx.admin).isDone()).isTrue();
            fx.clock.advance(AgentRunner.RETRY_AFTER);
            assertThat(fx.agents.runner().run().of(AgentRun.Kind.MESSAGE_DENIED)).extracting(AgentRun.Line::cardId)
                    .containsExactly(stuck.cardId());
            assertThat(fx.agents.runner().holds()).isEmpty();
        }
    }

    @Test
    void aMalformedPayloadIsDeniedAtDataValidation() {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long booking = fx.cardIn(Booking.WORKFLOW, "consultation", null);
            fx.agents.runner().run();

            AgentMessage notJson = fx.card(fx.agents.gate().send("Nyra", "Solari", "lead_handoff", "{card_id: 1").cardId(), AgentMessage.class);
            assertThat(notJson.getState()).isEqualTo("communication_denied");
            assertThat(AgentMessage.DENIAL_REASON.get(notJson)).startsWith("The payload is not valid JSON");
            assertThat(moves(fx, notJson.getId())).extracting(AuditEntry::getEvent).containsExactly("request_received",
                    "pattern_authorized", "permission_granted", "validation_failed");

            AgentMessage lacking = fx.card(fx.agents.gate().send("Nyra", "Solari", "lead_handoff",
                    "{\"card_id\": " + booking + "}").cardId(), AgentMessage.class);
            assertThat(AgentMessage.DENIAL_REASON.get(lacking)).isEqualTo("The payload lacks client, which lead_handoff must carry.");

            AgentMessage wrongCard = fx.card(fx.agents.gate().send("Nyra", "Solari", "lead_handoff",
                    "{\"card_id\": 99999, \"client\": \"Nora\"}").cardId(), AgentMessage.class);
            assertThat(AgentMessage.DENIAL_REASON.get(wrongCard)).contains("card #99999, which does not exist");
            assertThat(delivered(fx, booking)).hasSize(1); // only the walk's own hand-off
        }
    }

    @Test
    void agentsWithoutResponsibilityOnTheBoardAreDeniedAtThePermissionCheck() {
        PatternRegistry registry = PatternRegistry.parse("test-patterns.json", ("{\"patterns\": [{\"type\": \"booking_note\", "
                + "\"sender\": \"Liora\", \"receiver\": \"Solari\", \"workflow\": \"WF-WELL-BOOK\", \"on_event\": \"consultation_scheduled\", "
                + "\"payload\": [\"card_id\"]}]}").getBytes(StandardCharsets.UTF_8));
        try (AgentFixture fx = new AgentFixture(dir, WorkflowCatalog.bundled(), registry)) {
            long booking = fx.cardIn(Booking.WORKFLOW, "inquiry", null);
            fx.cards().move(MoveRequest.byEvent(booking, "consultation_scheduled", fx.desk));
            AgentRun run = fx.agents.runner().run();
            assertThat(run.of(AgentRun.Kind.MESSAGE_DENIED)).singleElement().satisfies(l -> {
                AgentMessage m = fx.card(l.cardId(), AgentMessage.class);
                assertThat(m.getState()).isEqualTo("communication_denied");
                assertThat(AgentMessage.DENIAL_REASON.get(m)).startsWith("Liora is not responsible for any state of Wellness bookings");
                assertThat(moves(fx, m.getId())).extracting(AuditEntry::getEvent).last().isEqualTo("permission_denied");
            });
            assertThat(delivered(fx, booking)).isEmpty();
        }
    }

    @Test
    void aContentRequestMakesTheContentLifecycleAgentStartAPieceForTheCampaign() {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long campaign = fx.cardIn(Campaign.WORKFLOW, "content_creation", null);
            AgentRun run = fx.agents.runner().run();
            assertThat(run.of(AgentRun.Kind.MESSAGE_COMPLETED)).hasSize(1);
            AuditEntry got = delivered(fx, campaign).get(0);
            assertThat(got.getActor()).isEqualTo("agent:Content Lifecycle Agent");
            assertThat(got.getNote()).contains("content_request from Liora").contains("started content piece #");
            List<ContentPiece> pieces = fx.db.sessionFactory().fromSession(s -> s.createSelectionQuery(
                    "from ContentPiece p join fetch p.campaign", ContentPiece.class).getResultList());
            assertThat(pieces).singleElement().satisfies(p -> {
                assertThat(ContentPiece.CAMPAIGN.get(p).getId()).isEqualTo(campaign);
                assertThat(p.getState()).isEqualTo("ideation");
                assertThat(p.getTitle()).startsWith("Content for ");
            });
            assertThat(fx.audit(pieces.get(0).getId()).get(0).getActor()).isEqualTo("agent:Content Lifecycle Agent");
        }
    }

    @Test
    void aDeliveryThatFailsEndsInErrorStateWithNoEffect() {
        // a pattern whose effect cannot apply to a booking: approved by the gate, refused when delivered
        PatternRegistry registry = PatternRegistry.parse("test-patterns.json", ("{\"patterns\": [{\"type\": \"lead_handoff\", "
                + "\"sender\": \"Nyra\", \"receiver\": \"Solari\", \"workflow\": \"WF-WELL-BOOK\", \"on_event\": \"consultation_scheduled\", "
                + "\"payload\": [\"card_id\"], \"effect\": \"create_content_piece\"}]}").getBytes(StandardCharsets.UTF_8));
        try (AgentFixture fx = new AgentFixture(dir, WorkflowCatalog.bundled(), registry)) {
            long booking = fx.cardIn(Booking.WORKFLOW, "consultation", null);
            AgentRun run = fx.agents.runner().run();
            assertThat(run.of(AgentRun.Kind.MESSAGE_FAILED)).singleElement().satisfies(l -> {
                AgentMessage m = fx.card(l.cardId(), AgentMessage.class);
                assertThat(m.getState()).isEqualTo("error_state");
                assertThat(AgentMessage.DENIAL_REASON.get(m)).startsWith("Delivery failed: A content piece can only be started for a campaign");
                assertThat(moves(fx, m.getId())).extracting(AuditEntry::getEvent).last().isEqualTo("communication_error");
            });
            assertThat(delivered(fx, booking)).isEmpty();
            long pieces = fx.db.sessionFactory().fromSession(s -> s.createSelectionQuery("select count(p) from ContentPiece p", Long.class)
                    .getSingleResult());
            assertThat(pieces).isZero();
        }
    }

    @Test
    void ruvoTellsSolariThePreparationChecklistIsReady() {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long booking = fx.cardIn(Booking.WORKFLOW, "preparation", (c, r) -> Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-11-10T14:00")));
            fx.agents.runner().run();
            List<AgentMessage> messages = messages(fx);
            assertThat(messages).extracting(m -> AgentMessage.PATTERN.get(m)).containsExactly("lead_handoff", "preparation_ready");
            assertThat(messages).allSatisfy(m -> assertThat(m.getState()).isEqualTo("communication_completed"));
            assertThat(AgentMessage.PAYLOAD_SUMMARY.get(messages.get(1))).contains("\"tasks\":\"Book the room");
            assertThat(delivered(fx, booking)).extracting(AuditEntry::getNote)
                    .anySatisfy(n -> assertThat(n).startsWith("preparation_ready from Ruvo"));
        }
    }

    @Test
    void aRegistryThatNamesAnUnknownEventIsAClearStartUpError() {
        PatternRegistry registry = PatternRegistry.parse("test-patterns.json", ("{\"patterns\": [{\"type\": \"lead_handoff\", "
                + "\"sender\": \"Nyra\", \"receiver\": \"Solari\", \"workflow\": \"WF-WELL-BOOK\", \"on_event\": \"lead_arrived\", "
                + "\"payload\": [\"client\"]}]}").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new AgentFixture(dir, WorkflowCatalog.bundled(), registry).close())
                .isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("test-patterns.json: lead_handoff: Nyra \u2192 Solari is sent on 'lead_arrived'")
                .hasMessageContaining("must carry card_id");
        assertThatThrownBy(() -> PatternRegistry.parse("p.json", "{\"patterns\": [{\"type\": \"x\"}]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidWorkflowException.class).hasMessageContaining("p.json: pattern 1 lacks sender, receiver");
    }

    static List<AgentMessage> messages(AgentFixture fx) {
        return fx.db.sessionFactory().fromSession(s -> s.createSelectionQuery("from AgentMessage order by id", AgentMessage.class)
                .getResultList());
    }

    static AgentMessage onlyMessage(AgentFixture fx) {
        List<AgentMessage> all = messages(fx);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    static List<AuditEntry> moves(AgentFixture fx, long id) {
        return fx.audit(id).stream().filter(e -> e.getAction() == AuditAction.MOVED).toList();
    }

    static List<AuditEntry> delivered(AgentFixture fx, long cardId) {
        return fx.audit(cardId).stream().filter(e -> e.getAction() == AuditAction.MESSAGE_DELIVERED).toList();
    }

    static Card any(AgentFixture fx, long id) {
        return fx.card(id, Card.class);
    }
}
