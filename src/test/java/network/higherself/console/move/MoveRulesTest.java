package network.higherself.console.move;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import network.higherself.console.card.Booking;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moves the workflow does not allow, and moves whose event and target disagree or are ambiguous, are refused
 * with a sentence that says where the card can go, and write nothing.
 */
class MoveRulesTest {

    @TempDir
    static Path dir;
    static TestStore store;
    static DbRows rows;

    static final Actor ACTOR = Actor.staff("theo", Role.FRONT_DESK);

    @BeforeAll
    static void open() {
        store = new TestStore(dir.resolve("data"));
        rows = new DbRows(store.db.dataSource());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static long booking(String... events) {
        Outcome created = store.service.create(Booking.WORKFLOW, "Massage for Lee", ACTOR,
                (card, refs) -> Booking.QUOTE.set(card, new BigDecimal("75")));
        long id = ((Outcome.Done) created).cardId();
        for (String e : events) {
            Outcome o = store.service.move(MoveRequest.byEvent(id, e, ACTOR));
            assertThat(o.isDone()).as(o.message()).isTrue();
        }
        return id;
    }

    static void assertIllegal(CardService service, MoveRequest request, String message) {
        DbRows.Snapshot before = rows.snapshot(request.cardId());
        Outcome o = service.move(request);
        assertThat(o).isEqualTo(new Outcome.Refused(Outcome.Refusal.ILLEGAL_MOVE, message));
        assertThat(rows.snapshot(request.cardId())).as("nothing written").isEqualTo(before);
    }

    @Test
    void aStateNoEventReachesIsRefusedNamingTheLegalMoves() {
        long id = booking();
        assertIllegal(store.service, MoveRequest.toState(id, "completed", ACTOR),
                "No event leads from Inquiry to Completed. A booking in Inquiry can go to Consultation (by \u201cConsultation scheduled\u201d).");
        long quoted = booking("consultation_scheduled", "consultation_completed");
        assertIllegal(store.service, MoveRequest.toState(quoted, "booking_confirmed", ACTOR),
                "No event leads from Quote provided to Booking confirmed. "
                        + "A booking in Quote provided can go to Payment pending (by \u201cClient accepted quote\u201d) or Canceled (by \u201cClient declined quote\u201d).");
        // a step backwards is no event either
        assertIllegal(store.service, MoveRequest.toState(quoted, "consultation", ACTOR),
                "No event leads from Quote provided to Consultation. "
                        + "A booking in Quote provided can go to Payment pending (by \u201cClient accepted quote\u201d) or Canceled (by \u201cClient declined quote\u201d).");
    }

    @Test
    void aStateTheBoardDoesNotHaveIsRefused() {
        long id = booking();
        assertIllegal(store.service, MoveRequest.toState(id, "planning", ACTOR),
                "Wellness bookings has no column \u201cPlanning\u201d. A booking in Inquiry can go to Consultation (by \u201cConsultation scheduled\u201d).");
    }

    @Test
    void anEventThatCannotFireFromHereIsRefused() {
        long id = booking();
        assertIllegal(store.service, MoveRequest.byEvent(id, "payment_received", ACTOR),
                "\u201cPayment received\u201d cannot be fired from Inquiry. A booking in Inquiry can go to Consultation (by \u201cConsultation scheduled\u201d).");
        assertIllegal(store.service, MoveRequest.byEvent(id, "concept_approved", ACTOR),
                "\u201cConcept approved\u201d is not an event of Wellness bookings. A booking in Inquiry can go to Consultation (by \u201cConsultation scheduled\u201d).");
    }

    @Test
    void anEventWhoseTargetDisagreesWithTheRequestedStateIsRefused() {
        long id = booking("consultation_scheduled", "consultation_completed");
        // dropped on payment_pending, but the chosen event declines the quote
        assertIllegal(store.service,
                new MoveRequest(id, "client_declined_quote", "payment_pending", ACTOR, null, null, null),
                "\u201cClient declined quote\u201d leads to Canceled, not to Payment pending. "
                        + "A booking in Quote provided can go to Payment pending (by \u201cClient accepted quote\u201d) or Canceled (by \u201cClient declined quote\u201d).");
        assertThat(rows.state(id)).isEqualTo("quote_provided");

        Outcome agreed = store.service.move(new MoveRequest(id, "client_accepted_quote", "payment_pending", ACTOR, null, null, null));
        assertThat(agreed).as(agreed.message()).isInstanceOf(Outcome.Done.class);
        assertThat(rows.state(id)).isEqualTo("payment_pending");
    }

    @Test
    void nothingLeadsOutOfAFinalState() {
        long id = booking("consultation_scheduled", "consultation_completed", "client_declined_quote");
        assertIllegal(store.service, MoveRequest.toState(id, "inquiry", ACTOR),
                "A booking in Canceled is finished: nothing leads out of Canceled.");
        assertIllegal(store.service, MoveRequest.byEvent(id, "client_accepted_quote", ACTOR),
                "A booking in Canceled is finished: nothing leads out of Canceled.");
    }

    @Test
    void aCardThatDoesNotExistIsNotFound() {
        long before = rows.count("SELECT COUNT(*) FROM audit_entry");
        Outcome o = store.service.move(MoveRequest.toState(424_242L, "consultation", ACTOR));
        assertThat(o).isEqualTo(new Outcome.Refused(Outcome.Refusal.NOT_FOUND,
                "There is no card #424242: it may have been removed."));
        assertThat(rows.count("SELECT COUNT(*) FROM audit_entry")).isEqualTo(before);
    }

    /**
     * No bundled workflow has two events between the same two states, so the ambiguous case runs on a user
     * definition that replaces WF-WELL-BOOK and adds a second way from quote_provided to canceled.
     */
    @Test
    void aDropWhereSeveralEventsLeadIsRefusedUntilTheEventIsNamed(@TempDir Path userDir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode def;
        try (InputStream in = getClass().getResourceAsStream("/workflows/WF-WELL-BOOK.json")) {
            def = (ObjectNode) json.readTree(in);
        }
        ObjectNode extra = ((ArrayNode) def.get("transitions")).addObject();
        extra.put("from_state", "quote_provided");
        extra.put("to_state", "canceled");
        extra.put("event", "client_unreachable");
        Files.writeString(userDir.resolve("WF-WELL-BOOK.json"), json.writeValueAsString(def));
        CardService service = new CardService(store.db.sessionFactory(), WorkflowCatalog.load(userDir),
                Clock.fixed(TestStore.T0, ZoneOffset.UTC));

        long id = booking("consultation_scheduled", "consultation_completed");
        assertIllegal(service, MoveRequest.toState(id, "canceled", ACTOR),
                "Several events lead from Quote provided to Canceled: say which one, \u201cClient declined quote\u201d or \u201cClient unreachable\u201d.");

        Outcome named = service.move(new MoveRequest(id, "client_unreachable", "canceled", ACTOR, null, null, null));
        assertThat(named).as(named.message()).isInstanceOf(Outcome.Done.class);
        assertThat(rows.state(id)).isEqualTo("canceled");
        assertThat(rows.audit(id, "MOVED")).last().satisfies(e -> assertThat(e).containsEntry("EVENT", "client_unreachable"));
    }
}
