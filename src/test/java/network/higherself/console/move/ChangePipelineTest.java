package network.higherself.console.move;

import network.higherself.console.card.Booking;
import network.higherself.console.card.Exhibition;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of change (create, move, edit, reorder) walked through every refusal the pipeline makes (no right,
 * not legal in the workflow, the column's hard limit, an invalid field, the event's guard, a stale version): each
 * refusal says why, and writes nothing at all (not the card's row, not the audit trail, not the outbox). Where a
 * refusal cannot apply to a kind of change (an edit enters no column, so no limit holds it back), the change is
 * shown to go through under the same condition.
 */
class ChangePipelineTest {

    @TempDir
    static Path dir;
    static TestStore store;
    static DbRows rows;

    static final Actor THEO = Actor.staff("theo", Role.FRONT_DESK);
    /** Gallery staff: no right at all on the bookings board. */
    static final Actor LUCIA = Actor.staff("lucia", Role.GALLERY_STAFF);
    static final Actor ADMIN = Actor.staff("amara", Role.ADMINISTRATOR);

    enum Kind { CREATE, MOVE, EDIT, REORDER }

    enum Refusal { NO_RIGHT, ILLEGAL, HARD_LIMIT, INVALID_FIELD, GUARD, STALE_VERSION }

    /** A change about to be made: who makes it, what it is, the card it is about (null for a creation). */
    record Attempt(Actor actor, Change change, Long cardId) {
    }

    @BeforeAll
    static void open() {
        store = new TestStore(dir);
        rows = new DbRows(store.db.dataSource());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @TestFactory
    List<DynamicTest> everyKindOfChangeThroughEveryRefusal() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Refusal refusal : Refusal.values()) {
                tests.add(DynamicTest.dynamicTest(kind + " / " + refusal, () -> walk(kind, refusal)));
            }
        }
        return tests;
    }

    private static void walk(Kind kind, Refusal refusal) {
        clearLimits();
        Outcome.Refusal expected = switch (refusal) {
            case NO_RIGHT -> Outcome.Refusal.NOT_PERMITTED;
            case ILLEGAL -> Outcome.Refusal.ILLEGAL_MOVE;
            case HARD_LIMIT -> Outcome.Refusal.WIP_LIMIT;
            case INVALID_FIELD -> Outcome.Refusal.INVALID;
            case GUARD -> Outcome.Refusal.GUARD;
            case STALE_VERSION -> Outcome.Refusal.CONFLICT;
        };
        Attempt attempt = attempt(kind, refusal);
        if (attempt == null) {
            return; // the condition cannot even be stated for this kind of change (see the table in attempt)
        }
        boolean applies = applies(kind, refusal);
        DbRows.Snapshot before = rows.snapshot(attempt.cardId() == null ? -1 : attempt.cardId());
        long trail = rows.count("SELECT last_seq FROM audit_head");
        Outcome o = store.service.apply(attempt.actor(), attempt.change());
        if (!applies) {
            assertThat(o).as("%s is no reason to refuse a %s: %s", refusal, kind, o.message()).isInstanceOf(Outcome.Done.class);
            return;
        }
        assertThat(o).as(o.message()).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(expected));
        DbRows.Snapshot after = rows.snapshot(attempt.cardId() == null ? -1 : attempt.cardId());
        assertThat(after.card()).as("the card's row").isEqualTo(before.card());
        assertThat(after.counts()).as("rows in every table a change writes, audit and outbox among them")
                .isEqualTo(before.counts());
        assertThat(rows.count("SELECT last_seq FROM audit_head")).as("the audit trail's head").isEqualTo(trail);
    }

    /** A change that comes from elsewhere (sync, an import) and names what this console does not have is refused. */
    @Test
    void aChangeNamingABoardOrAFieldTheCardDoesNotHaveIsRefusedAndWritesNothing() {
        long card = booking();
        DbRows.Snapshot before = rows.snapshot(card);
        assertThat(store.service.apply(THEO, new Change.Create("WF-NOPE", "Anything", FieldValues.NONE)))
                .isEqualTo(new Outcome.Refused(Outcome.Refusal.INVALID, "There is no board 'WF-NOPE' to make a card on."));
        assertThat(store.service.apply(THEO, new Change.Edit(card, null, FieldValues.NONE.with(Exhibition.CURATOR, "Ines"))))
                .isEqualTo(new Outcome.Refused(Outcome.Refusal.INVALID, "A booking has no curator."));
        assertThat(rows.snapshot(card)).isEqualTo(before);
    }

    /**
     * Which refusals can hold back which kinds of change. A creation, an edit and a reorder take no transition
     * (nothing to be illegal, no guard); an edit and a reorder put the card in no new column (no limit); a reorder
     * writes no field; a creation has no version yet.
     */
    private static boolean applies(Kind kind, Refusal refusal) {
        return switch (refusal) {
            case NO_RIGHT -> true;
            case ILLEGAL, GUARD -> kind == Kind.MOVE;
            case HARD_LIMIT -> kind == Kind.CREATE || kind == Kind.MOVE;
            case INVALID_FIELD -> kind != Kind.REORDER;
            case STALE_VERSION -> kind != Kind.CREATE;
        };
    }

    /** The change that meets {@code refusal}, or one that goes through under its condition when it does not apply. */
    private static Attempt attempt(Kind kind, Refusal refusal) {
        FieldValues quote = FieldValues.NONE.with(Booking.QUOTE, new BigDecimal("75.00"));
        FieldValues negative = FieldValues.NONE.with(Booking.QUOTE, new BigDecimal("-1.00"));
        long card = booking("consultation_scheduled"); // in consultation, with no quote yet
        long neighbour = booking("consultation_scheduled");
        long version = rows.version(card);
        Actor actor = refusal == Refusal.NO_RIGHT ? LUCIA : THEO;
        Long expected = refusal == Refusal.STALE_VERSION ? version - 1 : version;
        if (refusal == Refusal.HARD_LIMIT) {
            // the column the change would put the card in (or, for an edit and a reorder, the card's own) is full
            String full = kind == Kind.CREATE ? "inquiry" : kind == Kind.MOVE ? "quote_provided" : "consultation";
            if (inColumn(full) == 0) {
                bookingWith(quote, kind == Kind.CREATE ? new String[0] : new String[]{"consultation_scheduled", "consultation_completed"});
            }
            Outcome o = store.limits.set(Booking.WORKFLOW, full, (int) inColumn(full), true, ADMIN);
            assertThat(o.isDone()).as(o.message()).isTrue();
        }
        if (refusal == Refusal.ILLEGAL && kind != Kind.MOVE || refusal == Refusal.GUARD && kind != Kind.MOVE) {
            return null; // a creation, an edit and a reorder name no event: there is nothing to be illegal or guarded
        }
        Function<FieldValues, FieldValues> fields = v -> refusal == Refusal.INVALID_FIELD ? negative : v;
        return switch (kind) {
            case CREATE -> new Attempt(actor, new Change.Create(Booking.WORKFLOW, "Reiki for Sam",
                    fields.apply(FieldValues.NONE)), null);
            case MOVE -> new Attempt(actor, new Change.Move(card,
                    refusal == Refusal.ILLEGAL ? "payment_received" : "consultation_completed", null, expected,
                    refusal == Refusal.GUARD ? FieldValues.NONE : fields.apply(quote), null), card);
            case EDIT -> new Attempt(actor, new Change.Edit(card, expected,
                    fields.apply(FieldValues.NONE.with(Booking.CANCEL_REASON, "Client moved away"))), card);
            case REORDER -> new Attempt(actor, new Change.Reorder(card, null, neighbour, expected), card);
        };
    }

    /** A new booking without a quote, moved by {@code events}. */
    static long booking(String... events) {
        return bookingWith(FieldValues.NONE, events);
    }

    static long bookingWith(FieldValues fields, String... events) {
        Outcome created = store.service.create(Booking.WORKFLOW, "Massage for Lee", THEO, fields);
        assertThat(created).as(created.message()).isInstanceOf(Outcome.Done.class);
        long id = ((Outcome.Done) created).cardId();
        for (String e : events) {
            Outcome o = store.service.move(MoveRequest.byEvent(id, e, THEO));
            assertThat(o.isDone()).as(o.message()).isTrue();
        }
        return id;
    }

    static long inColumn(String state) {
        return rows.count("SELECT COUNT(*) FROM card WHERE workflow_id = ? AND state = ?", Booking.WORKFLOW, state);
    }

    static void clearLimits() {
        for (Map<String, Object> l : rows.rows("SELECT state FROM column_limit WHERE workflow_id = ?", Booking.WORKFLOW)) {
            store.limits.set(Booking.WORKFLOW, (String) l.get("STATE"), null, false, ADMIN);
        }
    }
}
