package network.higherself.console.move;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditEntry;
import network.higherself.console.audit.AuditRecord;
import network.higherself.console.audit.AuditTrail;
import network.higherself.console.audit.EditDiff;
import network.higherself.console.audit.GrantEntry;
import network.higherself.console.card.Card;
import network.higherself.console.card.CardField;
import network.higherself.console.card.CardKinds;
import network.higherself.console.card.Checks;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.card.Reference;
import network.higherself.console.card.Refs;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Rights;
import network.higherself.console.staff.Role;
import network.higherself.console.sync.Outbox;
import network.higherself.console.store.StoreFailures;
import network.higherself.console.sync.OutboxEvent;
import network.higherself.console.workflow.FireResult;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.Transaction;
import org.hibernate.exception.LockAcquisitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The change pipeline: the one enforcement point. Every change of a card — a move, a creation, an edit, a reorder
 * ({@link Change}) — from any path (the boards, the command line, agents, imports, a sync from another desktop)
 * goes through {@link #apply}, which inside one transaction takes the same steps for each:
 * <ol>
 *   <li>load the card (or make the new one) and check it is the version the person saw;</li>
 *   <li>check the workflow allows it (a move's event or target), the actor's right to do it, and the target
 *       column's hard limit (a move or a creation enters a column);</li>
 *   <li>apply the change's field values and check every field;</li>
 *   <li>check the event's guard (a move);</li>
 *   <li>write the card, its audit entry and its sync outbox event (the change as typed values).</li>
 * </ol>
 * A refusal, at any step, writes nothing and says why in a sentence a person can act on. A check added to a step
 * applies to every kind of change that takes it.
 */
public final class CardService {

    /** Gap between neighbouring cards' positions, so that a card can be put between two without renumbering. */
    public static final long POSITION_STEP = 1024;

    /** How long after a move the person who made it may take it back; later, only a manager may. */
    public static final Duration CORRECTION_WINDOW = Duration.ofMinutes(10);

    /** The most characters a move's note holds (the audit trail keeps it whole). */
    public static final int NOTE_MAX = AuditEntry.NOTE_MAX;

    private static final Logger LOG = LoggerFactory.getLogger(CardService.class);

    /** How many changes of a batch the session keeps (the things they refer to, read once) before it is cleared. */
    private static final int BATCH_CLEAR = 200;

    private final SessionFactory sessionFactory;
    private final WorkflowCatalog workflows;
    private final Clock clock;
    private final AccessControl access;
    private final MoveHooks hooks;
    private final AuditTrail audit = new AuditTrail();
    private final Outbox outbox = new Outbox();

    public CardService(SessionFactory sessionFactory, WorkflowCatalog workflows, Clock clock) {
        this(sessionFactory, workflows, clock, new AccessControl(workflows));
    }

    public CardService(SessionFactory sessionFactory, WorkflowCatalog workflows, Clock clock, AccessControl access) {
        this(sessionFactory, workflows, clock, access, MoveHooks.NONE);
    }

    /**
     * With {@code hooks}: facts for guards and effects of moves (the agents' tasks and messages), run inside each
     * move's transaction.
     */
    public CardService(SessionFactory sessionFactory, WorkflowCatalog workflows, Clock clock, AccessControl access,
                       MoveHooks hooks) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory);
        this.workflows = Objects.requireNonNull(workflows);
        this.clock = Objects.requireNonNull(clock);
        this.access = Objects.requireNonNull(access);
        this.hooks = Objects.requireNonNull(hooks);
    }

    /** Who may do what: the same checks this service applies, for the views to offer only what is allowed. */
    public AccessControl access() {
        return access;
    }

    /** The actor's rights on every board as of now (for the views: which boards to show, which columns to light). */
    public Rights rightsOf(Actor actor) {
        return access.rightsOf(sessionFactory, actor);
    }

    WorkflowCatalog workflows() {
        return workflows;
    }

    Clock clock() {
        return clock;
    }

    AuditTrail audit() {
        return audit;
    }

    /**
     * The present values of card {@code cardId}'s fields named by {@code keys} (those it has and that are set), as a
     * change carries them (a reference by its id): what a move's form starts from, so that the person is not asked
     * again for what the card holds (a booking's quote). Empty for a card that does not exist (any more).
     */
    public Map<String, Object> valuesOf(long cardId, Collection<String> keys) {
        try (Session session = sessionFactory.openSession()) {
            Card card = session.find(Card.class, cardId);
            Map<String, Object> values = new LinkedHashMap<>();
            if (card != null) {
                for (String key : keys) {
                    card.field(key).map(f -> f.value(card)).ifPresent(v -> values.put(key, v));
                }
            }
            return values;
        }
    }

    /** Moves a card along a transition of its workflow. */
    public Outcome move(MoveRequest request) {
        return apply(request.actor(), request.toChange());
    }

    /** Creates a card in the initial state of its workflow, at the end of that column. */
    public Outcome create(String workflowId, String title, Actor actor, CardChange fields) {
        return apply(actor, new Change.Create(workflowId, title, fields));
    }

    /** Changes a card's fields without moving it. */
    public Outcome edit(long cardId, Long expectedVersion, Actor actor, CardChange change) {
        return apply(actor, new Change.Edit(cardId, expectedVersion, change));
    }

    /**
     * Takes back the card's last move ({@link Change.Correct}): {@code expectedVersion} is the version that move left
     * it at; {@code reason} is kept in the trail.
     */
    public Outcome correct(long cardId, Long expectedVersion, Actor actor, String reason) {
        return apply(actor, new Change.Correct(cardId, expectedVersion, reason));
    }

    /**
     * Why {@code actor} could not take back the card's last move now (every check of {@link #correct} but the
     * reason's, in a transaction that is rolled back), or empty when they could: for the views, to offer "Undo" only
     * where it will work, or to say why not before the click.
     */
    public Optional<String> whyNotCorrect(long cardId, Actor actor) {
        Objects.requireNonNull(actor, "actor");
        return readOnly(cardId, Optional.of(notFound(cardId).message()), (pipeline, card) -> {
            try {
                pipeline.correctable(card);
                return Optional.empty();
            } catch (RefusedException e) {
                return Optional.of(e.outcome.message());
            }
        }, actor);
    }

    /**
     * Puts a card between two neighbours of its column ({@code previousId} above it, {@code nextId} below it; either
     * may be null at an end).
     */
    public Outcome reorder(long cardId, Long previousId, Long nextId, Long expectedVersion, Actor actor) {
        return apply(actor, new Change.Reorder(cardId, previousId, nextId, expectedVersion));
    }

    /**
     * What firing each event that leads out of the card's column would meet now, for {@code actor}, in the
     * workflow's order: the very checks of a move (the actor's right, the card's own refusal, the target column's
     * hard limit, the event's guard with what the hooks tell it), in a read-only transaction that is rolled back.
     * An event whose guard refuses but that asks for input ({@link Card#inputsFor}) is open: its form asks for what
     * is missing. Empty for a card that does not exist (any more).
     */
    public List<MoveCheck> check(long cardId, Actor actor) {
        Objects.requireNonNull(actor, "actor");
        return readOnly(cardId, List.of(), Pipeline::check, actor);
    }

    /**
     * {@code work} on card {@code cardId} with a pipeline of {@code actor}'s, in a read-only transaction that is rolled
     * back whatever it did; {@code none} for a card that does not exist (any more).
     */
    private <R> R readOnly(long cardId, R none, java.util.function.BiFunction<Pipeline, Card, R> work, Actor actor) {
        Session session = sessionFactory.openSession();
        try {
            session.setDefaultReadOnly(true);
            session.setHibernateFlushMode(org.hibernate.FlushMode.MANUAL);
            Transaction tx = session.beginTransaction();
            try {
                Card card = session.find(Card.class, cardId);
                return card == null ? none : work.apply(new Pipeline(session, actor, new ArrayList<>(), false), card);
            } finally {
                tx.rollback();
            }
        } finally {
            session.close();
        }
    }

    /** Makes {@code change} as {@code actor}, through every step of the pipeline, in one transaction. */
    public Outcome apply(Actor actor, Change change) {
        return apply(actor, change, false);
    }

    /**
     * Makes a change another desktop made, in the order the sync server gave it: every step of the pipeline checks
     * it as it checks a change made here, and it is audited here; but it is not put in the outbox (the server has it)
     * and the agents' hooks make only what each desktop makes for itself (a checklist): the cards and messages they
     * made on that desktop arrive as changes of their own. A reorder
     * whose neighbours are not in the card's column here puts the card at the column's end.
     */
    public Outcome replay(Actor actor, Change change) {
        return apply(actor, change, true);
    }

    /**
     * A card as the sync server holds it: its identity, board, state, version and every field value (references by
     * this desktop's ids).
     */
    public record ServerCopy(UUID uid, String workflowId, String state, long version, FieldValues values) {
    }

    /**
     * Makes the card what the sync server says it is (a new card when this desktop has none with that identity):
     * what a desktop does when its own change lost to another desktop's, or when a change from the server cannot be
     * made here. The server's order is the truth every desktop converges to, so no check of the card's fields or
     * of anyone's rights stops it; it is audited here ({@link AuditAction#SERVER_COPY}, with {@code why}) and not
     * put in the outbox.
     */
    public Outcome takeServerCopy(Actor actor, ServerCopy copy, String why) {
        return takeServerCopy(actor, copy, why, c -> { });
    }

    /** What sync writes in the same transaction as a server's copy (its lost changes marked), on its connection. */
    @FunctionalInterface
    public interface WithCopy {
        void write(java.sql.Connection connection) throws java.sql.SQLException;
    }

    /**
     * {@link #takeServerCopy(Actor, ServerCopy, String)} with {@code alongside} written in the same transaction: the
     * copy and sync's record of why it was taken are both there or neither is (a console killed in between), and a
     * change made here after the copy is never among what {@code alongside} reads.
     */
    public Outcome takeServerCopy(Actor actor, ServerCopy copy, String why, WithCopy alongside) {
        Objects.requireNonNull(copy, "copy");
        Objects.requireNonNull(alongside, "alongside");
        return inTransaction(null, session -> {
            Made made = new Pipeline(session, actor, new ArrayList<>(), true).takeCopy(copy, why);
            session.doWork(alongside::write);
            return made;
        });
    }

    /**
     * {@link #takeServerCopy} for a page of cards at once (a desktop that joins downloads the server's cards so), in
     * one transaction: all are taken or, when one cannot be, none (its refusal is the outcome).
     */
    public Outcome takeServerCopies(Actor actor, List<ServerCopy> copies, String why) {
        Objects.requireNonNull(copies, "copies");
        int n = copies.size();
        return inTransaction(null, session -> {
            Pipeline pipeline = new Pipeline(session, actor, new ArrayList<>(), true);
            int taken = 0;
            for (ServerCopy copy : copies) {
                pipeline.takeCopy(copy, why);
                if (++taken % 100 == 0) {
                    session.clear(); // written and flushed: the session need not keep them
                }
            }
            return new Made(n > 0, () -> new Outcome.Done(0, "", 0, n + (n == 1 ? " card is" : " cards are")
                    + " now as the server has them."));
        });
    }

    private Outcome apply(Actor actor, Change change, boolean replay) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(change, "change");
        List<Runnable> afterCommit = new ArrayList<>();
        Outcome outcome = inTransaction(change.cardId(),
                session -> new Pipeline(session, actor, afterCommit, replay).run(change));
        if (outcome.isDone()) {
            runAfterCommit(afterCommit, "the change of card #" + change.cardId());
        }
        return outcome;
    }

    /** The actions a committed change asked for (the agents'); one that fails is logged, the change stays committed. */
    private static void runAfterCommit(List<Runnable> actions, String what) {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("An action after {} failed; the change itself is committed", what, e);
            }
        }
    }

    /** How a batch ({@link #applyAll}) says how far it has got, and hears that the person wants it stopped. */
    public interface BatchProgress {

        BatchProgress NONE = new BatchProgress() {
            @Override
            public void checked(int done, int total) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        /** {@code done} changes of {@code total} have been taken through the pipeline. */
        void checked(int done, int total);

        /** Whether to stop: the batch is then rolled back, whatever it had made. */
        boolean cancelled();
    }

    /**
     * What became of a batch: each change's outcome, in the batch's order (a change after a cancellation or a
     * failure has none), and whether it was committed. A {@link Outcome.Done} of a batch that was not committed
     * says what the change would have done: nothing of it was written.
     */
    public record Batch(List<Outcome> outcomes, boolean committed, boolean cancelled) {

        public Batch {
            outcomes = List.copyOf(outcomes);
        }

        /** The positions in the batch of the changes that were refused. */
        public List<Integer> refused() {
            List<Integer> refused = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                if (!outcomes.get(i).isDone()) {
                    refused.add(i);
                }
            }
            return refused;
        }
    }

    /**
     * Makes every change of {@code changes} as {@code actor}, each through every step of the pipeline ({@link #apply}),
     * all in one transaction, which is committed only when every change was done and {@code progress} did not ask to
     * stop: otherwise nothing of the batch is written. Every change is tried even after a refusal, each seeing the
     * ones before it as made (a column's hard limit counts them), so that the outcome names every change that would
     * be refused. For imports: all or nothing.
     */
    public Batch applyAll(Actor actor, List<? extends Change> changes, BatchProgress progress) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(progress, "progress");
        List<Outcome> outcomes = new ArrayList<>(changes.size());
        List<Runnable> afterCommit = new ArrayList<>();
        boolean allDone = true;
        boolean cancelled = false;
        Session session = sessionFactory.openSession();
        Transaction tx = null;
        try {
            tx = session.beginTransaction();
            for (int i = 0; i < changes.size(); i++) {
                if (progress.cancelled()) {
                    cancelled = true;
                    break;
                }
                Change change = Objects.requireNonNull(changes.get(i), "change");
                Outcome outcome;
                try {
                    Made made = new Pipeline(session, actor, afterCommit, false).run(change);
                    session.flush(); // written now, so that the next change sees it and this one's state is not kept
                    outcome = made.done().get();
                } catch (RefusedException e) {
                    outcome = e.outcome;
                } catch (OptimisticLockException | StaleStateException | PessimisticLockException | LockAcquisitionException e) {
                    outcomes.add(conflictAfterTheFact(change.cardId())); // the session cannot go on: stop here
                    allDone = false;
                    break;
                }
                if (!outcome.isDone() || (i + 1) % BATCH_CLEAR == 0) {
                    session.clear(); // nothing of a refused change stays in the session; the session stays small
                }
                allDone &= outcome.isDone();
                outcomes.add(outcome);
                progress.checked(i + 1, changes.size());
            }
            if (allDone && !cancelled) {
                tx.commit();
            } else {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            Transaction failed = tx;
            throw StoreFailures.explain(e, () -> rollback(failed));
        } finally {
            session.close();
        }
        boolean committed = allDone && !cancelled;
        if (committed) {
            runAfterCommit(afterCommit, "a batch of " + changes.size() + " changes");
        }
        return new Batch(outcomes, committed, cancelled);
    }

    /**
     * What a {@link CardChange} throws to refuse the change it belongs to, with {@code sentence} as the reason (an
     * import's cell that names no client, say): the pipeline refuses the change as invalid and writes nothing of it.
     */
    public static RuntimeException refusal(String sentence) {
        return refuse(Outcome.Refusal.INVALID, sentence);
    }

    // ------------------------------------------------------------------ the pipeline

    /** What a change made: its outcome once committed (a card's new version is known then); nothing written: rolled back. */
    record Made(boolean wrote, Supplier<Outcome.Done> done) {
    }

    /** A card's field values before a change, and the fields to compare after it. */
    private record Before(Map<CardField<?>, Object> values) {
    }

    /** What a permission request grants, whether in force, to whom; null for another card. */
    private record Grant(boolean inForce, String whom, String what) {
        static Grant of(Card card) {
            if (!(card instanceof PermissionRequest p) || card.getState() == null) {
                return null;
            }
            boolean inForce = p.grantInForce();
            return new Grant(inForce, inForce ? GrantEntry.whom(p) : null, inForce ? p.grantText() : null);
        }
    }

    /** What a change did to the card's fields: for the audit trail (text) and the outbox (typed values). */
    private record Edits(EditDiff diff, FieldValues values) {
        static final Edits NONE = new Edits(EditDiff.NONE, FieldValues.NONE);
    }

    /** A card's last move as the trail has it: its entry, when and by whom, the column it left, its event. */
    record LastMove(long seq, Instant at, String actor, AuditAction action, String from, String event) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(java.time.ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** One change being made, inside its transaction. */
    private final class Pipeline {
        private final Session session;
        private final Actor actor;
        private final List<Runnable> afterCommit;
        /** A change replayed from the sync server: no outbox event; the hooks make only what each desktop makes itself. */
        private final boolean replay;
        private final Instant now = clock.instant();

        Pipeline(Session session, Actor actor, List<Runnable> afterCommit, boolean replay) {
            this.session = session;
            this.actor = actor;
            this.afterCommit = afterCommit;
            this.replay = replay;
        }

        Made run(Change change) {
            Card card = load(change);
            if (change instanceof Change.Correct c) {
                return corrected(card, c);
            }
            Workflow workflow = workflows.get(card.workflowId());
            String from = change instanceof Change.Create ? null : card.getState();
            Transition t = change instanceof Change.Move m ? legal(workflow, from, m) : null;
            String to = t != null ? t.to() : from != null ? from : workflow.initialState().id();
            permitted(workflow, card, to, t, change);
            // a move and a creation put the card in a column: at its end, within its hard limit
            long position = change instanceof Change.Create || change instanceof Change.Move
                    ? ColumnLimits.placeIn(session, workflow, to) : card.getPosition();
            Grant grant = Grant.of(card);
            Edits edits = fields(card, change, from);
            if (t != null) {
                guarded(card, t);
            }
            if (change instanceof Change.Create c) {
                return created(workflow, card, to, position, edits);
            }
            if (change instanceof Change.Move m) {
                return moved(workflow, card, t, position, m, edits, grant);
            }
            if (change instanceof Change.Edit e) {
                return edited(card, e, edits, grant);
            }
            return reordered(card, (Change.Reorder) change);
        }

        /** What each event out of the card's column would meet (see {@link CardService#check}); writes nothing. */
        List<MoveCheck> check(Card card) {
            Workflow workflow = workflows.get(card.workflowId());
            List<MoveCheck> checks = new ArrayList<>();
            for (Transition t : workflow.transitionsFrom(card.getState())) {
                MoveCheck.Verdict verdict = MoveCheck.Verdict.OPEN;
                String reason = null;
                try {
                    permitted(workflow, card, t.to(), t, null);
                    ColumnLimits.placeIn(session, workflow, t.to());
                    if (card.inputsFor(t.event()).isEmpty()) {
                        guarded(card, t);
                    }
                } catch (RefusedException e) {
                    verdict = e.outcome.reason() == Outcome.Refusal.NOT_PERMITTED ? MoveCheck.Verdict.FORBIDDEN
                            : MoveCheck.Verdict.LOCKED;
                    reason = e.outcome.message();
                }
                checks.add(new MoveCheck(t, verdict, reason));
            }
            return checks;
        }

        /** The card (a new one for a creation), at the version the person saw. */
        private Card load(Change change) {
            if (change instanceof Change.Create c) {
                Workflow w = workflows.find(c.workflowId()).orElseThrow(() -> refuse(Outcome.Refusal.INVALID,
                        "There is no board '" + c.workflowId() + "' to make a card on."));
                Card card = CardKinds.newCard(w.id(), c.title());
                if (c.uid() != null) {
                    card.takeUid(c.uid());
                }
                return card;
            }
            long id = change.cardId();
            Card card = session.find(Card.class, id);
            if (card == null) {
                throw new RefusedException(notFound(id));
            }
            if (change.expectedVersion() != null && card.getVersion() != change.expectedVersion()) {
                if (change instanceof Change.Correct) {
                    throw refuse(Outcome.Refusal.CONFLICT, "'" + card.getTitle() + "' has changed since that move (it is now in "
                            + workflows.get(card.workflowId()).stateLabel(card.getState()) + "): only a card's last change "
                            + "can be taken back. Open the card to see what happened.");
                }
                throw new RefusedException(conflict(card));
            }
            return card;
        }

        /** The transition a move takes: its event from the card's state, leading to its target if it names one. */
        private Transition legal(Workflow workflow, String from, Change.Move m) {
            FireResult fired = m.event() != null ? workflow.fire(from, m.event()) : workflow.moveTo(from, m.targetState());
            if (fired instanceof FireResult.Refused refused) {
                throw refuse(Outcome.Refusal.ILLEGAL_MOVE, refused.message());
            }
            Transition t = ((FireResult.Fired) fired).transition();
            if (m.targetState() != null && !t.to().equals(m.targetState())) {
                throw refuse(Outcome.Refusal.ILLEGAL_MOVE, workflow.eventLabel(t.event()) + " leads to "
                        + workflow.stateLabel(t.to()) + ", not to " + workflow.stateLabel(m.targetState()) + ". "
                        + workflow.optionsFrom(from));
            }
            return t;
        }

        /**
         * The actor's right: to fire the event (a move) on this card, to create on the board, or to edit cards in the
         * state. What a change's values may alter is checked once they are applied ({@link #fields}).
         */
        private void permitted(Workflow workflow, Card card, String state, Transition t, Change change) {
            Optional<String> forbidden = t != null
                    ? access.checkFire(session, actor, workflow, t).or(() -> card.refuseFire(t.event(), actor))
                    : change instanceof Change.Create ? access.checkCreate(session, actor, workflow)
                    : access.checkEdit(session, actor, workflow, state);
            if (forbidden.isPresent()) {
                throw refuse(Outcome.Refusal.NOT_PERMITTED, forbidden.get());
            }
        }

        /**
         * Applies the change's field values, checks that the actor may change the fields they really alter (whatever
         * path the values came by: a form, an event's inputs, an import, a replayed change), then checks every field;
         * what changed, for the trail and the outbox. {@code from}: the card's state before (null: a creation).
         */
        private Edits fields(Card card, Change change, String from) {
            CardChange values = change.fields();
            if (change instanceof Change.Move m && m.note() != null && m.note().strip().length() > NOTE_MAX) {
                throw refuse(Outcome.Refusal.INVALID, "The note is " + m.note().strip().length() + " characters long; at most "
                        + NOTE_MAX + " fit. Shorten it, or put the rest in a field of the card.");
            }
            String noteProblem = change instanceof Change.Move m ? Checks.controlProblem("The note", m.note(), true) : null;
            if (noteProblem != null) {
                throw refuse(Outcome.Refusal.INVALID, noteProblem);
            }
            boolean nothing = values == CardChange.NONE || values instanceof FieldValues f && f.isEmpty();
            Before before = nothing || change instanceof Change.Create ? null : snapshot(card, values);
            String ownerBefore = from == null ? null : card.owner();
            values.apply(card, new SessionRefs(session));
            Edits edits = change instanceof Change.Create ? sinceBlank(card) : before == null ? Edits.NONE : since(card, before);
            Optional<String> forbidden = card.refuseChange(actor, from, ownerBefore, edits.values().fields());
            if (forbidden.isPresent()) {
                throw refuse(Outcome.Refusal.NOT_PERMITTED, forbidden.get());
            }
            List<String> problems = change instanceof Change.Reorder ? List.of() : card.validate(); // a reorder writes no field
            if (!problems.isEmpty()) {
                throw refuse(Outcome.Refusal.INVALID, String.join(" ", problems));
            }
            if (!replay && edits.values().fields().contains(Card.ASSIGNEE)) { // a name too long is told so first
                assignable(Card.ASSIGNEE.get(card));
            }
            return edits;
        }

        /**
         * A card is assigned to a staff member, by user name: a name no account has ("nobody", a typo) is refused,
         * whatever path it came by (the form, an import, the command line). Not on a replay: the server's order
         * stands, and the account may reach this desktop after the card that names it (decision record 6).
         */
        private void assignable(String assignee) {
            if (assignee == null || assignee.isBlank()) {
                return;
            }
            boolean known = session.doReturningWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM staff_member WHERE username = ?")) {
                    ps.setString(1, assignee);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                }
            });
            if (!known) {
                throw refuse(Outcome.Refusal.INVALID, "No staff member is called '" + Labels.cut(assignee, 60)
                        + "': assign the card to someone from the staff list (by their user name), or to nobody.");
            }
        }

        private void guarded(Card card, Transition t) {
            Optional<String> blocked = card.guard(t.event(), hooks.guardContext(session, card, t, actor));
            if (blocked.isPresent()) {
                throw refuse(Outcome.Refusal.GUARD, blocked.get());
            }
        }

        // -------------------------------------------------------------- a correction

        /**
         * Takes back the card's last move: every check of {@link #correctable}, the reason, the column it returns
         * to (its hard limit); then the card goes back to the end of that column, audited as {@link
         * AuditAction#CORRECTED} with the reason. No outbox event: a correction is refused while sync is on (the
         * server takes only moves along the workflow; see decision record 10), and what was made before a folder
         * is connected is uploaded as it is then.
         */
        private Made corrected(Card card, Change.Correct c) {
            String reason = blankToNull(c.reason());
            if (reason == null) {
                throw refuse(Outcome.Refusal.INVALID, "Say why the move is taken back: the reason is kept in the card's history.");
            }
            if (reason.length() > NOTE_MAX) {
                throw refuse(Outcome.Refusal.INVALID, "The reason is " + reason.length() + " characters long; at most "
                        + NOTE_MAX + " fit. Shorten it.");
            }
            String problem = Checks.controlProblem("The reason", reason, true);
            if (problem != null) {
                throw refuse(Outcome.Refusal.INVALID, problem);
            }
            LastMove move = correctable(card);
            Workflow workflow = workflows.get(card.workflowId());
            long position = ColumnLimits.placeIn(session, workflow, move.from());
            long base = card.getVersion();
            String from = card.getState();
            card.enter(move.from(), position, now);
            String details = "takes back entry " + move.seq() + ": " + workflow.eventLabel(move.event()) + " by "
                    + move.actor() + " at " + WHEN.format(move.at());
            audit.append(session, new AuditRecord(now, actor.auditName(), AuditAction.CORRECTED, card.workflowId(),
                    card.getId(), from, move.from(), move.event(), reason, details));
            String message = "'" + card.getTitle() + "' is back in " + workflow.stateLabel(move.from()) + ": the move to "
                    + workflow.stateLabel(from) + " was taken back.";
            return new Made(true, () -> new Outcome.Done(card.getId(), move.from(), card.getVersion(), message));
        }

        /**
         * The card's last move, when the actor may take it back now: the card's kind allows it, sync is off, its last
         * change is that move, nothing followed it that cannot be undone (a checklist made or ticked, a message
         * delivered, a right granted, another card made), and the actor is its mover within
         * {@link #CORRECTION_WINDOW} or a manager. Refused with a sentence otherwise.
         */
        LastMove correctable(Card card) {
            if (actor.kind() != Actor.Kind.STAFF) {
                throw refuse(Outcome.Refusal.NOT_PERMITTED, "Only a person takes a move back: agents and the console itself do not.");
            }
            Optional<String> never = card.refuseCorrection();
            if (never.isPresent()) {
                throw refuse(Outcome.Refusal.ILLEGAL_MOVE, never.get());
            }
            if (syncIsOn()) {
                throw refuse(Outcome.Refusal.NOT_PERMITTED, "This console is connected to a sync server, which takes only "
                        + "moves along the workflow: a move cannot be taken back while sync is on. Move the card with the "
                        + "board's own events instead.");
            }
            Workflow workflow = workflows.get(card.workflowId());
            LastMove move = lastMove(card, workflow);
            String effect = effectAfter(card, move);
            if (effect != null) {
                throw refuse(Outcome.Refusal.ILLEGAL_MOVE, "The move to " + workflow.stateLabel(card.getState())
                        + " cannot be taken back: " + effect + ". Move the card on with the workflow's own events instead.");
            }
            boolean manager = actor.hasRole(Role.MANAGER) || actor.hasRole(Role.ADMINISTRATOR);
            if (manager) {
                access.checkEdit(session, actor, workflow, card.getState()).ifPresent(why -> {
                    throw refuse(Outcome.Refusal.NOT_PERMITTED, why);
                });
                return move;
            }
            if (!move.actor().equals(actor.auditName())) {
                throw refuse(Outcome.Refusal.NOT_PERMITTED, move.actor() + " made this move: only they, within "
                        + CORRECTION_WINDOW.toMinutes() + " minutes of it, or a manager can take it back.");
            }
            if (now.isAfter(move.at().plus(CORRECTION_WINDOW))) {
                throw refuse(Outcome.Refusal.NOT_PERMITTED, "You made this move at "
                        + TIME.withZone(clock.getZone()).format(move.at()) + ", more than " + CORRECTION_WINDOW.toMinutes()
                        + " minutes ago: only a manager can take it back now. Ask one, with the reason.");
            }
            Optional<String> forbidden = workflow.transitionsBetween(move.from(), card.getState()).stream()
                    .filter(t -> t.event().equals(move.event())).findFirst()
                    .map(t -> access.checkFire(session, actor, workflow, t))
                    .orElseGet(() -> access.checkEdit(session, actor, workflow, card.getState()));
            if (forbidden.isPresent()) {
                throw refuse(Outcome.Refusal.NOT_PERMITTED, forbidden.get());
            }
            return move;
        }

        private boolean syncIsOn() {
            return session.doReturningWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sync_settings");
                     ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            });
        }

        /** The card's last change in the trail, which must be a move (not a creation, an edit, or a correction). */
        private LastMove lastMove(Card card, Workflow workflow) {
            StringBuilder actions = new StringBuilder();
            for (AuditAction a : AuditAction.CARD_CHANGES) {
                actions.append(actions.length() == 0 ? "'" : ", '").append(a.name()).append('\'');
            }
            for (AuditAction a : AuditAction.CARD_COPIES) {
                actions.append(", '").append(a.name()).append('\'');
            }
            LastMove last = session.doReturningWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, actor, action, from_state, event FROM audit_entry "
                        + "WHERE card_id = ? AND action IN (" + actions + ") ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")) {
                    ps.setLong(1, card.getId());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? new LastMove(rs.getLong("seq"), rs.getObject("at", java.time.OffsetDateTime.class)
                                .toInstant(), rs.getString("actor"), AuditAction.valueOf(rs.getString("action")),
                                rs.getString("from_state"), rs.getString("event")) : null;
                    }
                }
            });
            String title = "'" + card.getTitle() + "'";
            if (last == null || last.action() == AuditAction.CREATED) {
                throw refuse(Outcome.Refusal.ILLEGAL_MOVE, title + " has not moved since it was created: there is no move to take back.");
            }
            if (last.action() == AuditAction.CORRECTED) {
                throw refuse(Outcome.Refusal.ILLEGAL_MOVE, title + "'s last move was taken back already: it is in "
                        + workflow.stateLabel(card.getState()) + ".");
            }
            if (last.action() != AuditAction.MOVED) {
                throw refuse(Outcome.Refusal.ILLEGAL_MOVE, title + " was " + (last.action() == AuditAction.EDITED ? "edited"
                        : last.action() == AuditAction.REORDERED ? "moved within its column" : "taken from the sync server")
                        + " after its last move: only a card's last change can be taken back.");
            }
            return last;
        }

        /**
         * What followed {@code move} that cannot be taken back, in words ("a task of its checklist was ticked"); null
         * when nothing did. Looks at the card's entries after the move, and at the entries written in the move's own
         * transaction (those after it with the same time): the cards, checklists and messages its hooks made.
         */
        private String effectAfter(Card card, LastMove move) {
            List<String> effects = session.doReturningWork(c -> {
                List<String> found = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT at, action FROM audit_entry WHERE seq > ? ORDER BY seq "
                        + "FETCH FIRST 100 ROWS ONLY")) {
                    ps.setLong(1, move.seq());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next() && rs.getObject("at", java.time.OffsetDateTime.class).toInstant().equals(move.at())) {
                            found.add(effect(rs.getString("action"), false));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT action FROM audit_entry WHERE card_id = ? AND seq > ? "
                        + "ORDER BY seq FETCH FIRST 100 ROWS ONLY")) {
                    ps.setLong(1, card.getId());
                    ps.setLong(2, move.seq());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(effect(rs.getString("action"), true));
                        }
                    }
                }
                return found;
            });
            return effects.isEmpty() ? null : Labels.andList(effects.stream().distinct().toList());
        }

        /** An entry that followed a move, as the reason it cannot be taken back ({@code own}: about the card itself). */
        private static String effect(String action, boolean own) {
            switch (action) {
                case "TASKS_CREATED":
                    return "it made a checklist for the card";
                case "TASK_DONE":
                case "TASK_REOPENED":
                    return "a task of its checklist was ticked since";
                case "MESSAGE_DELIVERED":
                    return "an agent message was delivered";
                case "PERMISSION_GRANTED":
                case "PERMISSION_REVOKED":
                    return "it changed what someone may do";
                case "CREATED":
                    return own ? "something followed it" : "it made other cards (such as an agent message)";
                default:
                    return own ? "the card changed since" : "it did more than move the card";
            }
        }

        // -------------------------------------------------------------- the server's copy

        Made takeCopy(ServerCopy copy, String why) {
            Workflow workflow = workflows.find(copy.workflowId()).orElseThrow(() -> refuse(Outcome.Refusal.INVALID,
                    "The server's card is on a board this desktop does not have (" + copy.workflowId() + ")."));
            if (!workflow.hasState(copy.state())) {
                throw refuse(Outcome.Refusal.INVALID, "The server's card is in a column " + workflow.board()
                        + " does not have here: check that every desktop runs the same workflows.");
            }
            Card card = session.createSelectionQuery("from Card c where c.uid = :uid", Card.class)
                    .setParameter("uid", copy.uid()).getSingleResultOrNull();
            String from = card == null ? null : card.getState();
            long oldVersion = card == null ? -1 : card.getVersion();
            if (card != null && !card.workflowId().equals(workflow.id())) {
                throw refuse(Outcome.Refusal.INVALID, "The server's card #" + card.getId() + " is on another board.");
            }
            Before before = card == null ? null : snapshot(card, copy.values());
            if (card == null) {
                card = CardKinds.newCard(workflow.id(), "");
                card.takeUid(copy.uid());
            }
            copy.values().apply(card, new SessionRefs(session));
            if (from == null) {
                card.place(copy.state(), endOfColumn(workflow.id(), copy.state()), now);
                session.persist(card);
            } else if (!from.equals(copy.state())) {
                card.enter(copy.state(), endOfColumn(workflow.id(), copy.state()), now);
            } else {
                card.touch(now);
            }
            session.flush();
            long id = card.getId();
            session.doWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE card SET version = ? WHERE id = ?")) {
                    ps.setLong(1, copy.version());
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
            });
            List<EditDiff.Line> lines = new ArrayList<>();
            lines.add(new EditDiff.Line(AuditAction.COPY_VERSION, oldVersion < 0 ? "" : Long.toString(oldVersion), Long.toString(copy.version())));
            lines.addAll((before == null ? sinceBlank(card) : since(card, before)).diff().lines());
            audit.append(session, new AuditRecord(now, actor.auditName(), AuditAction.SERVER_COPY, workflow.id(), id, from,
                    copy.state(), null, why, new EditDiff(lines).format()));
            String title = card.getTitle();
            return new Made(true, () -> new Outcome.Done(id, copy.state(), copy.version(),
                    "'" + title + "' is now as the server has it."));
        }

        // -------------------------------------------------------------- writing

        private Made created(Workflow workflow, Card card, String initial, long position, Edits edits) {
            card.place(initial, position, now);
            session.persist(card); // an identity column: inserted now, so its id is known
            record(card, AuditAction.CREATED, null, initial, null, null, details(edits), 0,
                    new Change.Create(workflow.id(), card.getTitle(), edits.values()));
            String message = Labels.withArticle(card.kindLabel()) + " '" + card.getTitle() + "' was created in "
                    + workflow.stateLabel(initial) + ".";
            return new Made(true, () -> new Outcome.Done(card.getId(), initial, card.getVersion(), message));
        }

        private Made moved(Workflow workflow, Card card, Transition t, long position, Change.Move m, Edits edits, Grant grant) {
            long base = card.getVersion();
            String from = card.getState();
            card.enter(t.to(), position, now);
            card.afterTransition(t.event());
            record(card, AuditAction.MOVED, from, t.to(), t.event(), m.note(), details(edits), base,
                    new Change.Move(card.getId(), t.event(), t.to(), base, edits.values(), blankToNull(m.note())));
            auditGrant(card, grant);
            hooks.afterMove(new HookContext(this, workflow, card, t));
            String message = Labels.withArticle(card.kindLabel()) + " moved from " + workflow.stateLabel(from) + " to "
                    + workflow.stateLabel(t.to()) + " (by " + workflow.eventLabel(t.event()) + ").";
            return new Made(true, () -> new Outcome.Done(card.getId(), t.to(), card.getVersion(), message));
        }

        private Made edited(Card card, Change.Edit e, Edits edits, Grant grant) {
            if (edits.diff().isEmpty() && !replay) {
                return nothingChanged(card);
            }
            long base = card.getVersion();
            card.touch(now);
            record(card, AuditAction.EDITED, null, null, null, null, details(edits), base,
                    new Change.Edit(card.getId(), base, edits.values()));
            auditGrant(card, grant);
            String message = Labels.withArticle(card.kindLabel()) + " '" + card.getTitle() + "' was saved.";
            return new Made(true, () -> new Outcome.Done(card.getId(), card.getState(), card.getVersion(), message));
        }

        private Made reordered(Card card, Change.Reorder r) {
            if (replay && !(inColumn(r.previousId(), card) && inColumn(r.nextId(), card)
                    && (r.previousId() != null || r.nextId() != null))) {
                // the other desktop's neighbours are not here: the card goes to its column's end, a change all the same
                return reorderedTo(card, r, endOfColumn(card),
                        "at the end of its column (its neighbours on the other desktop are not in it here)", false);
            }
            Long above = positionInColumn(r.previousId(), card);
            Long below = positionInColumn(r.nextId(), card);
            if (above == null && below == null) {
                return nothingChanged(card);
            }
            boolean renumbered = above != null && below != null && below - above <= 1;
            if (renumbered) {
                renumber(card.workflowId(), card.getState());
                session.refresh(card);
                above = positionInColumn(r.previousId(), card);
                below = positionInColumn(r.nextId(), card);
            }
            String where = (r.previousId() == null ? "at the top" : "after #" + r.previousId())
                    + (r.nextId() == null ? "" : (r.previousId() == null ? ", above #" : ", before #") + r.nextId())
                    + (renumbered ? "; the column was renumbered to make room" : "");
            return reorderedTo(card, r, above == null ? below - POSITION_STEP : below == null ? above + POSITION_STEP
                    : above + (below - above) / 2, where, renumbered);
        }

        private Made reorderedTo(Card card, Change.Reorder r, long position, String where, boolean renumbered) {
            long base = card.getVersion();
            card.setPosition(position);
            card.touch(now);
            record(card, AuditAction.REORDERED, card.getState(), card.getState(), null, null, where, base,
                    new Change.Reorder(card.getId(), r.previousId(), r.nextId(), base));
            String message = renumbered ? "The column was renumbered."
                    : Labels.withArticle(card.kindLabel()) + " '" + card.getTitle() + "' was moved within its column.";
            return new Made(true, () -> new Outcome.Done(card.getId(), card.getState(), card.getVersion(), message));
        }

        private String details(Edits edits) {
            return edits.diff().isEmpty() ? null : edits.diff().format();
        }

        private Made nothingChanged(Card card) {
            long version = card.getVersion();
            return new Made(false, () -> new Outcome.Done(card.getId(), card.getState(), version, "Nothing changed."));
        }

        /** The change's audit entry and outbox event, in its transaction. */
        private void record(Card card, AuditAction action, String from, String to, String event, String note, String details,
                            long base, Change change) {
            String payload = ChangeJson.write(change);
            fits(details, AuditEntry.DETAILS_MAX);
            fits(payload, OutboxEvent.PAYLOAD_MAX);
            audit.append(session, new AuditRecord(now, actor.auditName(), action, card.workflowId(), card.getId(), from, to,
                    event, note, details));
            if (replay) {
                return; // the server has it
            }
            // an edit names the state it was made in, as a move names the one it left: the server checks both
            String column = from == null && to == null ? card.getState() : null;
            outbox.append(session, OutboxEvent.of(now, change.kind(), card.workflowId(), card.getId(), base,
                    column != null ? column : from, column != null ? column : to, event,
                    actor.auditName(), payload));
        }

        /** Refuses a change whose record ({@code text}: its details or its payload) could not be kept whole. */
        private void fits(String text, int max) {
            if (text != null && text.length() > max) {
                throw refuse(Outcome.Refusal.INVALID, String.format(java.util.Locale.ROOT, "This change is too large to "
                        + "keep whole in the card's history: written out it has %,d characters, and at most %,d fit. Make "
                        + "it in smaller steps (for example fewer artworks or milestones at a time).", text.length(), max));
            }
        }

        /**
         * Records a change of what a permission request grants in force (who has it, what it is), as the trail's
         * replay reads it: the grant in force before is removed, the one in force after is granted.
         */
        private void auditGrant(Card card, Grant before) {
            Grant after = Grant.of(card);
            if (before == null || after.equals(before)) {
                return;
            }
            if (before.inForce()) {
                audit.append(session, new AuditRecord(now, actor.auditName(), AuditAction.PERMISSION_REVOKED, card.workflowId(),
                        card.getId(), null, null, null, null, GrantEntry.revoked(before.whom(), before.what())));
            }
            if (after.inForce()) {
                audit.append(session, new AuditRecord(now, actor.auditName(), AuditAction.PERMISSION_GRANTED, card.workflowId(),
                        card.getId(), null, null, null, null, GrantEntry.granted(after.whom(), after.what())));
            }
        }

        // -------------------------------------------------------------- positions

        /** The position after the last card of {@code card}'s column (the card is in it already: no limit applies). */
        private long endOfColumn(Card card) {
            return endOfColumn(card.workflowId(), card.getState());
        }

        /** The position after the last card of a column, whatever its limit (the server's copy is the truth). */
        private long endOfColumn(String workflowId, String state) {
            return session.doReturningWork(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT MAX(position) AS last FROM card WHERE workflow_id = ? AND state = ?")) {
                    ps.setString(1, workflowId);
                    ps.setString(2, state);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong("last") + POSITION_STEP;
                    }
                }
            });
        }

        /** Whether {@code id} is no neighbour at all, or a card in {@code card}'s column here. */
        private boolean inColumn(Long id, Card card) {
            if (id == null) {
                return true;
            }
            return session.doReturningWork(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT 1 FROM card WHERE id = ? AND workflow_id = ? AND state = ? AND id <> ?")) {
                    ps.setLong(1, id);
                    ps.setString(2, card.workflowId());
                    ps.setString(3, card.getState());
                    ps.setLong(4, card.getId());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                }
            });
        }

        /** The position of a neighbour in the card's column, read as stored now; null for no neighbour. */
        private Long positionInColumn(Long id, Card card) {
            if (id == null) {
                return null;
            }
            Long position = session.doReturningWork(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT position FROM card WHERE id = ? AND workflow_id = ? AND state = ?")) {
                    ps.setLong(1, id);
                    ps.setString(2, card.workflowId());
                    ps.setString(3, card.getState());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong("position") : null;
                    }
                }
            });
            if (position == null) {
                throw refuse(Outcome.Refusal.CONFLICT, "The column changed while you were dragging: look at it again and retry.");
            }
            return position;
        }

        /**
         * Spreads a column's positions out again, {@link #POSITION_STEP} apart in their order. Only the order is
         * rewritten: no card's version changes, and the reorder that needed the room is the one audit entry.
         */
        private void renumber(String workflowId, String state) {
            session.doWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE card c SET position = (SELECT COUNT(*) FROM card d "
                        + "WHERE d.workflow_id = c.workflow_id AND d.state = c.state AND (d.position < c.position OR "
                        + "(d.position = c.position AND d.id <= c.id))) * " + POSITION_STEP
                        + " WHERE c.workflow_id = ? AND c.state = ?")) {
                    ps.setString(1, workflowId);
                    ps.setString(2, state);
                    ps.executeUpdate();
                }
            });
        }

        // -------------------------------------------------------------- what changed

        /** The values of the fields {@code change} may write, before it does. */
        private Before snapshot(Card card, CardChange change) {
            Collection<CardField<?>> fields = change instanceof FieldValues f ? f.fields() : card.allFields();
            Map<CardField<?>, Object> values = new LinkedHashMap<>();
            for (CardField<?> f : fields) {
                if (card.allFields().contains(f)) { // a field the card lacks is refused when the values are applied
                    values.put(f, f.get(card));
                }
            }
            return new Before(values);
        }

        private Edits since(Card card, Before before) {
            List<EditDiff.Line> lines = new ArrayList<>();
            FieldValues values = FieldValues.NONE;
            for (Map.Entry<CardField<?>, Object> e : before.values().entrySet()) {
                values = compare(card, e.getKey(), e.getValue(), lines, values);
            }
            return new Edits(new EditDiff(lines), values);
        }

        @SuppressWarnings("unchecked")
        private <V> FieldValues compare(Card card, CardField<V> f, Object old, List<EditDiff.Line> lines, FieldValues values) {
            V was = (V) old;
            V now = f.get(card);
            Object value = f.toValue(now);
            if (f.sameValue(f.toValue(was), value)) {
                return values;
            }
            lines.add(new EditDiff.Line(f.key(), f.display(was), f.display(now)));
            return values.withValue(f, value);
        }

        /** A new card's fields that have a value, as if each had been set from nothing. */
        private Edits sinceBlank(Card card) {
            List<EditDiff.Line> lines = new ArrayList<>();
            FieldValues values = FieldValues.NONE;
            for (CardField<?> f : card.allFields()) {
                String shown = f.display(card);
                if (!shown.isEmpty()) {
                    lines.add(new EditDiff.Line(f.key(), "", shown));
                    values = values.withValue(f, f.value(card));
                }
            }
            return new Edits(new EditDiff(lines), values);
        }
    }

    // ------------------------------------------------------------------ transactions

    /**
     * Runs {@code work} in a transaction of its own: committed when it wrote something, else rolled back; a
     * refusal ({@link RefusedException}) or a concurrent change rolls it back and becomes the outcome.
     */
    Outcome inTransaction(Long cardId, Function<Session, Made> work) {
        Session session = sessionFactory.openSession();
        Transaction tx = null;
        try {
            tx = session.beginTransaction();
            Made made = work.apply(session);
            if (made.wrote()) {
                tx.commit();
            } else {
                tx.rollback();
            }
            return made.done().get();
        } catch (RefusedException e) {
            rollback(tx);
            return e.outcome;
        } catch (OptimisticLockException | StaleStateException | PessimisticLockException | LockAcquisitionException e) {
            rollback(tx);
            return conflictAfterTheFact(cardId);
        } catch (RuntimeException e) {
            Transaction failed = tx;
            throw StoreFailures.explain(e, () -> rollback(failed)); // a read-only or full disk: a sentence, not H2's words
        } finally {
            session.close();
        }
    }

    private static void rollback(Transaction tx) {
        if (tx != null && tx.isActive()) {
            tx.rollback();
        }
    }

    private Outcome conflictAfterTheFact(Long cardId) {
        if (cardId == null) {
            return new Outcome.Refused(Outcome.Refusal.CONFLICT, "Someone else was changing the same data: try again.");
        }
        try (Session s = sessionFactory.openSession()) {
            Card now = s.find(Card.class, cardId);
            return now == null ? notFound(cardId) : conflict(now);
        }
    }

    private Outcome.Refused conflict(Card card) {
        String now = workflows.find(card.workflowId()).map(w -> w.stateLabel(card.getState())).orElse(card.getState());
        return new Outcome.Refused(Outcome.Refusal.CONFLICT, "Someone else changed this " + card.kindLabel()
                + " first: it is now in " + now + ". Look at it again, then retry if the change still makes sense.");
    }

    private static Outcome.Refused notFound(long cardId) {
        return new Outcome.Refused(Outcome.Refusal.NOT_FOUND, "There is no card #" + cardId + ": it may have been removed.");
    }

    static RefusedException refuse(Outcome.Refusal reason, String message) {
        return new RefusedException(new Outcome.Refused(reason, message));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Thrown from inside a change to refuse it (the transaction rolls back). */
    static final class RefusedException extends RuntimeException {
        final Outcome.Refused outcome;

        RefusedException(Outcome.Refused outcome) {
            super(outcome.message(), null, false, false);
            this.outcome = outcome;
        }
    }

    /** A move as its hooks see it; created only inside a move's transaction. */
    private final class HookContext implements MoveContext {
        private final Pipeline pipeline;
        private final Workflow workflow;
        private final Card card;
        private final Transition transition;

        HookContext(Pipeline pipeline, Workflow workflow, Card card, Transition transition) {
            this.pipeline = pipeline;
            this.workflow = workflow;
            this.card = card;
            this.transition = transition;
        }

        @Override
        public Session session() {
            return pipeline.session;
        }

        @Override
        public Workflow workflow() {
            return workflow;
        }

        @Override
        public Card card() {
            return card;
        }

        @Override
        public Transition transition() {
            return transition;
        }

        @Override
        public Actor actor() {
            return pipeline.actor;
        }

        @Override
        public boolean replayed() {
            return pipeline.replay;
        }

        @Override
        public Instant now() {
            return pipeline.now;
        }

        @Override
        public void audit(AuditRecord record) {
            audit.append(pipeline.session, record);
        }

        @Override
        public Outcome.Done create(String workflowId, String title, Actor creator, CardChange fields) {
            return new Pipeline(pipeline.session, creator, pipeline.afterCommit, pipeline.replay)
                    .run(new Change.Create(workflowId, title, fields)).done().get();
        }

        @Override
        public RuntimeException refuse(Outcome.Refusal reason, String message) {
            throw CardService.refuse(reason, message);
        }

        @Override
        public void afterCommit(Runnable action) {
            pipeline.afterCommit.add(Objects.requireNonNull(action));
        }
    }

    private record SessionRefs(Session session) implements Refs {
        @Override
        public network.higherself.console.card.Client add(network.higherself.console.card.NewClient client) {
            List<String> problems = client.problems();
            if (!problems.isEmpty()) {
                throw refuse(Outcome.Refusal.INVALID, "The new client was not added: " + String.join(" ", problems));
            }
            boolean listed = session.createSelectionQuery("select c.name from Client c where lower(c.name) = :n", String.class)
                    .setParameter("n", client.name().toLowerCase(java.util.Locale.ROOT)).getResultList().stream()
                    .anyMatch(client::sameName);
            if (listed) {
                throw refuse(Outcome.Refusal.INVALID, "A client called '" + Labels.cut(client.name(), 60)
                        + "' is already listed: pick them from the list rather than adding them again.");
            }
            network.higherself.console.card.Client added = client.toClient();
            session.persist(added);
            return added;
        }

        @Override
        public <T> T get(Class<T> type, long id) {
            T found = session.find(type, id);
            if (found == null) {
                throw refuse(Outcome.Refusal.INVALID,
                        "There is no " + Labels.humanize(type.getSimpleName()).toLowerCase() + " #" + id + ".");
            }
            return found;
        }

        @Override
        public <T> List<T> named(Reference<T> reference, String name) {
            // by the reference's own table and name column; a card (a campaign) also by its board
            boolean card = Card.class.isAssignableFrom(reference.type());
            List<Long> ids = session.doReturningWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + reference.table() + " WHERE "
                        + reference.nameColumn() + " = ?" + (card ? " AND workflow_id = ?" : "") + " ORDER BY id")) {
                    ps.setString(1, name);
                    if (card) {
                        ps.setString(2, CardKinds.of(reference.type()).workflowId());
                    }
                    List<Long> found = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getLong(1));
                        }
                    }
                    return found;
                }
            });
            return ids.stream().map(id -> session.find(reference.type(), id)).toList();
        }
    }
}
