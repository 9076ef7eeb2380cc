package network.higherself.console.move;

import network.higherself.console.audit.AuditVerifier;
import network.higherself.console.card.Booking;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people (two sessions) move the same card: one wins, the other is told plainly that someone else was first,
 * and only the winner's move is stored and audited.
 */
class ConflictTest {

    @TempDir
    static Path dir;
    static TestStore store;
    static DbRows rows;

    static final Actor ANA = Actor.staff("ana", Role.FRONT_DESK);
    static final Actor BEN = Actor.staff("ben", Role.FRONT_DESK);

    @BeforeAll
    static void open() {
        store = new TestStore(dir);
        rows = new DbRows(store.db.dataSource());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** A booking in quote_provided, from where the client may accept (payment_pending) or decline (canceled). */
    static long bookingWithQuote() {
        Outcome created = store.service.create(Booking.WORKFLOW, "Retreat for two", ANA,
                (card, refs) -> Booking.QUOTE.set(card, new BigDecimal("480")));
        long id = ((Outcome.Done) created).cardId();
        assertThat(store.service.move(MoveRequest.byEvent(id, "consultation_scheduled", ANA)).isDone()).isTrue();
        assertThat(store.service.move(MoveRequest.byEvent(id, "consultation_completed", ANA)).isDone()).isTrue();
        return id;
    }

    static String conflictMessage(String label) {
        return "Someone else changed this booking first: it is now in " + label
                + ". Look at it again, then retry if the change still makes sense.";
    }

    static void assertTrailIntact() throws Exception {
        try (Connection c = store.db.dataSource().getConnection()) {
            AuditVerifier.Verification v = new AuditVerifier().verify(c);
            assertThat(v.problem()).isEmpty();
        }
    }

    @Test
    void aMoveBasedOnAStaleVersionIsRefusedAsAConflict() throws Exception {
        long id = bookingWithQuote();
        long seen = rows.version(id); // both Ana and Ben look at the card now
        int movedBefore = rows.audit(id, "MOVED").size();

        Outcome ana = store.service.move(MoveRequest.byEvent(id, "client_accepted_quote", ANA).expecting(seen));
        assertThat(ana).as(ana.message()).isInstanceOf(Outcome.Done.class);

        DbRows.Snapshot afterAna = rows.snapshot(id);
        Outcome ben = store.service.move(MoveRequest.byEvent(id, "client_declined_quote", BEN).expecting(seen));
        assertThat(ben).isEqualTo(new Outcome.Refused(Outcome.Refusal.CONFLICT, conflictMessage("Payment pending")));

        assertThat(rows.snapshot(id)).as("Ben's refused move wrote nothing").isEqualTo(afterAna);
        assertThat(rows.state(id)).isEqualTo("payment_pending");
        assertThat(rows.version(id)).isEqualTo(seen + 1);
        List<Map<String, Object>> moved = rows.audit(id, "MOVED");
        assertThat(moved).hasSize(movedBefore + 1);
        assertThat(moved.get(moved.size() - 1)).containsEntry("ACTOR", "ana").containsEntry("TO_STATE", "payment_pending");
        assertTrailIntact();
    }

    @Test
    void evenTheSameMoveOnAStaleVersionIsAConflict() {
        long id = bookingWithQuote();
        long seen = rows.version(id);
        assertThat(store.service.move(MoveRequest.toState(id, "payment_pending", ANA).expecting(seen)).isDone()).isTrue();
        // Ben dragged the card to the same column from the same stale board: he must look again, not move it twice
        Outcome ben = store.service.move(MoveRequest.toState(id, "payment_pending", BEN).expecting(seen));
        assertThat(ben).isEqualTo(new Outcome.Refused(Outcome.Refusal.CONFLICT, conflictMessage("Payment pending")));
        assertThat(rows.audit(id, "MOVED")).extracting(r -> r.get("TO_STATE")).containsExactly("consultation", "quote_provided", "payment_pending");
    }

    @Test
    void anEditBasedOnAStaleVersionIsRefusedAsAConflict() {
        long id = bookingWithQuote();
        long seen = rows.version(id);
        assertThat(store.service.move(MoveRequest.byEvent(id, "client_declined_quote", ANA).expecting(seen)).isDone()).isTrue();
        DbRows.Snapshot before = rows.snapshot(id);
        Outcome ben = store.service.edit(id, seen, BEN, (card, refs) -> Booking.QUOTE.set(card, new BigDecimal("400")));
        assertThat(ben).isEqualTo(new Outcome.Refused(Outcome.Refusal.CONFLICT, conflictMessage("Canceled")));
        assertThat(rows.snapshot(id)).isEqualTo(before);
        assertThat(rows.card(id).get("QUOTE")).isEqualTo(new BigDecimal("480.00"));
    }

    /**
     * Both moves run through the service at the same time: each has read the card (same version, same state)
     * before either writes, so both believe their move is legal. The database must let exactly one through.
     */
    @Test
    void twoConcurrentMovesOfOneCard() throws Exception {
        for (int round = 0; round < 3; round++) {
            long id = bookingWithQuote();
            long version = rows.version(id);
            CyclicBarrier bothHaveRead = new CyclicBarrier(2);
            CardChange waitForTheOther = (card, refs) -> {
                try {
                    bothHaveRead.await(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other move never read the card", e);
                }
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Outcome> accept = pool.submit(() ->
                        store.service.move(MoveRequest.byEvent(id, "client_accepted_quote", ANA).with(waitForTheOther)));
                Future<Outcome> decline = pool.submit(() ->
                        store.service.move(MoveRequest.byEvent(id, "client_declined_quote", BEN).with(waitForTheOther)));
                Outcome a = accept.get(60, TimeUnit.SECONDS);
                Outcome d = decline.get(60, TimeUnit.SECONDS);

                assertThat(List.of(a, d)).as("round " + round + ": " + a + " / " + d)
                        .filteredOn(Outcome::isDone).hasSize(1);
                Outcome.Done winner = (Outcome.Done) (a.isDone() ? a : d);
                Outcome loser = a.isDone() ? d : a;
                String where = winner.state().equals("canceled") ? "Canceled" : "Payment pending";
                assertThat(loser).isEqualTo(new Outcome.Refused(Outcome.Refusal.CONFLICT, conflictMessage(where)));

                assertThat(rows.state(id)).isEqualTo(winner.state());
                assertThat(rows.version(id)).isEqualTo(version + 1);
                assertThat(rows.audit(id, "MOVED")).extracting(r -> r.get("TO_STATE"))
                        .containsExactly("consultation", "quote_provided", winner.state());
                assertThat(rows.outbox(id)).filteredOn(r -> "MOVE".equals(r.get("KIND"))
                        && "quote_provided".equals(r.get("FROM_STATE"))).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
        assertTrailIntact();
    }

    /** Many clicks on the same move at once (several windows, an agent): it happens once. */
    @Test
    void manySimultaneousIdenticalMovesHappenOnce() throws Exception {
        int threads = 4;
        long id = bookingWithQuote();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Actor who = Actor.staff("desk" + i, Role.FRONT_DESK);
                futures.add(pool.submit(() -> {
                    start.await();
                    return store.service.move(MoveRequest.toState(id, "payment_pending", who));
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(Outcome::isDone).hasSize(1);
            // the others either lost the race (CONFLICT) or came after it (the card is no longer in quote_provided)
            assertThat(outcomes).filteredOn(o -> !o.isDone())
                    .allSatisfy(o -> assertThat(((Outcome.Refused) o).reason())
                            .isIn(Outcome.Refusal.CONFLICT, Outcome.Refusal.ILLEGAL_MOVE));
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows.state(id)).isEqualTo("payment_pending");
        assertThat(rows.audit(id, "MOVED")).extracting(r -> r.get("TO_STATE"))
                .containsExactly("consultation", "quote_provided", "payment_pending");
        assertTrailIntact();
    }

    /** Moves of different cards at the same moment both succeed, and the audit trail stays one unbroken chain. */
    @Test
    void concurrentMovesOfDifferentCardsAreBothKept() throws Exception {
        long first = bookingWithQuote();
        long second = bookingWithQuote();
        long entriesBefore = rows.count("SELECT COUNT(*) FROM audit_entry");
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        CardChange waitForTheOther = (card, refs) -> {
            try {
                bothHaveRead.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Outcome> a = pool.submit(() ->
                    store.service.move(MoveRequest.byEvent(first, "client_accepted_quote", ANA).with(waitForTheOther)));
            Future<Outcome> b = pool.submit(() ->
                    store.service.move(MoveRequest.byEvent(second, "client_declined_quote", BEN).with(waitForTheOther)));
            Outcome oa = a.get(60, TimeUnit.SECONDS);
            Outcome ob = b.get(60, TimeUnit.SECONDS);
            assertThat(oa.isDone()).as(oa.message()).isTrue();
            assertThat(ob.isDone()).as(ob.message()).isTrue();
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows.state(first)).isEqualTo("payment_pending");
        assertThat(rows.state(second)).isEqualTo("canceled");
        assertThat(rows.count("SELECT COUNT(*) FROM audit_entry")).isEqualTo(entriesBefore + 2);
        assertTrailIntact();
    }

    /** Waits until a database session waits for a lock another holds (H2 names the blocking session). */
    private void awaitASessionBlocked() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (rows.count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL") == 0) {
            assertThat(System.nanoTime()).as("a session waits for the locked row within 30 s").isLessThan(until);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /**
     * Another session has already moved the card and not yet committed (its row is locked) when the service
     * moves it: the service's move waits, then is refused as a conflict naming the state the other committed.
     */
    @Test
    void aMoveWhileAnotherTransactionHoldsTheCard() throws Exception {
        long id = bookingWithQuote();
        long movedBefore = rows.audit(id, "MOVED").size();
        long outboxBefore = rows.outbox(id).size();

        Session other = store.db.sessionFactory().openSession();
        Transaction tx = other.beginTransaction();
        Booking held = other.find(Booking.class, id);
        held.enter("payment_pending", 999_999, TestStore.T0);
        other.flush(); // the versioned UPDATE has run: the row is locked until commit

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch benHasRead = new CountDownLatch(1);
            Future<Outcome> ben = pool.submit(() -> store.service.move(MoveRequest.byEvent(id, "client_declined_quote", BEN)
                    .with((card, refs) -> benHasRead.countDown())));
            assertThat(benHasRead.await(30, TimeUnit.SECONDS)).isTrue(); // Ben saw quote_provided, version as committed
            awaitASessionBlocked(); // and his move reaches the locked row and waits
            assertThat(ben.isDone()).as("Ben's move waits for the other transaction").isFalse();
            tx.commit();
            other.close();

            Outcome outcome = ben.get(60, TimeUnit.SECONDS);
            assertThat(outcome).isEqualTo(new Outcome.Refused(Outcome.Refusal.CONFLICT, conflictMessage("Payment pending")));
        } finally {
            pool.shutdownNow();
            if (other.isOpen()) {
                other.close();
            }
        }
        assertThat(rows.state(id)).isEqualTo("payment_pending");
        assertThat(rows.audit(id, "MOVED")).as("no entry for the refused move").hasSize((int) movedBefore);
        assertThat(rows.outbox(id)).as("no outbox event for the refused move").hasSize((int) outboxBefore);
        assertTrailIntact();
    }

    /** If the other transaction gives up instead, the waiting move goes ahead. */
    @Test
    void aMoveGoesAheadWhenTheOtherTransactionRollsBack() throws Exception {
        long id = bookingWithQuote();
        Session other = store.db.sessionFactory().openSession();
        Transaction tx = other.beginTransaction();
        Booking held = other.find(Booking.class, id);
        held.enter("payment_pending", 999_999, TestStore.T0);
        other.flush();

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch benHasRead = new CountDownLatch(1);
            Future<Outcome> ben = pool.submit(() -> store.service.move(MoveRequest.byEvent(id, "client_declined_quote", BEN)
                    .with((card, refs) -> benHasRead.countDown())));
            assertThat(benHasRead.await(30, TimeUnit.SECONDS)).isTrue();
            awaitASessionBlocked();
            tx.rollback();
            other.close();
            Outcome outcome = ben.get(60, TimeUnit.SECONDS);
            assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Done.class);
        } finally {
            pool.shutdownNow();
            if (other.isOpen()) {
                other.close();
            }
        }
        assertThat(rows.state(id)).isEqualTo("canceled");
        assertThat(rows.audit(id, "MOVED")).extracting(r -> r.get("ACTOR")).last().isEqualTo("ben");
        assertTrailIntact();
    }
}
