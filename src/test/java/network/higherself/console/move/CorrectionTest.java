package network.higherself.console.move;

import network.higherself.console.agent.AgentFixture;
import network.higherself.console.agent.TaskItem;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditEntry;
import network.higherself.console.audit.AuditVerifier;
import network.higherself.console.audit.TrailReplay;
import network.higherself.console.card.Booking;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.staff.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Putting a mistake right: a move taken back through the pipeline as a correction of its own. Its mover may take it
 * back for ten minutes, a manager later or for anyone; the card's version is checked; it is refused, writing nothing,
 * where the move had effects that cannot be taken back (a later change, a checklist made or ticked, a permission
 * request's approvals and grants) or while sync is on; what is done is one CORRECTED entry with its reason, and the
 * trail stays whole and replays to the tables.
 */
class CorrectionTest {

    @TempDir
    Path dir;
    AgentFixture fx;
    DbRows rows;

    @BeforeEach
    void open() {
        fx = new AgentFixture(dir);
        rows = new DbRows(fx.db.dataSource());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    /** A booking in Quote provided, moved on by Theo (front desk) a minute later: the version the move left it at. */
    private long[] bookingMovedByTheo() {
        long id = fx.cardIn(Booking.WORKFLOW, "quote_provided", null);
        fx.clock.advance(Duration.ofMinutes(1));
        Outcome moved = fx.cards().move(MoveRequest.byEvent(id, "client_accepted_quote", fx.desk));
        assertThat(moved).as(moved.message()).isInstanceOf(Outcome.Done.class);
        fx.clock.advance(Duration.ofMinutes(1));
        return new long[]{id, ((Outcome.Done) moved).version()};
    }

    @Test
    void theMoverTakesAMoveBackWithinTenMinutesAndTheTrailRecordsTheCorrectionWithItsReason() throws Exception {
        long[] moved = bookingMovedByTheo();
        long id = moved[0];
        long outboxBefore = rows.count("SELECT COUNT(*) FROM outbox_event");
        fx.clock.advance(Duration.ofMinutes(8)); // nine minutes after the move

        assertThat(fx.cards().whyNotCorrect(id, fx.desk)).isEmpty();
        Outcome o = fx.cards().correct(id, moved[1], fx.desk, "Wrong drop: the client has not accepted yet");

        assertThat(o).isInstanceOfSatisfying(Outcome.Done.class, d -> {
            assertThat(d.state()).isEqualTo("quote_provided");
            assertThat(d.version()).isEqualTo(moved[1] + 1);
            assertThat(d.message()).isEqualTo("'A quote_provided card' is back in Quote provided: the move to Payment pending "
                    + "was taken back.");
        });
        assertThat(fx.stateOf(id)).isEqualTo("quote_provided");
        List<AuditEntry> trail = fx.audit(id);
        AuditEntry moveEntry = trail.get(trail.size() - 2);
        AuditEntry last = trail.get(trail.size() - 1);
        assertThat(last.getAction()).isEqualTo(AuditAction.CORRECTED);
        assertThat(last.getActor()).isEqualTo("theo");
        assertThat(last.getFromState()).isEqualTo("payment_pending");
        assertThat(last.getToState()).isEqualTo("quote_provided");
        assertThat(last.getNote()).isEqualTo("Wrong drop: the client has not accepted yet");
        assertThat(last.getDetails()).isEqualTo("takes back entry " + moveEntry.getSeq() + ": \u201cClient accepted quote\u201d by theo at 2026-11-02 09:01:00 UTC");
        assertThat(rows.count("SELECT COUNT(*) FROM outbox_event")).as("no outbox event: sync is off, and a correction "
                + "is refused while it is on").isEqualTo(outboxBefore);
        try (Connection c = fx.db.dataSource().getConnection()) {
            assertThat(new AuditVerifier().verify(c).problem()).as("verify-audit: the chain is whole").isEmpty();
            TrailReplay.Comparison replay = new TrailReplay(fx.workflows).compare(c);
            assertThat(replay.cards()).isPositive();
            assertThat(replay.differences()).filteredOn(d -> !d.startsWith("The account ")) // the fixture's accounts are put in the table directly
                    .as("the replay of the trail gives the card's column and version").isEmpty();
        }
        // and the corrected card moves on as any other
        assertThat(fx.cards().move(MoveRequest.byEvent(id, "client_accepted_quote", fx.desk)).isDone()).isTrue();
    }

    @Test
    void afterTenMinutesOnlyAManagerTakesTheMoveBack() {
        long[] moved = bookingMovedByTheo();
        long id = moved[0];
        fx.clock.advance(Duration.ofMinutes(10)); // eleven minutes after the move
        DbRows.Snapshot before = rows.snapshot(id);

        Outcome late = fx.cards().correct(id, moved[1], fx.desk, "Wrong drop");
        assertThat(late).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Outcome.Refusal.NOT_PERMITTED);
            assertThat(r.message()).isEqualTo("You made this move at 10:01, more than 10 minutes ago: only a manager can "
                    + "take it back now. Ask one, with the reason.");
        });
        assertThat(fx.cards().whyNotCorrect(id, fx.desk)).contains(late.message());
        assertThat(rows.snapshot(id)).as("a refusal writes nothing").isEqualTo(before);

        Outcome byManager = fx.cards().correct(id, moved[1], fx.manager, "Theo's wrong drop, as he told me");
        assertThat(byManager).as(byManager.message()).isInstanceOf(Outcome.Done.class);
        assertThat(fx.stateOf(id)).isEqualTo("quote_provided");
        AuditEntry last = fx.audit(id).get(fx.audit(id).size() - 1);
        assertThat(last.getAction()).isEqualTo(AuditAction.CORRECTED);
        assertThat(last.getActor()).isEqualTo("jonas");
    }

    @Test
    void someoneElsesMoveIsAManagersToTakeBack() {
        long id = fx.cardIn(Booking.WORKFLOW, "quote_provided", null);
        fx.clock.advance(Duration.ofMinutes(1));
        Outcome moved = fx.cards().move(MoveRequest.byEvent(id, "client_accepted_quote", fx.admin));
        fx.clock.advance(Duration.ofMinutes(1));
        Outcome o = fx.cards().correct(id, ((Outcome.Done) moved).version(), fx.desk, "Wrong drop");
        assertThat(o.message()).isEqualTo("amara made this move: only they, within 10 minutes of it, or a manager can take it back.");
        assertThat(fx.cards().correct(id, null, Actor.agent("Ruvo"), "Wrong drop").message())
                .isEqualTo("Only a person takes a move back: agents and the console itself do not.");
        assertThat(fx.stateOf(id)).isEqualTo("payment_pending");
    }

    @Test
    void onlyTheLastChangeIsTakenBackAndOnlyAtTheVersionThePersonSaw() {
        long[] first = bookingMovedByTheo();
        long id = first[0];
        Outcome second = fx.cards().move(MoveRequest.byEvent(id, "payment_received", fx.desk));
        assertThat(second).as(second.message()).isInstanceOf(Outcome.Done.class);
        fx.clock.advance(Duration.ofMinutes(1));
        DbRows.Snapshot before = rows.snapshot(id);

        Outcome stale = fx.cards().correct(id, first[1], fx.desk, "Wrong drop");
        assertThat(stale).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Outcome.Refusal.CONFLICT);
            assertThat(r.message()).isEqualTo("'A quote_provided card' has changed since that move (it is now in Payment "
                    + "confirmed): only a card's last change can be taken back. Open the card to see what happened.");
        });
        assertThat(rows.snapshot(id)).isEqualTo(before);

        Outcome undone = fx.cards().correct(id, ((Outcome.Done) second).version(), fx.desk, "Not paid yet");
        assertThat(undone).as(undone.message()).isInstanceOf(Outcome.Done.class);
        assertThat(fx.stateOf(id)).isEqualTo("payment_pending");
        Outcome again = fx.cards().correct(id, ((Outcome.Done) undone).version(), fx.desk, "And the one before");
        assertThat(again.message()).isEqualTo("'A quote_provided card''s last move was taken back already: it is in Payment pending.");

        Outcome edited = fx.cards().edit(id, null, fx.desk, FieldValues.NONE.with(Booking.ROOM, "Garden room"));
        assertThat(edited).as(edited.message()).isInstanceOf(Outcome.Done.class);
        assertThat(fx.cards().correct(id, null, fx.manager, "Anything").message())
                .isEqualTo("'A quote_provided card' was edited after its last move: only a card's last change can be taken back.");
    }

    @Test
    void aMoveThatMadeAChecklistOrWhoseChecklistWasTickedIsNotTakenBack() {
        long id = fx.cardIn(Booking.WORKFLOW, "booking_confirmed",
                (c, r) -> Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-11-10T14:00")));
        fx.clock.advance(Duration.ofMinutes(1));
        Outcome moved = fx.cards().move(MoveRequest.byEvent(id, "approaching_service_date", fx.desk));
        assertThat(moved).as(moved.message()).isInstanceOf(Outcome.Done.class);
        fx.clock.advance(Duration.ofMinutes(1));
        long version = ((Outcome.Done) moved).version();

        assertThat(fx.cards().correct(id, version, fx.desk, "Too early").message()).isEqualTo("The move to Preparation cannot "
                + "be taken back: it made a checklist for the card and it made other cards (such as an agent message). Move the "
                + "card on with the workflow's own events instead.");

        TaskItem room = fx.agents.tasks().tasksOf(id).get(0);
        assertThat(fx.agents.tasks().tick(room.id(), true, fx.desk).isDone()).isTrue();
        fx.clock.advance(Duration.ofMinutes(1));
        DbRows.Snapshot before = rows.snapshot(id);
        Outcome o = fx.cards().correct(id, version, fx.manager, "Too early");
        assertThat(o).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Outcome.Refusal.ILLEGAL_MOVE);
            assertThat(r.message()).contains("a task of its checklist was ticked since");
        });
        assertThat(rows.snapshot(id)).isEqualTo(before);
        assertThat(fx.stateOf(id)).isEqualTo("preparation");
    }

    @Test
    void aPermissionRequestsApprovalsAndGrantsAreNotTakenBack() {
        long id = fx.cardIn(PermissionRequest.WORKFLOW, "active", null);
        fx.clock.advance(Duration.ofMinutes(1));
        assertThat(fx.audit(id)).extracting(AuditEntry::getAction).contains(AuditAction.PERMISSION_GRANTED);
        Outcome o = fx.cards().correct(id, null, fx.admin, "Granted by mistake");
        assertThat(o).isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.message()).isEqualTo(
                "A permission request's steps record approvals and grants, which cannot be taken back: use its own events "
                        + "instead (ask for more information, or request a revocation)."));
        assertThat(fx.stateOf(id)).isEqualTo("active");
    }

    @Test
    void whileSyncIsOnACorrectionIsRefusedWithASentence() throws Exception {
        long[] moved = bookingMovedByTheo();
        try (Connection c = fx.db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO sync_settings (id, url, username, last_seq, last_hash, connected_at) VALUES "
                    + "(1, 'jdbc:postgresql://sync.example/hsc', 'desk1', 0, 'x', CURRENT_TIMESTAMP)");
        }
        Outcome o = fx.cards().correct(moved[0], moved[1], fx.desk, "Wrong drop");
        assertThat(o.message()).isEqualTo("This console is connected to a sync server, which takes only moves along the "
                + "workflow: a move cannot be taken back while sync is on. Move the card with the board's own events instead.");
        assertThat(fx.stateOf(moved[0])).isEqualTo("payment_pending");
    }

    @Test
    void aCorrectionNeedsAReason() {
        long[] moved = bookingMovedByTheo();
        assertThat(fx.cards().correct(moved[0], moved[1], fx.desk, "  ").message())
                .isEqualTo("Say why the move is taken back: the reason is kept in the card's history.");
        assertThat(fx.cards().correct(moved[0], moved[1], fx.desk, "x".repeat(CardService.NOTE_MAX + 1)).message())
                .startsWith("The reason is " + (CardService.NOTE_MAX + 1) + " characters long");
        assertThat(fx.stateOf(moved[0])).isEqualTo("payment_pending");
    }
}
